"""The adoption reports waiting for a decision, on the admin dashboard and as a count on the menu item.

Regional workers see their regions' reports, editors all (access.queue_for).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mallipankki.core.dashboard_panels import DashboardListPanel
from mallipankki.core.permissions import handles_all_regions

from .access import queue_for
from .models import PendingAdoption


def waiting_reports(user):
    """Reports `user` may decide on that wait for a decision, oldest first."""
    return queue_for(user).filter(status=PendingAdoption.Status.PENDING).order_by("created_at", "pk")


def waiting_count(user) -> int:
    return waiting_reports(user).count()


def waiting_label(count: int) -> str:
    """What the menu item's count means, for screen readers: "2 ilmoitusta odottaa vahvistusta"."""
    return ngettext("%(count)s ilmoitus odottaa vahvistusta", "%(count)s ilmoitusta odottaa vahvistusta", count) % {
        "count": count
    }


def report_row(pending) -> dict:
    return {
        "title": pending.organisation,
        "url": reverse("adoptions_admin:detail", args=[pending.pk]),
        "detail": ", ".join(part for part in (pending.practice.title, pending.place, pending.reference) if part),
        "date": pending.created_at,
    }


def waiting_reports_panel(user, reports) -> DashboardListPanel:
    """`reports` from waiting_reports(user)."""
    return DashboardListPanel(
        "waiting-adoptions",
        _("Vahvistusta odottavat käyttöönotot")
        if handles_all_regions(user)
        else _("Vahvistusta odottavat käyttöönotot alueiltasi"),
        reports,
        report_row,
        _("Ei vahvistusta odottavia käyttöönottoilmoituksia."),
        _("Lähetetty"),
        order=140,
        all_url=reverse("adoptions_admin:index"),
        title_column=_("Organisaatio"),
        queue_label=_("Avaa käyttöönottojen jono"),
    )
