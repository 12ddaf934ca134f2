"""What a proposal hands over to its practice when the editors approve it.

The decision step sends `evaluation.workflow.practice_approving` before it
publishes; `hand_over` then saves one revision of the practice with:

- the attachments the editors left ticked (`ProposalAttachment.publish`),
  copied from private storage into public Wagtail documents and listed as
  the practice's PDF materials ("Materiaalit" on the page); the others stay
  private;
- a builds-on link to each practice the proposer named that is still
  published, with their note on what they changed (family tree, lineage);
- the proposer as the practice's contact, when the practice has none (a
  proposal stored before contacts were copied at submission).

Run again (an approval after a rejection and a new round) it adds nothing
twice: each attachment is copied once, a link or a material already there is
kept as it is.
"""

import logging
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from mallipankki.practices.listing import published_practices
from mallipankki.practices.models import BuildsOnLink, PracticePage, Resource

from .models import Proposal

logger = logging.getLogger(__name__)


def open_proposals(practice_id: int):
    return Proposal.objects.filter(practice_id=practice_id).exclude(status=Proposal.Status.PUBLISHED)


def hand_over(proposal: Proposal, user=None) -> bool:
    """Adds the proposal's chosen materials, builds-on links and contact to the practice's latest revision.

    Returns whether a revision was saved.
    """
    # Read afresh: a page object held elsewhere may not know its latest revision.
    page = PracticePage.objects.get(pk=proposal.practice_id)
    latest = page.get_latest_revision_as_object()
    materials = add_materials(proposal, latest, user)
    links = add_builds_on(proposal, latest)
    contact = fill_contact(proposal, latest)
    if not (materials or links or contact):
        return False
    latest.save_revision(user=user, log_action=True, clean=False)
    return True


def document_title(attachment) -> str:
    title = PurePosixPath(attachment.original_name).stem.replace("_", " ").strip()
    return title[:255] or attachment.original_name


def publish_attachment(attachment, user=None):
    """The attachment's public Wagtail document, copied from private storage once."""
    if attachment.document_id:
        return attachment.document
    with attachment.file.open("rb") as handle:
        data = handle.read()
    Document = get_document_model()
    document = Document(
        title=document_title(attachment),
        collection=Collection.get_first_root_node(),
        uploaded_by_user=user,
    )
    # Already checked and rewritten by core.pdf when it was sent.
    document.file.save(attachment.original_name, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    attachment.document = document
    attachment.save(update_fields=["document"])
    return document


def add_materials(proposal, page, user=None) -> int:
    """Lists the chosen attachments as PDF materials of `page` (unsaved); returns how many were added."""
    resources = list(page.resources.all())
    have = {resource.document_id for resource in resources if resource.document_id}
    added = 0
    for attachment in proposal.attachments.filter(publish=True).order_by("pk"):
        try:
            document = publish_attachment(attachment, user)
        except FileNotFoundError:
            logger.error("Proposal %s: attachment %s is missing from storage", proposal.reference, attachment.pk)
            continue
        if document.pk in have:
            continue
        resources.append(
            Resource(
                kind=Resource.Kind.PDF,
                document=document,
                title_fi=document.title,
                sort_order=len(resources),
            )
        )
        have.add(document.pk)
        added += 1
    if added:
        page.resources = resources
    return added


def add_builds_on(proposal, page) -> int:
    """Links `page` (unsaved) to the still-published practices the proposer named; returns how many."""
    wanted = [slug for slug in (proposal.data or {}).get("builds_on", []) if isinstance(slug, str)]
    if not wanted:
        return 0
    links = list(page.builds_on_links.all())
    have = {link.target_id for link in links}
    note = (proposal.data or {}).get("builds_on_note", "")
    targets = {target.slug: target for target in published_practices().filter(slug__in=wanted).exclude(pk=page.pk)}
    added = 0
    for slug in wanted:
        target = targets.get(slug)
        if target is None or target.pk in have:
            continue
        links.append(BuildsOnLink(target=target, adaptation_note=note, sort_order=len(links)))
        have.add(target.pk)
        added += 1
    if added:
        page.builds_on_links = links
    return added


CONTACT_FIELDS = ("contact_name", "contact_organisation", "contact_email", "contact_phone")


def fill_contact(proposal, page) -> bool:
    """Makes the proposer the contact of `page` (unsaved) when it has none and their data is not erased."""
    if proposal.personal_data_erased_at or not proposal.submitter_email:
        return False
    if any(getattr(page, name) for name in CONTACT_FIELDS):
        return False
    page.contact_name = proposal.submitter_name
    page.contact_organisation = proposal.submitter_organisation
    page.contact_email = proposal.submitter_email
    page.contact_public = proposal.contact_public
    return True
