from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import YSO_CREDIT, Concept


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "tag"
    menu_label = _("Tesaurus")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["__str__", "slug", "group"]
    list_filter = ["group"]
    search_fields = ["slug", "labels_fi", "labels_sv", "labels_en"]
    ordering = ["group", "slug"]
    panels = [
        HelpPanel(
            content=_(
                "Haku laajentaa kyselyn käsitteen muihin nimikkeisiin kaikilla kolmella kielellä. "
                "Muutos tulee hakuun heti tallennettaessa."
            )
        ),
        FieldPanel("slug"),
        FieldPanel("group"),
        FieldPanel("labels_fi"),
        FieldPanel("labels_sv"),
        FieldPanel("labels_en"),
        FieldPanel("yso_uri"),
        HelpPanel(content=YSO_CREDIT),
    ]


register_snippet(ConceptViewSet)
