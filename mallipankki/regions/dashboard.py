"""The open support requests (new and in progress), on the admin dashboard and as a count on the menu item.

Regional workers see their regions' requests, editors all (services.visible_requests).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mallipankki.core.dashboard_panels import DashboardListPanel
from mallipankki.core.permissions import handles_all_regions

from .models import SupportRequest
from .services import visible_requests

OPEN = (SupportRequest.Status.NEW, SupportRequest.Status.IN_PROGRESS)


def open_requests(user):
    """Requests `user` handles that are new or in progress, oldest first."""
    return (
        visible_requests(user)
        .filter(status__in=OPEN)
        .select_related("region", "practice", "assigned_to")
        .order_by("created_at", "pk")
    )


def open_count(user) -> int:
    return visible_requests(user).filter(status__in=OPEN).count()


def open_label(count: int) -> str:
    """What the menu item's count means, for screen readers: "2 avointa tukipyyntöä"."""
    return ngettext("%(count)s avoin tukipyyntö", "%(count)s avointa tukipyyntöä", count) % {"count": count}


def request_row(support_request) -> dict:
    handler = support_request.assigned_to
    detail = [support_request.reference, support_request.get_status_display(), support_request.region.name]
    if handler is not None:
        detail.append(_("vastuussa %(name)s") % {"name": handler.get_full_name() or handler.get_username()})
    return {
        "title": support_request.practice.title if support_request.practice else support_request.organisation,
        "url": reverse("regions_admin:detail", args=[support_request.pk]),
        "detail": ", ".join(str(part) for part in detail),
        "date": support_request.created_at,
    }


def open_requests_panel(user, requests) -> DashboardListPanel:
    """`requests` from open_requests(user)."""
    return DashboardListPanel(
        "open-support-requests",
        _("Avoimet tukipyynnöt") if handles_all_regions(user) else _("Avoimet tukipyynnöt alueiltasi"),
        requests,
        request_row,
        _("Ei avoimia tukipyyntöjä."),
        _("Lähetetty"),
        order=150,
        all_url=reverse("regions_admin:index"),
        title_column=_("Pyyntö"),
        queue_label=_("Avaa tukipyyntöjen jono"),
    )
