from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .confirmations import LOG_ACTION, ConfirmedLogFormatter


@hooks.register("register_admin_urls")
def register_continuity_urls():
    return [path("jatkuvuus/", views.ReportView.as_view(), name="continuity_report")]


class ContinuityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_view_report(request.user)


@hooks.register("register_admin_menu_item")
def register_continuity_menu_item():
    return ContinuityReportMenuItem(_("Jatkuvuusraportti"), reverse("continuity_report"), icon_name="time", order=260)


@hooks.register("register_log_actions")
def register_continuity_log_actions(actions):
    actions.register_action(LOG_ACTION)(ConfirmedLogFormatter)
