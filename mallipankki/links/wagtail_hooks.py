from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from mallipankki.practices.models import PracticePage

from . import admin_views
from .report import problems_by_practice


@hooks.register("register_admin_urls")
def register_links_urls():
    return [
        path("linkit/", admin_views.ReportView.as_view(), name="links_report"),
        path("linkit/malli/<int:practice_id>/", admin_views.MaterialsView.as_view(), name="links_materials"),
    ]


class LinksReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view_report(request.user)


@hooks.register("register_admin_menu_item")
def register_links_menu_item():
    return LinksReportMenuItem(_("Linkkien kunto"), reverse("links_report"), icon_name="link", order=265)


class LinkHealthPanel(Component):
    """The dashboard's count of broken and failing links in the practices the user follows."""

    name = "link_health"
    order = 160
    template_name = "links/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows = problems_by_practice(admin_views.practices_for(self.user))
        return {
            "broken": sum(row.broken for row in rows),
            "failing": sum(row.failing for row in rows),
            "practices_count": len(rows),
            "report_url": reverse("links_report"),
        }


@hooks.register("construct_homepage_panels")
def add_link_health_panel(request, panels):
    if admin_views.may_view_report(request.user):
        panels.append(LinkHealthPanel(request.user))


@hooks.register("register_page_header_buttons")
def materials_button(page, user, view_name=None, next_url=None):
    if page.specific_class is PracticePage and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Linkit ja arkistokopiot"), reverse("links_materials", args=[page.pk]), icon_name="link", priority=60
        )
