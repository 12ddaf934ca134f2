from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Country, Region, TargetGroup, Theme


class TermViewSet(SnippetViewSet):
    list_display = ["code", "name_fi", "name_sv", "name_en"]
    search_fields = []
    list_filter = []
    ordering = ["sort_order", "code"]
    add_to_admin_menu = False


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "folder-open-inverse"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    list_display = ["code", "name_fi", "genitive_fi", "where_fi", "slug"]


class CountryViewSet(TermViewSet):
    model = Country
    icon = "globe"
    ordering = ["name_fi"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Sanastot")
    menu_icon = "list-ul"
    menu_order = 300
    items = (ThemeViewSet, TargetGroupViewSet, RegionViewSet, CountryViewSet)


register_snippet(VocabularyGroup)
