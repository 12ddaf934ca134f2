"""From a valid form to a stored proposal, a draft practice and a started workflow."""

import datetime as dt
import hashlib
import logging

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from mallipankki.core import public_forms
from mallipankki.core.languages import active_language
from mallipankki.evaluation.workflow import start_workflow
from mallipankki.practices.interchange import upsert_practice
from mallipankki.practices.models import PracticeIndexPage, PracticePage

from .forms import safe_file_name
from .models import Proposal, ProposalAttachment

logger = logging.getLogger(__name__)


def rate_limit() -> tuple[int, dt.timedelta]:
    """At most this many proposals from one address within this time (PROPOSAL_RATE_LIMIT, _WINDOW_SECONDS)."""
    return public_forms.rate_limit_setting("PROPOSAL")


class NoCatalogue(Exception):
    """There is no practice index page to put the draft under."""


def rate_limited(request) -> bool:
    return public_forms.rate_limited(Proposal.objects.all(), request, rate_limit())


def practice_index() -> PracticeIndexPage:
    index = PracticeIndexPage.objects.order_by("path").first()
    if index is None:
        raise NoCatalogue("No PracticeIndexPage exists.")
    return index


def unique_slug(index, name: str) -> str:
    """The name as a slug (ä→a, ö→o, å→a), with -2, -3, ... when a sibling has it.

    The caller holds the index's row lock (see create_proposal), so two
    proposals with the same name cannot both take the free slug.
    """
    base = slugify(name).replace("_", "-").strip("-")[:80].strip("-") or "ehdotus"
    # Not index.get_children(): treebeard answers "none" from the object's own
    # numchild, which is stale when another proposal added a child since it was read.
    taken = set(Page.objects.child_of(index).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def lock_index(index) -> PracticeIndexPage:
    """Holds the catalogue page's row until the transaction ends, and returns it as it is now.

    New practices' slugs are then chosen one at a time, each seeing the
    children added before it (on SQLite the transaction already holds the
    database's write lock: BEGIN IMMEDIATE).
    """
    Page.objects.select_for_update().filter(pk=index.pk).values_list("pk", flat=True).first()
    return PracticeIndexPage.objects.get(pk=index.pk)


def practice_record(submission: dict, slug: str, contact: dict | None = None) -> dict:
    """The interchange record of the draft practice; status "submitted".

    `contact` is the proposer as the practice's contact (name, organisation,
    email, public: whether they allowed it to be shown)."""
    record = {
        "id": slug,
        "name": {"fi": submission["name"]},
        "summary": {"fi": submission["summary"]},
        "description": {"fi": submission["description"]},
        "themes": submission["themes"],
        "target_groups": submission["target_groups"],
        "countries": submission["countries"],
        "regions": submission["regions"],
        "organisations": [{key: value for key, value in org.items() if value} for org in submission["organisations"]],
        "funding": [{key: value for key, value in item.items() if value} for item in submission["funding"]],
        "resources": [
            {"type": "link", "title": {"fi": link["title"]}, "url": link["url"]} for link in submission["links"]
        ],
        "evidence": {"summary": {"fi": submission["achievements"]}},
        "status": PracticePage.Status.SUBMITTED,
    }
    if submission["continuity_owner"]:
        record["scaling"] = {"continuity_owner": submission["continuity_owner"]}
    if contact:
        record["contact"] = {key: value for key, value in contact.items() if value not in ("", None)}
    return record


def proposer_contact(proposal) -> dict:
    return {
        "name": proposal.submitter_name,
        "organisation": proposal.submitter_organisation,
        "email": proposal.submitter_email,
        "public": proposal.contact_public,
    }


def _store_attachment(proposal, upload) -> ProposalAttachment:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = ProposalAttachment(
        proposal=proposal, original_name=safe_file_name(upload.name), size=upload.size, sha256=digest.hexdigest()
    )
    attachment.file.save("liite.pdf", upload, save=False)
    attachment.save()
    return attachment


def create_proposal(form, request) -> Proposal:
    """Stores the proposal, creates the draft practice and starts its workflow.

    All in one transaction: either everything exists afterwards or nothing
    (attachment files written before a failure are removed). The transaction
    counts the address's proposals first and raises public_forms.RateLimited,
    storing nothing, when it already has sent the limit (see
    public_forms.within_rate_limit): parallel posts cannot get past it.
    """
    data = form.cleaned_data
    submission = form.submission()
    index = practice_index()
    address_hash = public_forms.ip_hash(request)
    stored = []
    try:
        with public_forms.within_rate_limit(Proposal.objects.all(), address_hash, rate_limit()):
            proposal = Proposal.objects.create(
                data=submission,
                submitter_name=data["submitter_name"],
                submitter_organisation=data["submitter_organisation"],
                submitter_email=data["submitter_email"],
                contact_public=bool(data.get("contact_public")),
                consent_at=timezone.now(),
                ip_hash=address_hash,
                language=active_language(),
            )
            proposal.regions.set(data["regions"])
            for upload in data["attachments"]:
                stored.append(_store_attachment(proposal, upload))
            index = lock_index(index)
            slug = unique_slug(index, submission["name"])
            page, _ = upsert_practice(index, practice_record(submission, slug, proposer_contact(proposal)))
            proposal.practice = page
            proposal.save(update_fields=["practice"])
            start_workflow(page, user=None)
    except Exception:
        for attachment in stored:
            attachment.file.delete(save=False)
        raise
    return proposal


def set_published_attachments(proposal, chosen_ids) -> int:
    """Ticks `publish` on the attachments whose ids are in `chosen_ids` and unticks the rest; returns how many."""
    chosen = {int(value) for value in chosen_ids if str(value).isdigit()}
    attachments = list(proposal.attachments.all())
    for attachment in attachments:
        publish = attachment.pk in chosen
        if attachment.publish != publish:
            attachment.publish = publish
            attachment.save(update_fields=["publish"])
    return sum(1 for attachment in attachments if attachment.pk in chosen)
