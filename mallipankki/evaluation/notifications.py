"""Emails about the editorial process, each sent at most once.

Every email is about one event (`kind` + `object_key`, e.g. "assigned" +
"assignment:12") and goes to recipients named by a key ("user:5",
"submitter:34"). A row in SentNotification is written before the email is
sent; a second attempt for the same event and recipient finds the row and
sends nothing. So signals that fire twice, a page published again or a view
retried never email the same thing twice.

The emails themselves are rendered and sent by mallipankki.core.mail.
"""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, OperationalError, transaction
from wagtail.admin.signal_handlers import task_submission_email_notifier, workflow_submission_email_notifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from mallipankki.core.busy import database_busy
from mallipankki.core.mail import send_templated, users_to_email
from mallipankki.core.permissions import MANAGE_PERMISSION

from .models import SentNotification
from .workflow import WORKFLOW_NAME

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recipient:
    key: str
    address: str
    name: str = ""


def user_recipient(user) -> Recipient:
    return Recipient(f"user:{user.pk}", user.email, user.get_full_name() or user.get_username())


def editors() -> list[Recipient]:
    return [user_recipient(user) for user in users_to_email(MANAGE_PERMISSION)]


def send_once(kind: str, object_key: str, recipients, template: str, context: dict, *, language=None) -> int:
    """Sends `template` (…_subject.txt and ….txt) to each recipient not yet sent this event.

    `language` as in `core.mail.send_templated`: STAFF_LANGUAGE for staff.

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
        except OperationalError as error:
            if not database_busy(error):
                raise
            # Like a failure to send: what the email is about is stored already,
            # and a busy database (an import running) must not fail its request.
            logger.warning("The %s email to %s was not sent: the database was busy (%s)", kind, recipient.key, error)
            continue
        message_context = {"recipient": recipient, **context}
        if not send_templated(
            template, message_context, [recipient.address], about=f"{kind} to {recipient.key}", language=language
        ):
            # The event itself is stored either way; forget the record so that
            # a later attempt may still send it.
            record.delete()
            continue
        sent += 1
    return sent


# --- Wagtail's own workflow emails ------------------------------------------
#
# Wagtail emails the members of a group approval task's groups when the task
# starts, and superusers when a workflow starts. For "Arviointi ja julkaisu"
# our own emails say the same in Finnish with the links that matter
# (ready_for_decision, proposal_new), so Wagtail's would be the same thing
# twice. These wrappers take Wagtail's place under its own dispatch_uid (see
# EvaluationConfig.ready) and pass every other workflow through unchanged.


def _in_our_workflow(workflow_state) -> bool:
    return workflow_state is not None and workflow_state.workflow.name == WORKFLOW_NAME


def wagtail_task_submitted(sender, instance=None, **kwargs):
    if instance is not None and _in_our_workflow(instance.workflow_state):
        return None
    return task_submission_email_notifier(instance=instance, **kwargs)


def wagtail_workflow_submitted(sender, instance=None, **kwargs):
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
    task_submitted.connect(
        wagtail_task_submitted, sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_submitted.connect(
        wagtail_workflow_submitted, sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
