"""The evaluation framework, evaluations and the evaluation step of the workflow, one module per concept.

- framework: `EvaluationCriterion`, `ScaleLevel` (the published framework);
- evaluations: `EvaluationAssignment`, `Evaluation`, `CriterionScore`,
  `PracticeEvaluationSummary`;
- tasks: `EvaluationTask`, `PublicationDecisionTask` (the workflow's steps);
- sent_notifications: `SentNotification`.

Every model is importable from here (mallipankki.evaluation.models.X), as
migrations and the rest of the code import them.
"""

from .evaluations import (
    DISAGREEMENT_SPREAD,
    CriterionScore,
    Evaluation,
    EvaluationAssignment,
    EvaluationQuerySet,
    PracticeEvaluationSummary,
)
from .framework import SCORE_CHOICES, EvaluationCriterion, ScaleLevel
from .sent_notifications import SentNotification
from .tasks import EvaluationTask, PublicationDecisionTask

__all__ = [
    "DISAGREEMENT_SPREAD",
    "SCORE_CHOICES",
    "CriterionScore",
    "Evaluation",
    "EvaluationAssignment",
    "EvaluationCriterion",
    "EvaluationQuerySet",
    "EvaluationTask",
    "PracticeEvaluationSummary",
    "PublicationDecisionTask",
    "ScaleLevel",
    "SentNotification",
]
