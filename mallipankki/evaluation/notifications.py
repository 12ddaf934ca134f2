"""Emails about the editorial process, each sent at most once.

Every email is about one event (`kind` + `object_key`, e.g. "assigned" +
"assignment:12") and goes to recipients named by a key ("user:5",
"submitter:34"). A row in SentNotification is written before the email is
sent; a second attempt for the same event and recipient finds the row and
sends nothing. So signals that fire twice, a page published again or a view
retried never email the same thing twice.

Plain text in Finnish through Django's mail (the console backend unless
EMAIL_URL says otherwise). No user-typed text in subject lines.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string

from .models import SentNotification
from .roles import MANAGE_PERMISSION

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recipient:
    key: str
    address: str
    name: str = ""


def user_recipient(user) -> Recipient:
    return Recipient(f"user:{user.pk}", user.email, user.get_full_name() or user.get_username())


def users_with_permission(label: str):
    """Active users who have `label` through a group, directly or as superusers."""
    app_label, codename = label.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    condition = Q(is_superuser=True)
    if permission is not None:
        condition |= Q(groups__permissions=permission) | Q(user_permissions=permission)
    return get_user_model().objects.filter(condition, is_active=True).exclude(email="").distinct().order_by("pk")


def editors() -> list[Recipient]:
    return [user_recipient(user) for user in users_with_permission(MANAGE_PERMISSION)]


def send_once(kind: str, object_key: str, recipients, template: str, context: dict) -> int:
    """Sends `template` (…_subject.txt and ….txt) to each recipient not yet sent this event.

    Returns the number of emails sent. A recipient without an address (an
    erased submitter, a user with no email) is skipped and not recorded.
    """
    sent = 0
    seen = set()
    for recipient in recipients:
        if not recipient.address or recipient.key in seen:
            continue
        seen.add(recipient.key)
        try:
            with transaction.atomic():
                record = SentNotification.objects.create(kind=kind, object_key=object_key, recipient_key=recipient.key)
        except IntegrityError:
            continue  # sent before
        message_context = {"BASE_URL": settings.BASE_URL, "recipient": recipient, **context}
        try:
            send_mail(
                subject=render_to_string(f"{template}_subject.txt", message_context).strip(),
                message=render_to_string(f"{template}.txt", message_context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[recipient.address],
            )
        except (OSError, ConnectionError):
            # The event itself is stored either way; forget the record so that
            # a later attempt may still send it.
            logger.exception("Sending %s email to %s failed", kind, recipient.key)
            record.delete()
            continue
        sent += 1
    return sent


def admin_url(name: str, *args) -> str:
    from django.urls import reverse

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


# --- Wagtail's own workflow emails ------------------------------------------
#
# Wagtail emails the members of a group approval task's groups when the task
# starts, and superusers when a workflow starts. For "Arviointi ja julkaisu"
# our own emails say the same in Finnish with the links that matter
# (ready_for_decision, proposal_new), so Wagtail's would be the same thing
# twice. These wrappers take Wagtail's place under its own dispatch_uid (see
# EvaluationConfig.ready) and pass every other workflow through unchanged.


def _in_our_workflow(workflow_state) -> bool:
    from .workflow import WORKFLOW_NAME

    return workflow_state is not None and workflow_state.workflow.name == WORKFLOW_NAME


def wagtail_task_submitted(sender, instance=None, **kwargs):
    from wagtail.admin.signal_handlers import task_submission_email_notifier

    if instance is not None and _in_our_workflow(instance.workflow_state):
        return None
    return task_submission_email_notifier(instance=instance, **kwargs)


def wagtail_workflow_submitted(sender, instance=None, **kwargs):
    from wagtail.admin.signal_handlers import workflow_submission_email_notifier

    # A proposal (no requesting user) is announced by proposal_new.
    if instance is not None and _in_our_workflow(instance) and instance.requested_by_id is None:
        return None
    return workflow_submission_email_notifier(instance=instance, **kwargs)


def replace_wagtail_notifiers() -> None:
    """Connects the wrappers under Wagtail's dispatch_uids, before wagtail.admin does.

    Django ignores a second connect with the same dispatch_uid and sender, so
    this must run first: the project's apps precede wagtail.admin in
    INSTALLED_APPS, and AppConfig.ready runs in that order.
    """
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import task_submitted, workflow_submitted

    task_submitted.connect(
        wagtail_task_submitted, sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_submitted.connect(
        wagtail_workflow_submitted, sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
