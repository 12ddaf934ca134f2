"""The admin report of interest in practices (models.PracticeInterest)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import PracticeInterest


class InterestReportView(ReportView):
    page_title = _("Kiinnostus malleihin")
    header_icon = "list-ul"
    index_url_name = "planning_interest_report"
    index_results_url_name = "planning_interest_report_results"
    permission_policy = ModelPermissionPolicy(PracticeInterest)
    permission_required = "view"
    model = PracticeInterest
    columns = [
        Column("practice", label=_("Malli"), accessor="practice.title"),
        Column("month", label=_("Kuukausi"), accessor="month_label"),
        Column("shortlisted", label=_("Lisätty muistilistalle")),
        Column("annexed", label=_("Mukana liitteessä")),
    ]
    list_export = ["practice.title", "month", "shortlisted", "annexed"]
    export_headings = {
        "practice.title": _("Malli"),
        "month": _("Kuukausi"),
        "shortlisted": _("Lisätty muistilistalle"),
        "annexed": _("Mukana liitteessä"),
    }

    def get_queryset(self):
        return PracticeInterest.objects.select_related("practice").order_by("-month", "-shortlisted", "-annexed")

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            row.month_label = f"{row.month.month}/{row.month.year}"
        return object_list
