"""Assigning evaluators, recording evaluations and comparing them."""

from dataclasses import dataclass, field
from statistics import mean

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState

from mallipankki.practices.models import PracticePage

from .emails import notify_assigned, notify_evaluation_submitted
from .models import (
    DISAGREEMENT_SPREAD,
    CriterionScore,
    Evaluation,
    EvaluationAssignment,
    EvaluationCriterion,
    EvaluationTask,
    PracticeEvaluationSummary,
)
from .workflow import WORKFLOW_NAME


def current_evaluation_task_state(page) -> TaskState | None:
    """The in-progress evaluation task state of `page`, if it is in that step."""
    task_state = page.current_workflow_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    if not isinstance(task_state.task.specific, EvaluationTask):
        return None
    return task_state


def assignments_for(page):
    workflow_state = page.current_workflow_state
    if workflow_state is None:
        return EvaluationAssignment.objects.none()
    return EvaluationAssignment.objects.filter(workflow_state=workflow_state).select_related("evaluator")


def is_assigned(page, user) -> bool:
    return assignments_for(page).filter(evaluator=user).exists()


@transaction.atomic
def set_assignments(page, evaluators, assigned_by) -> tuple[list, list]:
    """Makes `evaluators` the assigned set; keeps anyone who has already evaluated.

    Returns (added, removed) user lists; the added ones are emailed.
    """
    workflow_state = page.current_workflow_state
    if workflow_state is None:
        return [], []
    wanted = {user.pk: user for user in evaluators}
    existing = {assignment.evaluator_id: assignment for assignment in assignments_for(page)}
    evaluated = set(
        Evaluation.objects.filter(practice=page, task_state__workflow_state=workflow_state).values_list(
            "evaluator_id", flat=True
        )
    )
    added = [user for pk, user in wanted.items() if pk not in existing]
    removed = [a.evaluator for pk, a in existing.items() if pk not in wanted and pk not in evaluated]
    created = [
        EvaluationAssignment.objects.create(
            workflow_state=workflow_state, practice_id=page.pk, evaluator=user, assigned_by=assigned_by
        )
        for user in added
    ]
    if removed:
        EvaluationAssignment.objects.filter(
            workflow_state=workflow_state, evaluator__in=[user.pk for user in removed]
        ).delete()
    for assignment in created:
        transaction.on_commit(lambda pk=assignment.pk: notify_assigned(pk))
    return added, removed


@transaction.atomic
def submit_evaluation(page, evaluator, form, task_state=None) -> Evaluation:
    """Saves a new evaluation; it supersedes the evaluator's earlier one.

    When `task_state` is the evaluation step in progress, the step is
    approved once enough evaluators have submitted.
    """
    previous = (
        Evaluation.objects.select_for_update(of=("self",))
        .filter(practice=page, evaluator=evaluator)
        .current()
        .order_by("-submitted_at", "-pk")
        .first()
    )
    data = form.cleaned_data
    evaluation = Evaluation.objects.create(
        practice=page,
        revision=task_state.revision if task_state else page.get_latest_revision(),
        task_state=task_state,
        evaluator=evaluator,
        evidence_level=data["evidence_level"],
        readiness_materials=data["readiness_materials"],
        readiness_training=data["readiness_training"],
        readiness_fidelity=data["readiness_fidelity"],
        summary=data["summary"].strip(),
        supersedes=previous,
    )
    CriterionScore.objects.bulk_create(
        [
            CriterionScore(evaluation=evaluation, criterion=criterion, score=score, reason=reason)
            for criterion, score, reason in form.scores()
        ]
    )
    completed = task_state is not None and task_state.task.specific.check_complete(task_state, user=evaluator)
    if not completed:
        # The evaluation that completes the step is announced with the decision step.
        transaction.on_commit(lambda: notify_evaluation_submitted(evaluation.pk))
    return evaluation


# --- comparison -------------------------------------------------------------


@dataclass
class Row:
    label: str
    values: list  # one per evaluation: a number or None
    reasons: list = field(default_factory=list)
    description: str = ""
    maximum: int | None = None

    @property
    def numbers(self) -> list[int]:
        return [value for value in self.values if value is not None]

    @property
    def mean(self) -> float | None:
        return round(mean(self.numbers), 1) if self.numbers else None

    @property
    def spread(self) -> int | None:
        return max(self.numbers) - min(self.numbers) if self.numbers else None

    @property
    def disagreement(self) -> bool:
        return len(self.numbers) > 1 and self.spread >= DISAGREEMENT_SPREAD

    @property
    def cells(self):
        reasons = self.reasons or [""] * len(self.values)
        return list(zip(self.values, reasons, strict=True))


@dataclass
class Comparison:
    evaluations: list
    criteria_rows: list
    axis_rows: list
    earlier: list

    @property
    def disagreements(self) -> list[Row]:
        return [row for row in self.criteria_rows + self.axis_rows if row.disagreement]


