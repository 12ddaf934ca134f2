"""The adoptions register without HTTP: report, route, confirm, reject, list.

A report from the public is stored as a PendingAdoption and nothing else:
the practice page, the API, exports and feeds read `PracticePage.adoptions`,
which only `confirm()` writes to.
"""

import datetime as dt
import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published

from mallipankki.core import public_forms
from mallipankki.core.languages import active_language
from mallipankki.core.publishing import publishing_blocked
from mallipankki.practices.listing import published_practices, with_card_data
from mallipankki.practices.models import Adoption, PracticePage
from mallipankki.vocabularies.models import Region

from . import emails
from .access import may_decide
from .models import PendingAdoption

logger = logging.getLogger(__name__)


class DecisionError(Exception):
    """The report cannot be decided on as asked; the message says why (Finnish)."""


# --- reporting ------------------------------------------------------------------


def rate_limit() -> tuple[int, dt.timedelta]:
    """At most this many reports from one address within this time (ADOPTION_RATE_LIMIT, _WINDOW_SECONDS)."""
    return public_forms.rate_limit_setting("ADOPTION")


def rate_limited(request) -> bool:
    return public_forms.rate_limited(PendingAdoption.objects.all(), request, rate_limit())


def reportable_practice(practice_id: str) -> PracticePage | None:
    """The published practice with this id (slug), or None: only those can be reported."""
    return published_practices().filter(slug=practice_id).first()


def report(practice: PracticePage, data: dict, request) -> PendingAdoption:
    """Stores a report sent with the public form, unless its address has sent the limit.

    Raises public_forms.RateLimited then, storing nothing. The count and the
    insert are one step (public_forms.within_rate_limit): parallel posts from
    one address cannot get past the limit.
    """
    address_hash = public_forms.ip_hash(request)
    with public_forms.within_rate_limit(PendingAdoption.objects.all(), address_hash, rate_limit()):
        return create_pending(practice, data, address_hash=address_hash)


def create_pending(practice: PracticePage, data: dict, *, address_hash: str = "") -> PendingAdoption:
    """Stores a report from the form's cleaned data, without a rate limit (see `report`). Nothing public changes."""
    return PendingAdoption.objects.create(
        practice=practice,
        organisation=data["organisation"],
        region=data.get("region"),
        country=data.get("country"),
        year=data["year"],
        note=data.get("note", ""),
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contact_phone=data.get("contact_phone", ""),
        contact_public=bool(data.get("contact_public")),
        consent_at=timezone.now(),
        ip_hash=address_hash,
        language=active_language(),
    )


# --- deciding -------------------------------------------------------------------


def _locked_pending(pending_id: int, user) -> PendingAdoption:
    pending = PendingAdoption.objects.select_for_update().filter(pk=pending_id).first()
    if pending is None or not may_decide(user, pending):
        raise PermissionDenied
    if pending.status != PendingAdoption.Status.PENDING:
        raise DecisionError(_("Ilmoitus on jo käsitelty."))
    return pending


def _publish_in_place(page: PracticePage, revision, user) -> None:
    """Marks `revision` live when the page row and its child rows already hold it.

    Used when the practice has a newer draft or is in a workflow: Wagtail's
    publish() would cancel that workflow (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH),
    which a confirmed adoption must not do. The live content is the page row
    (unchanged) plus the adoption row just inserted, which is exactly what
    `revision` serialised; what publish() would add is the live pointer, the
    timestamp, the log entry and the signal (search index, caches).
    """
    now = timezone.now()
    PracticePage.objects.filter(pk=page.pk).update(
        live_revision=revision, last_published_at=now, has_unpublished_changes=False
    )
    log(instance=page, action="wagtail.publish", user=user, revision=revision, content_changed=True)
    page_published.send(sender=PracticePage, instance=page, revision=revision)


