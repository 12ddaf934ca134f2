from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import InterestReportView


@hooks.register("register_admin_urls")
def register_interest_report_urls():
    return [
        path("reports/kiinnostus/", InterestReportView.as_view(), name="planning_interest_report"),
        path(
            "reports/kiinnostus/results/",
            InterestReportView.as_view(results_only=True),
            name="planning_interest_report_results",
        ),
    ]


class InterestMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("planning.view_practiceinterest")


@hooks.register("register_reports_menu_item")
def register_interest_report_menu_item():
    return InterestMenuItem(
        _("Kiinnostus malleihin"), reverse("planning_interest_report"), icon_name="list-ul", order=900
    )
