from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_urls
from .models import EvaluationAssignment, EvaluationCriterion, ScaleLevel
from .roles import is_editor, is_evaluator


@hooks.register("register_admin_urls")
def register_evaluation_urls():
    return [path("arviointi/", include(admin_urls, namespace="evaluation_admin"))]


class EvaluationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user) or is_evaluator(request.user)


@hooks.register("register_admin_menu_item")
def register_evaluation_menu_item():
    return EvaluationMenuItem(_("Arvioinnit"), reverse("evaluation_admin:index"), icon_name="tasks", order=250)


class AssignedEvaluationsPanel(Component):
    """The evaluator's own to-do list on the admin dashboard."""

    name = "assigned_evaluations"
    template_name = "evaluation/admin/dashboard_panel.html"
    order = 210

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        from .services import current_evaluation_task_state

        rows = []
        assignments = (
            EvaluationAssignment.objects.filter(evaluator=self.user, workflow_state__status="in_progress")
            .select_related("practice")
            .order_by("assigned_at")
        )
        for assignment in assignments:
            task_state = current_evaluation_task_state(assignment.practice)
            if task_state is None or task_state.workflow_state_id != assignment.workflow_state_id:
                continue
            if task_state.evaluations.filter(evaluator=self.user).exists():
                continue
            rows.append(assignment)
        return {"assignments": rows}


@hooks.register("construct_homepage_panels")
def add_assigned_evaluations_panel(request, panels):
    if is_evaluator(request.user):
        panels.insert(0, AssignedEvaluationsPanel(request.user))


class CriterionViewSet(SnippetViewSet):
    model = EvaluationCriterion
    icon = "list-ol"
    list_display = ["name", "sort_order", "active"]
    ordering = ["sort_order", "pk"]
    search_fields = []
    add_to_admin_menu = False


class ScaleLevelViewSet(SnippetViewSet):
    model = ScaleLevel
    icon = "order"
    list_display = ["scale", "value", "title"]
    list_filter = ["scale"]
    ordering = ["scale", "value"]
    search_fields = []
    add_to_admin_menu = False


class FrameworkGroup(SnippetViewSetGroup):
    menu_label = _("Arviointikehys")
    menu_icon = "clipboard-list"
    menu_order = 320
    items = (CriterionViewSet, ScaleLevelViewSet)


register_snippet(FrameworkGroup)
