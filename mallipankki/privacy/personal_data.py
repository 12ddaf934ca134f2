"""People's personal data from the public forms, on request: export it, or erase it.

Three forms store personal data of whoever sends them:

- a proposal (Proposal): name, organisation, email, when they consented,
  and the keyed hash of their address (kept for the rate limit);
- a report that an organisation uses a practice (adoptions.PendingAdoption):
  the contact person's name, email and phone, whether they may be shown on
  the practice page, when they consented, and the address hash;
- a support request (regions.SupportRequest): name, organisation, email,
  phone, when they consented, and the address hash.

A proposal's submitter also becomes the contact of the proposed practice
(PracticePage.contact_*, shown publicly only if they allowed it), so that the
yearly continuity reminder reaches the practice's owner. That copy is the
practice's data with a purpose of its own (keeping the practice alive), so
the retention time of the proposal does not erase it: `erase_expired` leaves
it. A person's request does: `erase` empties the contact of every practice
whose contact has their address, in the page as shown and in every revision
(the history would otherwise bring it back), and `export` lists it. A contact
that an editor has since replaced with someone else's is not theirs and
stays.

Erasing replaces these and records when it happened. What the person sent
about the practice stays, because it is the service's content, not the
person's: the proposed practice (the submission, its attachments, the draft
or published page, the evaluations); the adopting organisation, place, year
and note of an adoption report (and the confirmed adoption on the practice
page); the message of a support request and the staff's notes on it.

Rows are found by email address, compared case-insensitively.

`erase_expired` erases the same data on its own once the time the privacy
statement promises is up: twelve months after the row was dealt with (a
proposal or adoption report decided, a support request done). A confirmed
adoption whose reporter let their contact details be shown keeps them while
the adoption is on the practice page, as the statement says.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from mallipankki.adoptions.models import PendingAdoption
from mallipankki.practices.models import PracticePage
from mallipankki.proposals.models import Proposal
from mallipankki.regions.models import SupportRequest

ERASED_NAME = "(poistettu)"


def proposals_of(email: str):
    return Proposal.objects.filter(submitter_email__iexact=email.strip()).order_by("created_at", "pk")


def adoption_reports_of(email: str):
    return PendingAdoption.objects.filter(contact_email__iexact=email.strip()).order_by("created_at", "pk")


def support_requests_of(email: str):
    return SupportRequest.objects.filter(email__iexact=email.strip()).order_by("created_at", "pk")


PRACTICE_CONTACT_FIELDS = ("contact_name", "contact_organisation", "contact_email", "contact_phone")


def _page_revisions(page_ids):
    # Page revisions are stored against the base Page content type.
    return Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(pk) for pk in page_ids]
    )


def practices_with_contact(email: str) -> list[PracticePage]:
    """Practices whose contact has `email`: as published, or in their latest revision (a draft)."""
    email = email.strip()
    ids = set(PracticePage.objects.filter(contact_email__iexact=email).values_list("pk", flat=True))
    # Drafts: the practices of the person's proposals, whose latest revision may differ from the row.
    candidates = set(proposals_of(email).exclude(practice=None).values_list("practice_id", flat=True))
    for page in PracticePage.objects.filter(pk__in=candidates - ids):
        latest = page.get_latest_revision_as_object()
        if latest.contact_email.lower() == email.lower():
            ids.add(page.pk)
    return list(PracticePage.objects.filter(pk__in=ids).order_by("path"))


def _practice_contact(page: PracticePage, email: str) -> dict:
    shown = page if page.contact_email.lower() == email.lower() else page.get_latest_revision_as_object()
    return {
        "malli": page.title,
        "osoite": _live_url(page),
        "nimi": shown.contact_name,
        "organisaatio": shown.contact_organisation,
        "sahkoposti": shown.contact_email,
        "puhelin": shown.contact_phone,
        "naytetaan_julkisesti": shown.contact_public,
    }


def erase_practice_contacts(email: str) -> list[str]:
    """Empties the contact of every practice whose contact has `email`, in the page and all its revisions.

    Returns the practices' ids (slugs). The public page stops showing it at
    once, and no revision can bring it back.
    """
    email = email.strip()
    pages = practices_with_contact(email)
    for page in pages:
        if page.contact_email.lower() == email.lower():
            PracticePage.objects.filter(pk=page.pk).update(
                **dict.fromkeys(PRACTICE_CONTACT_FIELDS, ""), contact_public=False
            )
        for revision in _page_revisions([page.pk]).select_for_update():
            content = revision.content or {}
            if str(content.get("contact_email", "")).lower() == email.lower():
                content.update(dict.fromkeys(PRACTICE_CONTACT_FIELDS, ""), contact_public=False)
                revision.content = content
                revision.save(update_fields=["content"])
    return [page.slug for page in pages]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _live_url(page) -> str | None:
    return page.url if page is not None and page.live else None


def _proposal(proposal: Proposal) -> dict:
    return {
        "viite": proposal.reference,
        "lahetetty": _iso(proposal.created_at),
        "tila": proposal.status,
        "henkilotiedot": {
            "nimi": proposal.submitter_name,
            "organisaatio": proposal.submitter_organisation,
            "sahkoposti": proposal.submitter_email,
            "yhteystiedot_saa_nayttaa": proposal.contact_public,
            "hyvaksyi_tietosuojaselosteen": _iso(proposal.consent_at),
            "osoitteen_tiiviste": proposal.ip_hash,
        },
        "ehdotus": proposal.data,
        "liitteet": [
            {"nimi": attachment.original_name, "koko": attachment.size, "sha256": attachment.sha256}
            for attachment in proposal.attachments.all()
        ],
        "paatos": {
            "tehty": _iso(proposal.decided_at),
            "perustelu": proposal.decision_reason,
        },
        "malli": _live_url(proposal.practice),
    }


def _adoption_report(report: PendingAdoption) -> dict:
    return {
        "id": report.pk,
        "viite": report.reference,
        "lahetetty": _iso(report.created_at),
        "tila": report.status,
        "henkilotiedot": {
            "nimi": report.contact_name,
            "sahkoposti": report.contact_email,
            "puhelin": report.contact_phone,
            "yhteystiedot_saa_nayttaa": report.contact_public,
            "hyvaksyi_tietosuojaselosteen": _iso(report.consent_at),
            "osoitteen_tiiviste": report.ip_hash,
        },
        "ilmoitus": {
            "mallin_nimi": report.practice.title,
            "organisaatio": report.organisation,
            "maakunta": report.region.name if report.region else None,
            "maa": report.country.name if report.country else None,
            "kayttoonottovuosi": report.year,
            "mita_muutettiin": report.note,
        },
        "paatos": {
            "tehty": _iso(report.decided_at),
            "perustelu": report.reason,
        },
        "malli": _live_url(report.practice),
    }


def _support_request(support_request: SupportRequest) -> dict:
    return {
        "viite": support_request.reference,
        "lahetetty": _iso(support_request.created_at),
        "tila": support_request.status,
        "henkilotiedot": {
            "nimi": support_request.name,
            "organisaatio": support_request.organisation,
            "sahkoposti": support_request.email,
            "puhelin": support_request.phone,
            "hyvaksyi_tietosuojaselosteen": _iso(support_request.consent_at),
            "osoitteen_tiiviste": support_request.ip_hash,
        },
        "pyynto": {
            "maakunta": support_request.region.name,
            "mallin_nimi": support_request.practice.title if support_request.practice else None,
            "viesti": support_request.message,
        },
        # The staff's notes and the request's history are about the person
        # too (their right of access); who wrote each is the staff's data.
        "kasittely": [
            {"aika": _iso(note.created_at), "laji": note.kind, "teksti": note.text}
            for note in support_request.notes.all()
        ],
        "malli": _live_url(support_request.practice),
    }


def export(email: str) -> dict:
    """Everything stored about the person with `email`, JSON-ready."""
    proposals = proposals_of(email).select_related("practice").prefetch_related("attachments", "regions")
    reports = adoption_reports_of(email).select_related("practice", "region", "country")
    requests = support_requests_of(email).select_related("practice", "region").prefetch_related("notes")
    return {
        "sahkoposti": email.strip(),
        "viety": timezone.now().isoformat(),
        "ehdotukset": [_proposal(proposal) for proposal in proposals],
        "kayttoonottoilmoitukset": [_adoption_report(report) for report in reports],
        "tukipyynnot": [_support_request(support_request) for support_request in requests],
        "mallien_yhteystiedot": [_practice_contact(page, email.strip()) for page in practices_with_contact(email)],
    }


@dataclass
class Erased:
    """What `erase` changed: proposal references, adoption report ids, support request references,
    and the ids of the practices whose contact was emptied."""

    proposals: list[str] = field(default_factory=list)
    adoption_reports: list[int] = field(default_factory=list)
    support_requests: list[str] = field(default_factory=list)
    practice_contacts: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return (
            len(self.proposals) + len(self.adoption_reports) + len(self.support_requests) + len(self.practice_contacts)
        )


# What erasing sets, per kind of row.
PROPOSAL_ERASED = {
    "submitter_name": ERASED_NAME,
    "submitter_organisation": "",
    "submitter_email": "",
    "contact_public": False,
    "ip_hash": "",
}
# The organisation, place, year and note stay: they are the adoption,
# public on the practice page once confirmed. The contact is no longer
# shown there (contact_public off).
ADOPTION_REPORT_ERASED = {
    "contact_name": ERASED_NAME,
    "contact_email": "",
    "contact_phone": "",
    "contact_public": False,
    "ip_hash": "",
}
# The message and the staff's notes stay.
SUPPORT_REQUEST_ERASED = {"name": ERASED_NAME, "organisation": "", "email": "", "phone": "", "ip_hash": ""}

# How long personal data is kept after a row was dealt with (the privacy statement).
RETENTION_MONTHS = 12


@transaction.atomic
def erase(email: str, now=None) -> Erased:
    """Erases the person's personal data from their proposals, adoption reports and support requests.

    All in one transaction. Idempotent: a row erased before no longer has the
    address, so it is not found again.
    """
    now = now or timezone.now()
    # The practices first: they are found through the proposals' addresses.
    practice_contacts = erase_practice_contacts(email)
    erased = _erase_all(proposals_of(email), adoption_reports_of(email), support_requests_of(email), now)
    erased.practice_contacts = practice_contacts
    return erased


def retention_cutoff(now: dt.datetime, months: int = RETENTION_MONTHS) -> dt.datetime:
    """`now` less `months` calendar months (the 29th to 31st of a shorter month become its last day)."""
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    month += 1
    return now.replace(year=year, month=month, day=min(now.day, calendar.monthrange(year, month)[1]))


def expired_rows(now=None) -> tuple:
    """The proposals, adoption reports and support requests whose personal data is due for erasure."""
    cutoff = retention_cutoff(now or timezone.now())
    proposals = Proposal.objects.filter(
        personal_data_erased_at__isnull=True,
        status__in=[Proposal.Status.PUBLISHED, Proposal.Status.REJECTED],
        decided_at__lte=cutoff,
    )
    reports = PendingAdoption.objects.filter(
        personal_data_erased_at__isnull=True,
        status__in=[PendingAdoption.Status.CONFIRMED, PendingAdoption.Status.REJECTED],
        decided_at__lte=cutoff,
    ).exclude(status=PendingAdoption.Status.CONFIRMED, contact_public=True, adoption__isnull=False)
    # A request's last change is when it was done, or later (a note after).
    requests = SupportRequest.objects.filter(
        personal_data_erased_at__isnull=True, status=SupportRequest.Status.DONE, updated_at__lte=cutoff
    )
    return (
        proposals.order_by("decided_at", "pk"),
        reports.order_by("decided_at", "pk"),
        requests.order_by("updated_at", "pk"),
    )


@transaction.atomic
def erase_expired(now=None) -> Erased:
    """Erases the personal data whose retention time is up (see `expired_rows`), in one transaction."""
    now = now or timezone.now()
    return _erase_all(*expired_rows(now), now)


def _erase_all(proposals, reports, requests, now) -> Erased:
    return Erased(
        proposals=_erase_rows(proposals, PROPOSAL_ERASED, now, key="reference"),
        adoption_reports=_erase_rows(reports, ADOPTION_REPORT_ERASED, now, key="pk"),
        support_requests=_erase_rows(requests, SUPPORT_REQUEST_ERASED, now, key="reference"),
    )


def _erase_rows(queryset, values: dict, now, key: str) -> list:
    """Sets ``values`` and the erasure time on each row; returns the rows' ``key``s."""
    erased = []
    for row in queryset.select_for_update():
        for name, value in values.items():
            setattr(row, name, value)
        row.personal_data_erased_at = now
        row.save(update_fields=[*values, "personal_data_erased_at"])
        erased.append(getattr(row, key))
    return erased
