from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from mallipankki.core.menu import CountedMenuItem

from . import views
from .confirmations import LOG_ACTION, ConfirmedLogFormatter
from .dashboard import practices_at_risk, risk_count, risk_label, risks_panel


@hooks.register("register_admin_urls")
def register_continuity_urls():
    return [path("jatkuvuus/", views.ReportView.as_view(), name="continuity_report")]


class ContinuityReportMenuItem(CountedMenuItem):
    def is_shown(self, request):
        return views.may_view_report(request.user)

    def count(self, request) -> int:
        return risk_count(request.user)

    def count_label(self, count: int) -> str:
        return risk_label(count)


@hooks.register("register_admin_menu_item")
def register_continuity_menu_item():
    return ContinuityReportMenuItem(_("Jatkuvuusraportti"), reverse("continuity_report"), icon_name="time", order=260)


@hooks.register("construct_homepage_panels")
def add_continuity_risks_panel(request, panels):
    if views.may_view_report(request.user):
        panels.append(risks_panel(request.user, practices_at_risk(request.user)))


@hooks.register("register_log_actions")
def register_continuity_log_actions(actions):
    actions.register_action(LOG_ACTION)(ConfirmedLogFormatter)
