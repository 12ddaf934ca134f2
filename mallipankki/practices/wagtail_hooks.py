"""The practice listing of the admin: Wagtail's page listing with a "Käännökset" column and filter."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import PracticePage
from .translations import LANGUAGE_NAMES, missing_language_q, missing_languages


def translations_cell(practice) -> str:
    missing = missing_languages(practice)
    if not missing:
        return _("kaikki kielet")
    return _("puuttuu: %(languages)s") % {"languages": ", ".join(missing)}


class PracticeFilterSet(PageFilterSet):
    missing_translation = django_filters.ChoiceFilter(
        label=_("Puuttuva käännös"),
        choices=list(LANGUAGE_NAMES.items()),
        empty_label=_("Kaikki"),
        method="filter_missing_translation",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PracticePage
        fields = []

    def filter_missing_translation(self, queryset, name, value):
        return queryset.filter(missing_language_q(value)) if value else queryset


class PracticeListingViewSet(PageListingViewSet):
    """All practices in one flat list, as Wagtail's page permission policy lets the user explore them.

    A regional worker therefore sees only their own regions' practices
    (regions.page_scope narrows `explorable_instances`).
    """

    model = PracticePage
    name = "mallit"
    icon = "doc-full-inverse"
    menu_label = _("Mallit")
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = PracticeFilterSet
    columns = [*IndexView.base_columns, Column("translations", label=_("Käännökset"), accessor=translations_cell)]


practice_listing = PracticeListingViewSet()


@hooks.register("register_admin_viewset")
def register_practice_listing():
    return practice_listing
