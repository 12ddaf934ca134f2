"""What the editors' and evaluators' dashboard lists: plain queries, each taking the time as an argument.

- practices waiting for evaluators: in the Arviointi step with fewer
  evaluators assigned than the step requires;
- overdue evaluations: assigned more than OVERDUE_AFTER ago, the step still
  open and the evaluator has not submitted;
- ready for decision: in the Julkaisupäätös step.

Each returns a queryset or a list, oldest first, so that the panels
(dashboard_panels) can show the first few and count them all. `now` is a
parameter so that tests can stand anywhere in time. The new proposals are
the proposals app's own panel (proposals.dashboard).
"""

import datetime as dt

from django.db.models import Count, Exists, F, OuterRef
from wagtail.models import TaskState, WorkflowState

from mallipankki.practices.models import PracticePage

from .models import Evaluation, EvaluationAssignment, EvaluationTask, PublicationDecisionTask
from .workflow import WORKFLOW_NAME

OVERDUE_AFTER = dt.timedelta(days=30)


def _open_states():
    """Our workflow's runs that are in progress, with their current step in progress."""
    return WorkflowState.objects.filter(
        workflow__name=WORKFLOW_NAME,
        status=WorkflowState.STATUS_IN_PROGRESS,
        current_task_state__status=TaskState.STATUS_IN_PROGRESS,
    )


def _in_step(task_model):
    """Our workflow's open runs whose current step is a `task_model` task."""
    return _open_states().filter(current_task_state__task__in=task_model.objects.values("pk"))


def _with_pages(states) -> list:
    """(page, workflow state) pairs; states whose page is gone are left out."""
    states = list(states)
    pages = PracticePage.objects.in_bulk([int(state.object_id) for state in states])
    return [(pages[int(state.object_id)], state) for state in states if int(state.object_id) in pages]


def waiting_for_evaluators() -> list:
    """(page, state) pairs in the Arviointi step with fewer assigned evaluators than required.

    Each state carries `assigned_count`, `submitted_count` and `required`.
    """
    states = (
        _in_step(EvaluationTask)
        .annotate(
            assigned_count=Count("evaluation_assignments", distinct=True),
            submitted_count=Count("current_task_state__evaluations__evaluator", distinct=True),
            required=F("current_task_state__task__evaluationtask__required_evaluations"),
        )
        .filter(assigned_count__lt=F("required"))
        .select_related("current_task_state")
        .order_by("created_at", "pk")
    )
    return _with_pages(states)


def overdue_evaluations(now, evaluator=None):
    """Assignments older than OVERDUE_AFTER whose evaluator has not submitted in the open step."""
    submitted = Evaluation.objects.filter(
        task_state=OuterRef("workflow_state__current_task_state"), evaluator=OuterRef("evaluator")
    )
    assignments = (
        EvaluationAssignment.objects.filter(
            workflow_state__in=_in_step(EvaluationTask), assigned_at__lt=now - OVERDUE_AFTER
        )
        .exclude(Exists(submitted))
        .select_related("practice", "evaluator")
        .order_by("assigned_at", "pk")
    )
    if evaluator is not None:
        assignments = assignments.filter(evaluator=evaluator)
    return assignments


def pending_for(evaluator):
    """`evaluator`'s own assignments in an open Arviointi step, not yet evaluated."""
    submitted = Evaluation.objects.filter(
        task_state=OuterRef("workflow_state__current_task_state"), evaluator=OuterRef("evaluator")
    )
    return (
        EvaluationAssignment.objects.filter(workflow_state__in=_in_step(EvaluationTask), evaluator=evaluator)
        .exclude(Exists(submitted))
        .select_related("practice")
        .order_by("assigned_at", "pk")
    )


def ready_for_decision() -> list:
    """(page, state) pairs in the Julkaisupäätös step, longest waiting first."""
    states = (
        _in_step(PublicationDecisionTask)
        .select_related("current_task_state")
        .order_by("current_task_state__started_at", "pk")
    )
    return _with_pages(states)


def is_overdue(assignment, now) -> bool:
    return assignment.assigned_at < now - OVERDUE_AFTER
