"""Decisions on a proposed practice are sent to the person who proposed it;
an approval first hands the proposal's materials, links and contact over to
the practice (approval.py)."""

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from mallipankki.evaluation.workflow import practice_approving
from mallipankki.practices.models import PracticePage

from .approval import hand_over, open_proposals
from .emails import send_decision
from .models import Proposal


def _send_later(proposal_pk: int) -> None:
    def send():
        proposal = Proposal.objects.filter(pk=proposal_pk).select_related("practice").first()
        if proposal is not None:
            send_decision(proposal)

    transaction.on_commit(send)


def _open_proposals(object_id):
    try:
        practice_id = int(object_id)
    except (TypeError, ValueError):
        return Proposal.objects.none()
    return Proposal.objects.filter(practice_id=practice_id).exclude(status=Proposal.Status.PUBLISHED)


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="proposals_rejected")
def proposal_rejected(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    reason = task_state.comment if task_state else ""
    for proposal in _open_proposals(instance.object_id).exclude(status=Proposal.Status.REJECTED):
        proposal.status = Proposal.Status.REJECTED
        proposal.decision_reason = reason
        proposal.decided_at = timezone.now()
        proposal.decided_by = user
        proposal.save(update_fields=["status", "decision_reason", "decided_at", "decided_by"])
        _send_later(proposal.pk)


@receiver(page_published, sender=PracticePage, dispatch_uid="proposals_published")
def proposal_published(sender, instance, **kwargs):
    for proposal in _open_proposals(instance.pk):
        proposal.status = Proposal.Status.PUBLISHED
        proposal.decided_at = timezone.now()
        proposal.decision_reason = ""
        proposal.save(update_fields=["status", "decided_at", "decision_reason"])
        _send_later(proposal.pk)


@receiver(workflow_approved, sender=WorkflowState, dispatch_uid="proposals_approved")
def proposal_approved(sender, instance, user=None, **kwargs):
    # Runs after the page is published: records who decided and their comment.
    task_state = instance.current_task_state
    Proposal.objects.filter(practice_id=instance.object_id, status=Proposal.Status.PUBLISHED, decided_by=None).update(
        decided_by=user, decision_reason=task_state.comment if task_state else ""
    )


@receiver(practice_approving, dispatch_uid="proposals_hand_over")
def hand_over_on_approval(sender, page, user=None, **kwargs):
    for proposal in open_proposals(page.pk).select_related("practice"):
        hand_over(proposal, user)
