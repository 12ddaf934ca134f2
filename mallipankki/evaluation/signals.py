"""Keeps the practice index, its workflow and the practice status in step."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import WorkflowState
from wagtail.signals import workflow_rejected

from mallipankki.practices.models import PracticeIndexPage

from .roles import grant_regional_page_permissions
from .workflow import WORKFLOW_NAME, ensure_workflow_for, set_practice_status


@receiver(post_save, sender=PracticeIndexPage, dispatch_uid="evaluation_index_created")
def practice_index_created(sender, instance, created, raw=False, **kwargs):
    # Raw saves restore a database (fixtures, serialized test data) that has
    # its own workflow and permission rows.
    if created and not raw:
        ensure_workflow_for(instance)
        grant_regional_page_permissions(instance)


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="evaluation_practice_rejected")
def practice_rejected(sender, instance, user=None, **kwargs):
    if instance.workflow.name == WORKFLOW_NAME:
        set_practice_status(instance.content_object, "rejected", user)
