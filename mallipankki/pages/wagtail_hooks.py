"""Admin: the editorial pages' listing with missing translations, and the dashboard's translation counts."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from mallipankki.practices.translations import LANGUAGE_NAMES
from mallipankki.practices.wagtail_hooks import practice_listing

from .models import TRANSLATION_LANGUAGES
from .translations import editorial_pages, missing_translation_counts, page_missing_languages, pages_missing_q


def translations_cell(page) -> str:
    missing = page_missing_languages(page)
    if not missing:
        return _("kaikki kielet")
    return _("puuttuu: %(languages)s") % {"languages": ", ".join(missing)}


class EditorialPageFilterSet(PageFilterSet):
    missing_translation = django_filters.ChoiceFilter(
        label=_("Puuttuva käännös"),
        choices=[(lang, LANGUAGE_NAMES[lang]) for lang in TRANSLATION_LANGUAGES],
        empty_label=_("Kaikki"),
        method="filter_missing_translation",
        widget=forms.RadioSelect,
    )

    def filter_missing_translation(self, queryset, name, value):
        return queryset.filter(pages_missing_q(value)) if value else queryset


class EditorialPageIndexView(IndexView):
    page_title = _("Sivujen käännökset")

    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=editorial_pages().values("pk"))


class EditorialPageListingViewSet(PageListingViewSet):
    """Home, theme, article and standard pages in one list: where a translation is missing."""

    model = Page
    name = "sivujen_kaannokset"
    icon = "doc-empty"
    menu_label = _("Sivujen käännökset")
    add_to_admin_menu = False
    index_view_class = EditorialPageIndexView
    filterset_class = EditorialPageFilterSet
    columns = [*IndexView.base_columns, Column("translations", label=_("Käännökset"), accessor=translations_cell)]


editorial_page_listing = EditorialPageListingViewSet()


@hooks.register("register_admin_viewset")
def register_editorial_page_listing():
    return editorial_page_listing


def filtered_url(url_name: str, lang: str) -> str:
    return reverse(url_name) + "?" + urlencode({"missing_translation": lang})


class MissingTranslationsPanel(Component):
    """Per language, how many published practices and pages lack it, each count linking to its listing."""

    name = "missing_translations"
    template_name = "pages/admin/missing_translations_panel.html"
    order = 400

    def __init__(self, counts: list[dict]):
        self.counts = counts

    def get_context_data(self, parent_context):
        rows = []
        for row in self.counts:
            lang = row["lang"]
            rows.append(
                {
                    "language": LANGUAGE_NAMES[lang],
                    "practices": row["practices"],
                    "practices_url": filtered_url(practice_listing.get_url_name("index"), lang),
                    "pages": row["pages"] if lang in TRANSLATION_LANGUAGES else None,
                    "pages_url": filtered_url(editorial_page_listing.get_url_name("index"), lang),
                }
            )
        return {"panel_id": self.name, "rows": rows}


@hooks.register("construct_homepage_panels")
def add_missing_translations_panel(request, panels):
    policy = policy_registry.get_by_type(Page)
    # Those who may list pages: the listings this panel links to need the same.
    if not policy.user_has_any_permission(request.user, {"add", "change", "publish"}):
        return
    panels.append(MissingTranslationsPanel(missing_translation_counts(policy.explorable_instances(request.user))))