@transaction.atomic
def confirm(pending_id: int, user) -> Adoption:
    """Adds the adoption to the practice and publishes it as `user`.

    Regional workers have no publish permission on pages (they may only add
    and change drafts), yet confirming an adoption in their region is their
    job. So the revision is published here on their behalf, deliberately
    skipping Wagtail's permission check; the revision and the publish log
    entry both carry the confirming user, so the page history shows who
    did it. Nothing else in the page changes: the revision is the live
    content plus one adoption row.

    An editor's unpublished draft (possibly in the evaluation workflow) is
    kept: it gets the adoption too and stays the latest revision, so
    publishing it later does not drop the adoption.
    """
    pending = _locked_pending(pending_id, user)
    # Serialises concurrent confirmations of the same practice.
    Page.objects.select_for_update().filter(pk=pending.practice_id).first()
    page = PracticePage.objects.get(pk=pending.practice_id)
    if not page.live:
        raise DecisionError(_("Malli ei ole julkaistu, joten käyttöönottoa ei voi vahvistaa. Voit hylätä ilmoituksen."))

    draft = page.get_latest_revision() if page.has_unpublished_changes else None
    last = page.adoptions.aggregate(last=Max("sort_order"))["last"]
    adoption = Adoption.objects.create(
        practice=page,
        organisation=pending.organisation,
        country=pending.country,
        region=pending.region,
        year=pending.year,
        note=pending.note,
        sort_order=0 if last is None else last + 1,
    )
    # A fresh instance: its child relations are read from the rows, new one included.
    page = PracticePage.objects.get(pk=page.pk)
    revision = page.save_revision(user=user, log_action=True, clean=False)
    if draft is None and not publishing_blocked(page):
        revision.publish(user=user, log_action=True, skip_permission_checks=True)
    else:
        _publish_in_place(page, revision, user)
        if draft is not None:
            _keep_draft(draft, adoption, user)
    logger.info("Adoption %s of practice %s confirmed by user %s", adoption.pk, page.pk, user.pk)

    pending.status = PendingAdoption.Status.CONFIRMED
    pending.decided_by = user
    pending.decided_at = timezone.now()
    pending.adoption = adoption
    pending.save(update_fields=["status", "decided_by", "decided_at", "adoption"])
    _notify_later(pending.pk)
    return adoption


def _keep_draft(draft_revision, adoption: Adoption, user) -> None:
    """Saves the editor's draft again, with the adoption, as the latest revision."""
    draft = draft_revision.as_object()
    orders = [item.sort_order or 0 for item in draft.adoptions.all()]
    copy = Adoption(
        pk=adoption.pk,
        organisation=adoption.organisation,
        country=adoption.country,
        region=adoption.region,
        year=adoption.year,
        note=adoption.note,
        sort_order=max(orders, default=-1) + 1,
    )
    draft.adoptions.add(copy)
    draft.save_revision(user=user, log_action=True, clean=False)


@transaction.atomic
def reject(pending_id: int, user, reason: str) -> PendingAdoption:
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError(_("Kirjoita perustelu hylkäykselle."))
    pending = _locked_pending(pending_id, user)
    pending.status = PendingAdoption.Status.REJECTED
    pending.reason = reason
    pending.decided_by = user
    pending.decided_at = timezone.now()
    pending.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    _notify_later(pending.pk)
    return pending


def _notify_later(pending_pk: int) -> None:
    def send():
        pending = PendingAdoption.objects.filter(pk=pending_pk).select_related("practice").first()
        if pending is not None:
            emails.send_decision(pending)

    transaction.on_commit(send)


# --- public reading -----------------------------------------------------------


def adopted_in(region):
    """Published practices with a confirmed adoption in `region` (a Region or its code).

    Card-ready (see practices.listing.with_card_data), ordered by name.
    """
    if not isinstance(region, Region):
        region = Region.objects.filter(code=region).first()
        if region is None:
            return PracticePage.objects.none()
    adopted = Adoption.objects.filter(practice=OuterRef("pk"), region=region)
    return with_card_data(published_practices().filter(Exists(adopted)).order_by("title", "pk"))


def public_contacts(adoption_ids) -> dict[int, PendingAdoption]:
    """Reporter contacts that may be shown, by adoption id: confirmed and consented only."""
    ids = [pk for pk in adoption_ids if pk]
    if not ids:
        return {}
    rows = PendingAdoption.objects.filter(
        adoption_id__in=ids, status=PendingAdoption.Status.CONFIRMED, contact_public=True
    ).only("adoption_id", "contact_name", "contact_email", "contact_phone")
    return {row.adoption_id: row for row in rows}
