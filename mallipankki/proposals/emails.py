"""Emails to the person who proposed a practice, and to the staff concerned.

Sent through `evaluation.notifications.send_once`: each at most once per
proposal and recipient. No user-typed text goes into a subject line; bodies
are plain text.
"""

from django.conf import settings

from mallipankki.core.mail import STAFF_LANGUAGE, admin_url, users_to_email
from mallipankki.core.permissions import VIEW_PROPOSALS_PERMISSION
from mallipankki.evaluation.notifications import Recipient, editors, send_once, user_recipient


def submitter(proposal) -> Recipient:
    # Erased proposals have no address left: send_once skips them.
    return Recipient(f"submitter:{proposal.pk}", proposal.submitter_email, proposal.submitter_name)


def send_confirmation(proposal) -> int:
    return send_once(
        "proposal_received",
        f"proposal:{proposal.pk}",
        [submitter(proposal)],
        "proposals/emails/confirmation",
        {"proposal": proposal},
        language=proposal.language,
    )


def send_decision(proposal) -> int:
    """The submitter hears the decision; a rejection with its reason."""
    if proposal.status == proposal.Status.PUBLISHED:
        template = "published"
    elif proposal.status == proposal.Status.REJECTED:
        template = "rejected"
    else:
        return 0
    page = proposal.practice
    context = {
        "proposal": proposal,
        "page_url": settings.BASE_URL + page.url if page and page.live and page.url else "",
        # Still the practice's contact (an editor may have named someone else): say so, and whether it is shown.
        "is_contact": bool(
            page and proposal.submitter_email and page.contact_email.lower() == proposal.submitter_email.lower()
        ),
        "contact_shown": bool(page and page.contact_public),
    }
    return send_once(
        f"proposal_{template}",
        f"proposal:{proposal.pk}",
        [submitter(proposal)],
        f"proposals/emails/{template}",
        context,
        language=proposal.language,
    )


def regional_workers_for(proposal) -> list[Recipient]:
    """Regional workers of the proposal's regions who may read proposals."""
    users = users_to_email(VIEW_PROPOSALS_PERMISSION).filter(regional_worker__regions__in=proposal.regions.all())
    return [user_recipient(user) for user in users.distinct()]


def notify_editors(proposal) -> int:
    """Editors, and the regional workers of its regions, hear of a new proposal: each what their role can do.

    Editors assign the evaluators; regional workers read the proposal and may
    complete the draft, but cannot assign. In Finnish, whatever the language
    of the proposal's form. Someone in both roles gets the
    editors' email only (send_once sends each person one "proposal_new").
    """
    context = {"proposal": proposal, "url": admin_url("proposals_admin:detail", proposal.pk)}
    sent = send_once(
        "proposal_new",
        f"proposal:{proposal.pk}",
        editors(),
        "proposals/emails/new_proposal",
        context,
        language=STAFF_LANGUAGE,
    )
    return sent + send_once(
        "proposal_new",
        f"proposal:{proposal.pk}",
        regional_workers_for(proposal),
        "proposals/emails/new_proposal_regional",
        context,
        language=STAFF_LANGUAGE,
    )
