from django import forms
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mallipankki.core.menu import CountedMenuItem

from . import admin_urls, services
from .dashboard import open_count, open_label, open_requests, open_requests_panel
from .models import RegionalWorker
from .page_scope import choosable_pages, without_other_regions_practices


@hooks.register("construct_explorer_page_queryset")
def show_regional_workers_their_own_practices(parent_page, pages, request):
    # The page permission policy narrows the explorer already (see page_scope); this also
    # covers a search of the whole tree should WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS be off.
    return without_other_regions_practices(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_other_regions_drafts_from_regional_workers(pages, request):
    return choosable_pages(pages, request.user)


@hooks.register("register_admin_urls")
def register_support_request_urls():
    return [path("tukipyynnot/", include(admin_urls, namespace="regions_admin"))]


class SupportRequestMenuItem(CountedMenuItem):
    def is_shown(self, request):
        return services.can_use_queue(request.user)

    def count(self, request) -> int:
        return open_count(request.user)

    def count_label(self, count: int) -> str:
        return open_label(count)


@hooks.register("register_admin_menu_item")
def register_support_request_menu_item():
    # Not the "help" icon: Wagtail's own help menu (core.wagtail_hooks) has it.
    return SupportRequestMenuItem(_("Tukipyynnöt"), reverse("regions_admin:index"), icon_name="comment", order=260)


@hooks.register("construct_homepage_panels")
def add_open_support_requests_panel(request, panels):
    if services.can_use_queue(request.user):
        panels.append(open_requests_panel(request.user, open_requests(request.user)))


class RegionalWorkerViewSet(SnippetViewSet):
    """Admins and editors link users to the regions they serve (permissions from migration 0003)."""

    model = RegionalWorker
    icon = "group"
    menu_label = _("Aluetyöntekijät")
    menu_order = 261
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["__str__", "region_names", "title", "public_contact"]
    list_filter = ["regions", "public_contact"]
    search_fields = []
    ordering = ["user__last_name", "user__first_name", "user__username"]
    panels = [
        FieldPanel("user"),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("title"),
        FieldPanel("phone"),
        FieldPanel("public_contact"),
    ]

    def get_queryset(self, request):
        return RegionalWorker.objects.select_related("user").prefetch_related("regions")


register_snippet(RegionalWorkerViewSet)
