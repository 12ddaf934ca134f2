"""Support requests: who receives them, who may handle them, and each change to one.

Plain functions, testable without HTTP; the views are thin shells around
them. Every change to a request (status, assignment) and every internal note
is an added SupportRequestNote row, so the history is never overwritten.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mallipankki.core import public_forms
from mallipankki.core.languages import active_language
from mallipankki.core.mail import editor_addresses
from mallipankki.core.permissions import (
    MANAGE_PERMISSION,
    REGIONAL_WORKERS,
    handles_all_regions,
    has_regions,
    regions_for,
    users_with_permission,
)

from . import emails
from .models import RegionalWorker, SupportRequest, SupportRequestNote

# --- who ------------------------------------------------------------------------------


def workers_of(region):
    """The active regional workers of `region`, with their users.

    Only members of Aluetyöntekijät: a RegionalWorker record alone makes
    nobody a regional worker (see core.permissions.regions_for).
    """
    return (
        RegionalWorker.objects.filter(regions=region, user__is_active=True, user__groups__name=REGIONAL_WORKERS)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


def editors():
    """Active users who handle every region: editors, admins (by permission) and superusers."""
    return users_with_permission(MANAGE_PERMISSION)


def recipients_for(region) -> list[str]:
    """Who is told of a new request: the region's workers, or the editors when it has none."""
    addresses = sorted({worker.user.email for worker in workers_of(region) if worker.user.email})
    if addresses:
        return addresses
    return editor_addresses()


def assignable_users(region):
    """Who a request of `region` may be assigned to: the region's workers and the editors."""
    worker_ids = workers_of(region).values("user_id")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=worker_ids) | Q(pk__in=editors().values("pk")), is_active=True)
        .order_by("last_name", "first_name", "username")
    )


def can_use_queue(user) -> bool:
    """Editors and admins, and regional workers who have at least one region."""
    return handles_all_regions(user) or has_regions(user)


def visible_requests(user):
    """The requests `user` may see and act on: those of their regions."""
    if handles_all_regions(user):
        return SupportRequest.objects.all()
    return SupportRequest.objects.filter(region__in=regions_for(user))


# --- arrival ------------------------------------------------------------------------------


def rate_limit() -> tuple[int, dt.timedelta]:
    """The same limit as proposals (PROPOSAL_RATE_LIMIT per PROPOSAL_RATE_WINDOW_SECONDS) unless set apart."""
    return public_forms.rate_limit_setting("SUPPORT_REQUEST", default=public_forms.rate_limit_setting("PROPOSAL"))


def rate_limited(request) -> bool:
    return public_forms.rate_limited(SupportRequest.objects.all(), request, rate_limit())


def create_support_request(form, request) -> SupportRequest:
    """Stores a valid form's request and tells the region's workers (or the editors).

    Raises public_forms.RateLimited, storing and sending nothing, when the
    address has sent the limit. The count and the insert are one step
    (public_forms.within_rate_limit): parallel posts cannot get past it.
    """
    data = form.cleaned_data
    address_hash = public_forms.ip_hash(request)
    with public_forms.within_rate_limit(SupportRequest.objects.all(), address_hash, rate_limit()):
        support_request = SupportRequest.objects.create(
            region=data["region"],
            practice=data.get("practice"),
            message=data["message"],
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            phone=data["phone"],
            consent_at=timezone.now(),
            ip_hash=address_hash,
            language=active_language(),
        )
    emails.send_receipt(support_request, to_workers=workers_of(support_request.region).exists())
    emails.notify_new_request(support_request, recipients_for(support_request.region))
    return support_request


# --- handling ------------------------------------------------------------------------------


def _display_name(user) -> str:
    if user is None:
        return _("ei ketään")
    return user.get_full_name() or user.get_username()


def change_status(support_request: SupportRequest, status: str, user) -> bool:
    """Sets the status, records the change and emails the requester. False when nothing changed."""
    if status not in SupportRequest.Status.values:
        raise ValueError(f"Unknown status {status!r}")
    if support_request.status == status:
        return False
    old_label = support_request.get_status_display()
    with transaction.atomic():
        support_request.status = status
        support_request.save(update_fields=["status", "updated_at"])
        SupportRequestNote.objects.create(
            request=support_request,
            kind=SupportRequestNote.Kind.STATUS,
            author=user,
            text=_("Tila: %(old)s → %(new)s") % {"old": old_label, "new": support_request.get_status_display()},
        )
    emails.notify_status_change(support_request)
    return True


def assign(support_request: SupportRequest, assignee, user) -> bool:
    """Makes `assignee` (or nobody) responsible; records it and tells the assignee. False when unchanged.

    Raises ValueError when `assignee` may not handle the request's region.
    """
    if assignee is not None and not assignable_users(support_request.region).filter(pk=assignee.pk).exists():
        raise ValueError("The assignee does not handle this region.")
    if support_request.assigned_to_id == (assignee.pk if assignee else None):
        return False
    with transaction.atomic():
        support_request.assigned_to = assignee
        support_request.save(update_fields=["assigned_to", "updated_at"])
        SupportRequestNote.objects.create(
            request=support_request,
            kind=SupportRequestNote.Kind.ASSIGNMENT,
            author=user,
            text=_("Vastuuhenkilö: %(name)s") % {"name": _display_name(assignee)},
        )
    if assignee is not None and assignee != user:
        emails.notify_assignee(support_request)
    return True


def add_note(support_request: SupportRequest, text: str, user) -> SupportRequestNote:
    """An internal note: kept as written, never sent to the requester."""
    with transaction.atomic():
        note = SupportRequestNote.objects.create(
            request=support_request, kind=SupportRequestNote.Kind.NOTE, author=user, text=text
        )
        # The request counts as updated, for the queue's ordering and display.
        support_request.save(update_fields=["updated_at"])
    return note
