"""The workflow "Arviointi ja julkaisu" and the practice status it keeps in step.

The workflow and its two tasks are created by the data migration
0004_workflow and assigned to the practice index page (by that migration
when the index exists, otherwise when the index is created: see signals.py).
"""

from django.db import transaction
from django.dispatch import Signal
from wagtail.log_actions import log
from wagtail.models import Revision, Workflow, WorkflowPage

from mallipankki.practices.models import PracticePage

WORKFLOW_NAME = "Arviointi ja julkaisu"
EVALUATION_TASK_NAME = "Arviointi"
DECISION_TASK_NAME = "Julkaisupäätös"

# Sent by the decision step when an editor approves, before the practice is
# published, with `page` (the practice) and `user`. A receiver may save a new
# revision of the page (e.g. proposals adds the chosen attachments, the
# builds-on links and the contact): the approval publishes the latest one.
practice_approving = Signal()


def get_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).order_by("pk").first()


def ensure_workflow_for(index_page) -> Workflow | None:
    """Assigns the workflow to the practice index unless it has one already."""
    workflow = get_workflow()
    if workflow is None:
        return None
    link, _ = WorkflowPage.objects.get_or_create(page_id=index_page.pk, defaults={"workflow": workflow})
    return link.workflow


@transaction.atomic
def start_workflow(page, user=None):
    """Puts a draft practice (already saved as a revision) into its workflow."""
    workflow = page.get_workflow()
    if workflow is None or workflow.name != WORKFLOW_NAME:
        parent = page.get_parent()
        if not WorkflowPage.objects.filter(page_id=parent.pk).exists():
            ensure_workflow_for(parent)
        workflow = page.get_workflow()
    if workflow is None:
        return None
    return workflow.start(page, user=user)


def set_practice_status(page, status: str, user=None) -> bool:
    """Saves a revision of `page` with its `status` field set, if it differs.

    The workflow publishes the latest revision, so the status must be in a
    revision, not only in the page row. Returns whether a revision was saved.
    """
    page = page.specific if hasattr(page, "specific") else page
    if not isinstance(page, PracticePage):
        return False
    # Read afresh: a receiver of practice_approving may have saved a revision
    # through another instance of the page.
    latest_id = type(page).objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True).first()
    revision = Revision.objects.filter(pk=latest_id).first() if latest_id else None
    if revision is None:
        latest = page.get_latest_revision_as_object()
        if latest.status == status:
            return False
        latest.status = status
        latest.save_revision(user=user, log_action=True, clean=False)
        return True
    if revision.content.get("status") == status:
        return False
    _save_revision_with(page, revision, {"status": status}, user)
    return True


def _save_revision_with(page, revision, changes: dict, user) -> Revision:
    """Saves a copy of `revision` with `changes` to its plain fields as the page's latest revision.

    What page.save_revision() would store, made from the stored JSON: the
    status changes at each step of the workflow, and rebuilding the page
    with its relations only to write one field back was a third of the
    approval's work. The page row and its indexes do not change (a draft
    revision is not what they hold), so only the revision pointers are written.
    """
    new = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=user,
        content={**revision.content, **changes},
        object_str=revision.object_str,
    )
    type(page).objects.filter(pk=page.pk).update(
        latest_revision=new, latest_revision_created_at=new.created_at, has_unpublished_changes=True
    )
    page.latest_revision = new
    page.latest_revision_created_at = new.created_at
    page.has_unpublished_changes = True
    log(instance=page, action="wagtail.edit", user=user, revision=new, content_changed=True)
    return new


def cancel_scheduled_publishing(page, user=None) -> int:
    """Unschedules `page`'s revisions approved to go live later; returns how many.

    While the workflow runs only its decision publishes (core.publishing), so
    a schedule set before the evaluation began would otherwise fail at its
    time. Each cancellation is logged in the page history, as Wagtail's own
    unscheduling is.
    """
    scheduled = list(page.revisions.exclude(approved_go_live_at=None))
    for revision in scheduled:
        revision.approved_go_live_at = None
        revision.save(user=user, update_fields=["approved_go_live_at"])
    return len(scheduled)
