"""Editorial pages: home, themes, articles and standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mallipankki.practices.listing import newest_practices, practices_of_theme


class HomePage(Page):
    intro = models.TextField(_("ingressi"), blank=True, help_text=_("Lyhyt kuvaus palvelun tehtävästä."))
    body = RichTextField(_("sisältö"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["pages.ThemePage", "pages.StandardPage", "pages.ArticlePage", "practices.PracticeIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("etusivu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The theme sections come from {% theme_sections %} in the template.
        context["newest_practices"] = newest_practices(limit=6)
        return context


class ThemePage(Page):
    """One of the six sections; its practices are those tagged with `theme`."""

    theme = models.OneToOneField(
        "vocabularies.Theme",
        verbose_name=_("teema"),
        on_delete=models.PROTECT,
        related_name="page",
        help_text=_("Sivulla näytetään tämän teeman julkaistut mallit."),
    )
    intro = models.TextField(_("ingressi"), blank=True)
    body = RichTextField(_("johdanto"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("featured_practices", label=_("Nostettu malli"), heading=_("Nostetut mallit")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["pages.ArticlePage"]
    parent_page_types = ["pages.HomePage"]

    class Meta:
        verbose_name = _("teemasivu")

    def read_also(self):
        return ArticlePage.objects.child_of(self).live().public().specific().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = [item.practice for item in self.featured_practices.select_related("practice") if item.practice.live]
        context["read_also"] = self.read_also()
        context["featured"], context["practices"] = practices_of_theme(self.theme_id, featured)
        return context


class FeaturedPractice(Orderable):
    page = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="featured_practices")
    practice = models.ForeignKey(
        "practices.PracticePage", verbose_name=_("malli"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("practice")]


class ArticlePage(Page):
    """A short "read also" article."""

    intro = models.TextField(_("ingressi"), blank=True)
    body = RichTextField(_("sisältö"))
    date = models.DateField(_("päivämäärä"), null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("date"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = []

    class Meta:
        verbose_name = _("artikkeli")


class StandardPage(Page):
    """Accessibility statement, privacy notice, about: plain editable text."""

    intro = models.TextField(_("ingressi"), blank=True)
    body = RichTextField(_("sisältö"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    subpage_types = []

    class Meta:
        verbose_name = _("vakiosivu")
