"""Evaluations: who is asked to evaluate, what they scored, and what the public reads.

- `EvaluationAssignment`: an editor asks an evaluator to evaluate a practice
  in a workflow run.
- `Evaluation`: one evaluator's scores for one practice revision. Never
  changed after it is saved; a new evaluation by the same evaluator
  supersedes the earlier one, which is kept.
- `CriterionScore`: an evaluation's score and reason for one criterion.
- `PracticeEvaluationSummary`: the editors' public summary of a practice's
  evaluation, shown on the practice page.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .framework import SCORE_CHOICES, EvaluationCriterion

# Scores this far apart on one criterion are shown as a disagreement.
DISAGREEMENT_SPREAD = 2


class EvaluationAssignment(models.Model):
    """An editor asks an evaluator to evaluate a practice in a workflow run."""

    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", on_delete=models.CASCADE, related_name="evaluation_assignments"
    )
    practice = models.ForeignKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="evaluation_assignments"
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evaluation_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workflow_state", "evaluator"], name="evaluation_assignment_unique")
        ]
        verbose_name = _("arviointipyyntö")
        verbose_name_plural = _("arviointipyynnöt")

    def __str__(self):
        return f"{self.practice} / {self.evaluator}"


class EvaluationQuerySet(models.QuerySet):
    def current(self):
        """Evaluations not superseded by a later one of the same evaluator."""
        return self.filter(superseded_by__isnull=True)


class Evaluation(models.Model):
    practice = models.ForeignKey("practices.PracticePage", on_delete=models.CASCADE, related_name="evaluations")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("versio")
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState", null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluations"
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("arvioija")
    )
    evidence_level = models.PositiveSmallIntegerField(_("ehdotettu näytön taso"), validators=[MaxValueValidator(5)])
    readiness_materials = models.PositiveSmallIntegerField(_("materiaalit"), validators=[MaxValueValidator(3)])
    readiness_training = models.PositiveSmallIntegerField(_("koulutus ja tuki"), validators=[MaxValueValidator(2)])
    readiness_fidelity = models.PositiveSmallIntegerField(
        _("mallin mukaisuuden välineet"), validators=[MaxValueValidator(3)]
    )
    summary = models.TextField(_("yhteenveto"))
    submitted_at = models.DateTimeField(_("annettu"), auto_now_add=True)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        permissions = [("manage_evaluations", "Voi osoittaa arvioijat ja koota arvioinnit")]
        verbose_name = _("arvio")
        verbose_name_plural = _("arviot")

    def __str__(self):
        return f"{self.practice} / {self.evaluator}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("Evaluations are never changed; save a new one that supersedes this.")
        super().save(*args, **kwargs)

    @property
    def readiness_total(self) -> int:
        return self.readiness_materials + self.readiness_training + self.readiness_fidelity

    def score_map(self) -> dict[int, "CriterionScore"]:
        return {score.criterion_id: score for score in self.scores.all()}


class CriterionScore(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(EvaluationCriterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(_("pisteet"), choices=SCORE_CHOICES)
    reason = models.TextField(_("perustelu"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["evaluation", "criterion"], name="evaluation_score_unique")]
        verbose_name = _("kriteerin pisteet")

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class PracticeEvaluationSummary(models.Model):
    """What the public reads about a practice's evaluation."""

    practice = models.OneToOneField(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="evaluation_summary", primary_key=True
    )
    summary = models.TextField(_("arvioinnin yhteenveto"), blank=True)
    next_evidence_step = models.TextField(
        _("seuraava askel näytön vahvistamiseksi"),
        blank=True,
        help_text=_("Mitä mallin tekijät voisivat tehdä, jotta näytön taso nousisi."),
    )
    evaluated_on = models.DateField(_("arvioitu"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("arvioinnin yhteenveto")
        verbose_name_plural = _("arviointien yhteenvedot")

    def __str__(self):
        return str(self.practice)

    @property
    def is_empty(self) -> bool:
        return not (self.summary or self.next_evidence_step or self.evaluated_on)