def revision_numbers(page) -> dict[int, int]:
    """Each revision of `page` numbered from 1, oldest first: "versio 3" means the page's third.

    Revision ids run across every page of the site, so an id tells an
    evaluator nothing about this practice.
    """
    ids = page.revisions.order_by("created_at", "pk").values_list("pk", flat=True)
    return {pk: number for number, pk in enumerate(ids, start=1)}


def compare(page) -> Comparison:
    evaluations = list(
        Evaluation.objects.filter(practice=page)
        .current()
        .select_related("evaluator", "revision")
        .prefetch_related("scores")
        .order_by("submitted_at", "pk")
    )
    earlier = list(
        Evaluation.objects.filter(practice=page, superseded_by__isnull=False)
        .select_related("evaluator")
        .order_by("-submitted_at")
    )
    numbers = revision_numbers(page)
    for evaluation in evaluations:
        evaluation.revision_number = numbers.get(evaluation.revision_id)
    score_maps = [evaluation.score_map() for evaluation in evaluations]
    used = {criterion_id for scores in score_maps for criterion_id in scores}
    criteria = EvaluationCriterion.objects.filter(pk__in=used) | EvaluationCriterion.objects.filter(active=True)
    criteria_rows = []
    for criterion in criteria.distinct().order_by("sort_order", "pk"):
        cells = [scores.get(criterion.pk) for scores in score_maps]
        criteria_rows.append(
            Row(
                label=criterion.name,
                description=criterion.description,
                values=[cell.score if cell else None for cell in cells],
                reasons=[cell.reason if cell else "" for cell in cells],
                maximum=3,
            )
        )
    axis_rows = [
        Row(_("Näytön taso"), [e.evidence_level for e in evaluations], maximum=5),
        Row(_("Materiaalit"), [e.readiness_materials for e in evaluations], maximum=3),
        Row(_("Koulutus ja tuki"), [e.readiness_training for e in evaluations], maximum=2),
        Row(_("Mallin mukaisuuden välineet"), [e.readiness_fidelity for e in evaluations], maximum=3),
        Row(_("Käyttöönottovalmius yhteensä"), [e.readiness_total for e in evaluations], maximum=8),
    ]
    return Comparison(evaluations=evaluations, criteria_rows=criteria_rows, axis_rows=axis_rows, earlier=earlier)


def median_low(values: list[int]) -> int | None:
    """The lower median: a proposal for the editors, never above the evaluators' middle."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


SUMMARY_LOG_ACTION = "mallipankki.evaluation_summary"
SUMMARY_FIELDS = ("summary", "next_evidence_step", "evaluated_on")


@transaction.atomic
def save_summary(page, form, user) -> PracticeEvaluationSummary:
    """Saves the public summary; writes changed axes onto the practice as a revision.

    A live practice outside a workflow is published again when the user may
    publish it; otherwise the workflow's decision step publishes the revision.
    """
    previous = PracticeEvaluationSummary.objects.filter(practice_id=page.pk).values(*SUMMARY_FIELDS).first() or {}
    summary = form.save(commit=False)
    summary.practice_id = page.pk
    summary.updated_by = user
    summary.save()
    # The summary is one row per practice; its earlier wording lives on in
    # the page's history as this log entry, so no version is ever lost.
    current = {name: getattr(summary, name) for name in SUMMARY_FIELDS}
    if current != {name: previous.get(name) for name in SUMMARY_FIELDS}:
        log(
            instance=page,
            action=SUMMARY_LOG_ACTION,
            user=user,
            data={
                "previous": {name: _jsonable(previous.get(name)) for name in SUMMARY_FIELDS},
                "current": {name: _jsonable(value) for name, value in current.items()},
            },
        )

    latest = page.get_latest_revision_as_object()
    changed = False
    for name in form.page_fields:
        value = form.cleaned_data.get(name)
        if getattr(latest, name) != value:
            setattr(latest, name, value)
            changed = True
    if changed:
        revision = latest.save_revision(user=user, log_action=True, clean=False)
        if page.live and not page.workflow_in_progress and page.permissions_for_user(user).can_publish():
            revision.publish(user=user, log_action=True)
    return summary


def _jsonable(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def practices_in_workflow():
    """Practices whose evaluation workflow is in progress, oldest first."""
    states = (
        WorkflowState.objects.active()
        .filter(workflow__name=WORKFLOW_NAME, status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("current_task_state__task")
        .order_by("created_at")
    )
    ids = [int(state.object_id) for state in states]
    pages = PracticePage.objects.in_bulk(ids)
    return [(pages[int(state.object_id)], state) for state in states if int(state.object_id) in pages]


def today():
    return timezone.localdate()
