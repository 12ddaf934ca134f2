"""Submitters' personal data on request: export it, or erase it.

Personal data of a submitter, per proposal: name, organisation, email, when
they consented, and the keyed hash of their address (kept for the rate
limit). Erasing replaces these and records when it happened; the proposed
practice (the submission, its attachments, the draft or published page, the
evaluations) stays, because it is the practice's content, not the person's.

Proposals are found by email address, compared case-insensitively.
"""

from django.db import transaction
from django.utils import timezone

from .models import Proposal

ERASED_NAME = "(poistettu)"


def proposals_of(email: str):
    return Proposal.objects.filter(submitter_email__iexact=email.strip()).order_by("created_at", "pk")


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def export(email: str) -> dict:
    """Everything stored about the submitter with `email`, JSON-ready."""
    records = []
    for proposal in proposals_of(email).prefetch_related("attachments", "regions"):
        records.append(
            {
                "viite": proposal.reference,
                "lahetetty": _iso(proposal.created_at),
                "tila": proposal.status,
                "henkilotiedot": {
                    "nimi": proposal.submitter_name,
                    "organisaatio": proposal.submitter_organisation,
                    "sahkoposti": proposal.submitter_email,
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
                "malli": proposal.practice.url if proposal.practice and proposal.practice.live else None,
            }
        )
    return {"sahkoposti": email.strip(), "viety": timezone.now().isoformat(), "ehdotukset": records}


@transaction.atomic
def erase(email: str, now=None) -> list[str]:
    """Erases the submitter's personal data from their proposals; returns the references.

    Idempotent: a proposal erased before no longer has the address, so it is
    not found again.
    """
    now = now or timezone.now()
    references = []
    for proposal in proposals_of(email).select_for_update():
        proposal.submitter_name = ERASED_NAME
        proposal.submitter_organisation = ""
        proposal.submitter_email = ""
        proposal.ip_hash = ""
        proposal.personal_data_erased_at = now
        proposal.save(
            update_fields=[
                "submitter_name",
                "submitter_organisation",
                "submitter_email",
                "ip_hash",
                "personal_data_erased_at",
            ]
        )
        references.append(proposal.reference)
    return references
