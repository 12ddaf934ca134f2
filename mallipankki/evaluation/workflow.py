"""The workflow "Arviointi ja julkaisu" and the practice status it keeps in step.

The workflow and its two tasks are created by the data migration
0004_workflow and assigned to the practice index page (by that migration
when the index exists, otherwise when the index is created: see signals.py).
"""

from django.db import transaction
from django.dispatch import Signal
from wagtail.models import Workflow, WorkflowPage

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
    latest = page.get_latest_revision_as_object()
    if latest.status == status:
        return False
    latest.status = status
    latest.save_revision(user=user, log_action=True, clean=False)
    return True
