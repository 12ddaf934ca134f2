"""The public framework page and the evaluators' and editors' admin views."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mallipankki.core.permissions import is_editor, is_evaluator
from mallipankki.practices.models import PracticePage

from . import services
from .forms import AssignForm, EvaluationForm, SummaryForm
from .models import (
    Evaluation,
    EvaluationAssignment,
    EvaluationCriterion,
    EvaluationTask,
    PracticeEvaluationSummary,
    ScaleLevel,
)

# --- public -----------------------------------------------------------------


@require_GET
def framework(request):
    levels = defaultdict(list)
    for level in ScaleLevel.objects.all():
        levels[level.scale].append(level)
    context = {
        "criteria": EvaluationCriterion.objects.filter(active=True),
        "evidence_levels": levels["evidence"],
        "readiness_parts": [
            (_("Materiaalit"), 3, levels["materials"]),
            (_("Koulutus ja tuki"), 2, levels["training"]),
            (_("Mallin mukaisuuden välineet"), 3, levels["fidelity"]),
        ],
    }
    return render(request, "evaluation/framework.html", context)


# --- admin ------------------------------------------------------------------


class EvaluationAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "tasks"
    index_breadcrumb = {"url": reverse_lazy("evaluation_admin:index"), "label": gettext_lazy("Arvioinnit")}

    def dispatch(self, request, *args, **kwargs):
        if not (is_editor(request.user) or is_evaluator(request.user)):
            raise PermissionDenied(_("Arvioinnit kuuluvat toimittajille ja arvioijille."))
        return super().dispatch(request, *args, **kwargs)


class IndexView(EvaluationAdminMixin, TemplateView):
    template_name = "evaluation/admin/index.html"
    page_title = gettext_lazy("Arvioinnit")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        editor = is_editor(user)
        rows = []
        in_workflow = services.practices_in_workflow()
        if not editor:
            # Evaluators see only the practices they are assigned to.
            mine = set(
                EvaluationAssignment.objects.filter(
                    workflow_state__in=[state for _page, state in in_workflow], evaluator=user
                ).values_list("workflow_state_id", flat=True)
            )
            in_workflow = [(page, state) for page, state in in_workflow if state.pk in mine]
        assignments = EvaluationAssignment.objects.filter(
            workflow_state__in=[state for _page, state in in_workflow]
        ).select_related("evaluator")
        by_state = defaultdict(list)
        for assignment in assignments:
            by_state[assignment.workflow_state_id].append(assignment)
        evaluated = defaultdict(set)
        for task_state_id, evaluator_id in Evaluation.objects.filter(
            task_state__workflow_state__in=[state for _page, state in in_workflow]
        ).values_list("task_state_id", "evaluator_id"):
            evaluated[task_state_id].add(evaluator_id)
        for page, state in in_workflow:
            task_state = state.current_task_state
            task = task_state.task.specific if task_state else None
            assigned = by_state[state.pk]
            done = evaluated[task_state.pk] if task_state else set()
            mine = next((a for a in assigned if a.evaluator_id == user.pk), None)
            rows.append(
                {
                    "page": page,
                    "state": state,
                    "task": task,
                    "in_evaluation": isinstance(task, EvaluationTask),
                    "assigned": assigned,
                    "done_count": len(done),
                    "required": getattr(task, "required_evaluations", None),
                    "mine": mine,
                    "mine_done": user.pk in done,
                }
            )
        context["rows"] = rows
        context["is_editor"] = editor
        return context


def _practice_or_404(page_id) -> PracticePage:
    return get_object_or_404(PracticePage, pk=page_id)


class PracticeView(EvaluationAdminMixin, TemplateView):
    """All evaluations side by side; editors also assign and write the summary."""

    template_name = "evaluation/admin/practice.html"

    def dispatch(self, request, *args, **kwargs):
        self.page = _practice_or_404(kwargs["page_id"])
        user = request.user
        self.editor = is_editor(user)
        if not self.editor:
            # Evaluators see the others' scores only after submitting their own.
            if not (is_evaluator(user) and Evaluation.objects.filter(practice=self.page, evaluator=user).exists()):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Arvioinnit: %(title)s") % {"title": self.page.get_admin_display_title()}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [self.index_breadcrumb, {"url": "", "label": self.page.title}]

    def get_summary_instance(self):
        return PracticeEvaluationSummary.objects.filter(practice_id=self.page.pk).first() or PracticeEvaluationSummary(
            practice_id=self.page.pk
        )

    def summary_initial(self, comparison):
        latest = self.page.get_latest_revision_as_object()
        initial = {name: getattr(latest, name) for name in SummaryForm.page_fields}
        if initial["evidence_level"] is None and comparison.evaluations:
            # Suggest the evaluators' lower median until an editor decides.
            evaluations = comparison.evaluations
            initial["evidence_level"] = services.median_low([e.evidence_level for e in evaluations])
            initial["readiness_materials"] = services.median_low([e.readiness_materials for e in evaluations])
            initial["readiness_training"] = services.median_low([e.readiness_training for e in evaluations])
            initial["readiness_fidelity"] = services.median_low([e.readiness_fidelity for e in evaluations])
        instance = self.get_summary_instance()
        if instance.evaluated_on is None:
            initial["evaluated_on"] = services.today()
        return initial

    def get_context_data(self, assign_form=None, summary_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        comparison = services.compare(self.page)
        context.update(
            page=self.page,
            comparison=comparison,
            is_editor=self.editor,
            task_state=services.current_evaluation_task_state(self.page),
            workflow_state=self.page.current_workflow_state,
            assignments=services.assignments_for(self.page),
            proposal=self.page.proposals.order_by("pk").first() if hasattr(self.page, "proposals") else None,
        )
        if self.editor:
            if assign_form is None and self.page.current_workflow_state is not None:
                assign_form = AssignForm(
                    prefix="assign",
                    initial={"evaluators": [a.evaluator for a in context["assignments"]]},
                )
            if summary_form is None:
                summary_form = SummaryForm(
                    prefix="summary",
                    instance=self.get_summary_instance(),
                    initial=self.summary_initial(comparison),
                )
            context.update(assign_form=assign_form, summary_form=summary_form)
        return context

    def post(self, request, *args, **kwargs):
        if not self.editor:
            raise PermissionDenied
        if "assign" in request.POST:
            if self.page.current_workflow_state is None:
                messages.error(request, _("Malli ei ole työnkulussa, joten sille ei voi osoittaa arvioijia."))
                return redirect(request.path)
            form = AssignForm(request.POST, prefix="assign")
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(assign_form=form))
            added, removed = services.set_assignments(self.page, form.cleaned_data["evaluators"], request.user)
            messages.success(
                request,
                _("Arvioijat päivitetty: %(added)s lisätty, %(removed)s poistettu.")
                % {"added": len(added), "removed": len(removed)},
            )
            return redirect(request.path)
        form = SummaryForm(request.POST, prefix="summary", instance=self.get_summary_instance())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(summary_form=form))
        services.save_summary(self.page, form, request.user)
        messages.success(request, _("Arvioinnin yhteenveto tallennettu."))
        return redirect(request.path)


class EvaluateView(EvaluationAdminMixin, TemplateView):
    """An assigned evaluator scores the practice."""

    template_name = "evaluation/admin/evaluate.html"

    def dispatch(self, request, *args, **kwargs):
        self.page = _practice_or_404(kwargs["page_id"])
        if not (request.user.is_authenticated and services.is_assigned(self.page, request.user)):
            raise PermissionDenied
        self.task_state = services.current_evaluation_task_state(self.page)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Arvioi: %(title)s") % {"title": self.page.get_admin_display_title()}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [self.index_breadcrumb, {"url": "", "label": self.page.title}]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        revision = self.task_state.revision if self.task_state else self.page.get_latest_revision()
        context.update(
            page=self.page,
            practice=revision.as_object() if revision else self.page,
            revision=revision,
            task_state=self.task_state,
            form=form or (EvaluationForm() if self.task_state else None),
            previous=Evaluation.objects.filter(practice=self.page, evaluator=self.request.user).current().first(),
            proposal=self.page.proposals.order_by("pk").first() if hasattr(self.page, "proposals") else None,
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.task_state is None:
            messages.error(request, _("Malli ei ole nyt arviointivaiheessa."))
            return redirect(request.path)
        form = EvaluationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            services.submit_evaluation(self.page, request.user, form, task_state=self.task_state)
        messages.success(request, _("Kiitos, arviosi on tallennettu."))
        return redirect(reverse("evaluation_admin:practice", args=[self.page.pk]))
