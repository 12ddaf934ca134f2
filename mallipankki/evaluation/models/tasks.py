"""The two steps of the workflow "Arviointi ja julkaisu".

- `EvaluationTask`: step 1. Editors assign evaluators, each evaluator
  scores; the task approves itself when `required_evaluations` evaluators
  have submitted.
- `PublicationDecisionTask`: step 2, a GroupApprovalTask (for Toimittajat)
  whose rejection needs a reason; its approval publishes the practice.

The rejection form and the ready-for-decision email are imported where they
are used: the forms and emails modules import the models, so importing them
here, while the models are loaded, would be circular.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import GroupApprovalTask, Task, TaskState

from mallipankki.core.permissions import is_editor

from ..workflow import cancel_scheduled_publishing, practice_approving, set_practice_status
from .evaluations import Evaluation, EvaluationAssignment


class RejectionWithReasons:
    """Both steps reject through the same form and modal: a rejection needs a reason."""

    def get_form_for_action(self, action):
        if action == "reject":
            from ..forms import RejectionForm

            return RejectionForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "reject":
            return "evaluation/admin/reject_modal.html"
        return super().get_template_for_action(action)


class EvaluationTask(RejectionWithReasons, Task):
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
        cancel_scheduled_publishing(workflow_state.content_object, user)
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
                comment=ngettext("%(count)s arvio annettu.", "%(count)s arviota annettu.", evaluators)
                % {"count": evaluators},
            )
            return True
        return False


class PublicationDecisionTask(RejectionWithReasons, GroupApprovalTask):
    """The editors' decision: approve publishes, rejection needs a reason."""

    class Meta:
        verbose_name = _("julkaisupäätös")
        verbose_name_plural = _("julkaisupäätökset")

    @classmethod
    def get_description(cls):
        return _("Valittujen ryhmien jäsenet päättävät julkaisusta. Hylkäys vaatii perustelun.")

    def start(self, workflow_state, user=None):
        if set_practice_status(workflow_state.content_object, "in_review", user):
            # The task state records the latest revision: let it see the new one.
            workflow_state.content_object.refresh_from_db()
        task_state = super().start(workflow_state, user=user)
        from ..emails import notify_ready_for_decision

        transaction.on_commit(lambda: notify_ready_for_decision(task_state.pk))
        return task_state

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Hylkää"), True),
                ("approve", _("Hyväksy ja julkaise"), False),
                ("approve", _("Hyväksy kommentilla ja julkaise"), True),
            ]
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            # The published revision says "published" in its status field.
            page = task_state.workflow_state.content_object
            practice_approving.send(sender=type(self), page=page, user=user)
            set_practice_status(page, "published", user)
            # The workflow publishes page.get_latest_revision(): make it see the new one.
            page.refresh_from_db()
        return super().on_action(task_state, user, action_name, **kwargs)
