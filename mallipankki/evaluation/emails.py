"""Emails to staff about evaluations: assigned, submitted, ready for decision; in Finnish, the staff's language.

Each is called after the transaction that made the event has committed and
sends through `notifications.send_once`, so nobody gets the same one twice.
"""

from wagtail.models import TaskState

from mallipankki.core.mail import STAFF_LANGUAGE, admin_url

from .models import Evaluation, EvaluationAssignment
from .notifications import editors, send_once, user_recipient


def notify_assigned(assignment_pk: int) -> int:
    """The evaluator is asked to evaluate."""
    assignment = EvaluationAssignment.objects.select_related("practice", "evaluator").filter(pk=assignment_pk).first()
    if assignment is None:
        return 0  # unassigned again before the transaction ended
    context = {
        "page": assignment.practice,
        "user": assignment.evaluator,
        "url": admin_url("evaluation_admin:evaluate", assignment.practice_id),
    }
    return send_once(
        "assigned",
        f"assignment:{assignment.pk}",
        [user_recipient(assignment.evaluator)],
        "evaluation/emails/assigned",
        context,
        language=STAFF_LANGUAGE,
    )


def notify_evaluation_submitted(evaluation_pk: int) -> int:
    """Editors hear of each evaluation that does not complete the step.

    The evaluation that completes it is announced by `notify_ready_for_decision`
    instead: one email, not two at the same moment.
    """
    evaluation = (
        Evaluation.objects.select_related("practice", "evaluator", "task_state").filter(pk=evaluation_pk).first()
    )
    if evaluation is None:
        return 0
    task_state = evaluation.task_state
    done = required = None
    if task_state is not None:
        done = Evaluation.objects.filter(task_state=task_state).values("evaluator").distinct().count()
        required = getattr(task_state.task.specific, "required_evaluations", None)
    context = {
        "page": evaluation.practice,
        "evaluator": evaluation.evaluator,
        "done": done,
        "required": required,
        "url": admin_url("evaluation_admin:practice", evaluation.practice_id),
    }
    return send_once(
        "evaluation_submitted",
        f"evaluation:{evaluation.pk}",
        editors(),
        "evaluation/emails/submitted",
        context,
        language=STAFF_LANGUAGE,
    )


def notify_ready_for_decision(task_state_pk: int) -> int:
    """The decision step has started: the editors decide."""
    task_state = TaskState.objects.select_related("workflow_state").filter(pk=task_state_pk).first()
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return 0
    page = task_state.workflow_state.content_object
    evaluations = Evaluation.objects.filter(task_state__workflow_state=task_state.workflow_state).current().count()
    context = {
        "page": page,
        "evaluations": evaluations,
        "url": admin_url("evaluation_admin:practice", page.pk),
        "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
    }
    return send_once(
        "ready_for_decision",
        f"taskstate:{task_state.pk}",
        editors(),
        "evaluation/emails/ready_for_decision",
        context,
        language=STAFF_LANGUAGE,
    )
