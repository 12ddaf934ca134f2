"""The evaluation framework, evaluations and the evaluation step of the workflow.

- `EvaluationCriterion` and `ScaleLevel`: the published framework, edited by
  admins as snippets and shown at /arviointi/.
- `EvaluationTask`: step 1 of the workflow "Arviointi ja julkaisu". Editors
  assign evaluators, each evaluator scores; the task approves itself when
  `required_evaluations` evaluators have submitted.
- `PublicationDecisionTask`: step 2, a GroupApprovalTask (for Toimittajat)
  whose rejection needs a reason; its approval publishes the practice.
- `Evaluation`: one evaluator's scores for one practice revision. Never
  changed after it is saved; a new evaluation by the same evaluator
  supersedes the earlier one, which is kept.
- `PracticeEvaluationSummary`: the editors' public summary of a practice's
  evaluation, shown on the practice page.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import GroupApprovalTask, Task, TaskState

from .roles import is_editor

SCORE_CHOICES = [(0, "0"), (1, "1"), (2, "2"), (3, "3")]
DISAGREEMENT_SPREAD = 2


class EvaluationCriterion(models.Model):
    """A criterion scored 0–3, with what each score means."""

    name = models.CharField(_("nimi"), max_length=200)
    description = models.TextField(_("kuvaus"), help_text=_("Mitä arvioidaan ja miksi."))
    scale_0 = models.CharField(_("0 pistettä"), max_length=500)
    scale_1 = models.CharField(_("1 piste"), max_length=500)
    scale_2 = models.CharField(_("2 pistettä"), max_length=500)
    scale_3 = models.CharField(_("3 pistettä"), max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    active = models.BooleanField(
        _("käytössä"), default=True, help_text=_("Vain käytössä olevat kriteerit pisteytetään ja näytetään.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("scale_0"), FieldPanel("scale_1"), FieldPanel("scale_2"), FieldPanel("scale_3")],
            heading=_("Asteikko 0–3"),
        ),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("active")]),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("arviointikriteeri")
        verbose_name_plural = _("arviointikriteerit")

    def __str__(self):
        return self.name

    @property
    def scale(self) -> list[tuple[int, str]]:
        return [(value, getattr(self, f"scale_{value}")) for value in range(4)]


class ScaleLevel(models.Model):
    """One step of the evidence scale (0–5) or of a readiness part."""

    class Scale(models.TextChoices):
        EVIDENCE = "evidence", _("Näytön taso (0–5)")
        MATERIALS = "materials", _("Materiaalit (0–3)")
        TRAINING = "training", _("Koulutus ja tuki (0–2)")
        FIDELITY = "fidelity", _("Mallin mukaisuuden välineet (0–3)")

    MAXIMUM = {"evidence": 5, "materials": 3, "training": 2, "fidelity": 3}

    scale = models.CharField(_("asteikko"), max_length=20, choices=Scale.choices)
    value = models.PositiveSmallIntegerField(_("arvo"), validators=[MaxValueValidator(5)])
    title = models.CharField(_("otsikko"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)

    panels = [FieldRowPanel([FieldPanel("scale"), FieldPanel("value")]), FieldPanel("title"), FieldPanel("description")]

    class Meta:
        ordering = ["scale", "value"]
        constraints = [models.UniqueConstraint(fields=["scale", "value"], name="evaluation_scalelevel_unique")]
        verbose_name = _("asteikon taso")
        verbose_name_plural = _("asteikkojen tasot")

    def __str__(self):
        return f"{self.get_scale_display()}: {self.value} – {self.title}"

    def clean(self):
        maximum = self.MAXIMUM.get(self.scale)
        if maximum is not None and self.value is not None and self.value > maximum:
            raise ValidationError({"value": _("Tämän asteikon suurin arvo on %(max)s.") % {"max": maximum}})


# --- the workflow tasks -----------------------------------------------------


class EvaluationTask(Task):
    required_evaluations = models.PositiveSmallIntegerField(
        _("vaadittu arvioiden määrä"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Tehtävä valmistuu, kun näin moni arvioija on antanut arvionsa."),
    )

    admin_form_fields = Task.admin_form_fields + ["required_evaluations"]

    class Meta:
        verbose_name = _("arviointitehtävä")
        verbose_name_plural = _("arviointitehtävät")

    @classmethod
    def get_description(cls):
        return _(
            "Toimittajat osoittavat arvioijat, arvioijat pisteyttävät mallin. "
            "Tehtävä valmistuu, kun vaadittu määrä arvioita on annettu."
        )

    def start(self, workflow_state, user=None):
        from .workflow import set_practice_status

        if set_practice_status(workflow_state.content_object, "in_review", user):
            # The task state records the latest revision: let it see the new one.
            workflow_state.content_object.refresh_from_db()
        return super().start(workflow_state, user=user)

    def _is_assigned(self, obj, user) -> bool:
        if not (user and user.is_authenticated and user.is_active):
            return False
        workflow_state = obj.current_workflow_state
        return bool(
            workflow_state
            and EvaluationAssignment.objects.filter(workflow_state=workflow_state, evaluator=user).exists()
        )

    def _has_evaluated(self, task_state, user) -> bool:
        return Evaluation.objects.filter(task_state=task_state, evaluator=user).exists()

    def user_can_access_editor(self, obj, user):
        # Assigned evaluators may open the (read-only) editor to read the draft.
        return is_editor(user) or self._is_assigned(obj, user)

    def locked_for_user(self, obj, user):
        # Evaluators score the draft as it is; only editors change it now.
        return not is_editor(user)

    def get_actions(self, obj, user):
        actions = []
        task_state = obj.current_workflow_task_state
        if self._is_assigned(obj, user) and task_state and not self._has_evaluated(task_state, user):
            actions.append(("evaluate", _("Arvioi"), False))
        if is_editor(user):
            actions.append(("reject", _("Hylkää"), True))
        return actions

    def get_form_for_action(self, action):
        if action == "reject":
            from .forms import RejectionForm

            return RejectionForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "reject":
            return "evaluation/admin/reject_modal.html"
        return super().get_template_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "evaluate":
            # The scoring form is a view of its own; the workflow action view
            # redirects there.
            return reverse("evaluation_admin:evaluate", args=[task_state.workflow_state.object_id])
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if is_editor(user):
            return in_progress
        if not (user and user.is_authenticated):
            return TaskState.objects.none()
        return in_progress.filter(workflow_state__evaluation_assignments__evaluator=user).exclude(
            evaluations__evaluator=user
        )

    def evaluations_for(self, task_state):
        return Evaluation.objects.filter(task_state=task_state)

    def check_complete(self, task_state, user=None) -> bool:
        """Approves `task_state` once enough evaluators have submitted."""
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            return False
        evaluators = self.evaluations_for(task_state).values("evaluator").distinct().count()
        if evaluators >= self.required_evaluations:
            task_state.approve(
                user=user,
                comment=_("%(count)s arviota annettu.") % {"count": evaluators},
            )
            return True
        return False


class PublicationDecisionTask(GroupApprovalTask):
    """The editors' decision: approve publishes, rejection needs a reason."""

    class Meta:
        verbose_name = _("julkaisupäätös")
        verbose_name_plural = _("julkaisupäätökset")

    @classmethod
    def get_description(cls):
        return _("Valittujen ryhmien jäsenet päättävät julkaisusta. Hylkäys vaatii perustelun.")

    def start(self, workflow_state, user=None):
        from .workflow import set_practice_status

        if set_practice_status(workflow_state.content_object, "in_review", user):
            # The task state records the latest revision: let it see the new one.
            workflow_state.content_object.refresh_from_db()
        task_state = super().start(workflow_state, user=user)
        from .emails import notify_ready_for_decision

        transaction.on_commit(lambda: notify_ready_for_decision(task_state.pk))
        return task_state

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Hylkää"), True),
                ("approve", _("Hyväksy ja julkaise"), False),
                ("approve", _("Hyväksy ja julkaise kommentilla"), True),
            ]
        return []

    def get_form_for_action(self, action):
        if action == "reject":
            from .forms import RejectionForm

            return RejectionForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "reject":
            return "evaluation/admin/reject_modal.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            # The published revision says "published" in its status field.
            from .workflow import set_practice_status

            page = task_state.workflow_state.content_object
            set_practice_status(page, "published", user)
            # The workflow publishes page.get_latest_revision(): make it see the new one.
            page.refresh_from_db()
        return super().on_action(task_state, user, action_name, **kwargs)


# --- evaluations ------------------------------------------------------------


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


# --- notifications ----------------------------------------------------------


class SentNotification(models.Model):
    """One email sent about one event to one recipient; a second is never sent.

    The recipient is a key ("user:12", "submitter:34"), not an address, so the
    log holds no personal data of its own: erasing a submitter's data leaves
    it as it is.
    """

    kind = models.CharField(max_length=40)
    object_key = models.CharField(max_length=60)
    recipient_key = models.CharField(max_length=60)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_key", "recipient_key"], name="evaluation_sentnotification_once"
            )
        ]
        verbose_name = _("lähetetty ilmoitus")
        verbose_name_plural = _("lähetetyt ilmoitukset")

    def __str__(self):
        return f"{self.kind} {self.object_key} → {self.recipient_key}"
