from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_urls, dashboard
from .models import EvaluationCriterion, ScaleLevel
from .roles import is_editor, is_evaluator
from .services import SUMMARY_LOG_ACTION


@hooks.register("register_admin_urls")
def register_evaluation_urls():
    return [path("arviointi/", include(admin_urls, namespace="evaluation_admin"))]


class EvaluationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user) or is_evaluator(request.user)


@hooks.register("register_admin_menu_item")
def register_evaluation_menu_item():
    return EvaluationMenuItem(_("Arvioinnit"), reverse("evaluation_admin:index"), icon_name="tasks", order=250)


class DashboardListPanel(Component):
    """A short list on the admin dashboard: a count, the first rows, an empty-state text.

    `rows` are dicts with "title", "url" and optional "detail", "note" and
    "links" (a list of (label, url)); everything is decided in `dashboard`.
    """

    template_name = "evaluation/admin/dashboard_list.html"
    LIMIT = 5

    def __init__(self, name, heading, items, row, empty_text, column, order, all_url=None):
        self.name = name
        self.heading = heading
        self.items = items
        self.row = row
        self.empty_text = empty_text
        self.column = column
        self.order = order
        self.all_url = all_url

    def get_context_data(self, parent_context):
        items = list(self.items[: self.LIMIT + 1]) if hasattr(self.items, "query") else list(self.items)
        count = self.items.count() if hasattr(self.items, "query") else len(items)
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "count": count,
            "rows": [self.row(item) for item in items[: self.LIMIT]],
            "more": count > self.LIMIT,
            "empty_text": self.empty_text,
            "column": self.column,
            "all_url": self.all_url,
        }


def _date(value):
    return {"date": value}


def dashboard_panels(user, now) -> list[DashboardListPanel]:
    """The panels `user`'s roles concern, in display order."""
    from mallipankki.proposals.access import can_read_proposals

    panels = []
    editor = is_editor(user)
    if can_read_proposals(user):
        panels.append(
            DashboardListPanel(
                "new-proposals",
                _("Uudet ehdotukset") if editor else _("Uudet ehdotukset alueiltasi"),
                dashboard.new_proposals(user),
                lambda proposal: {
                    "title": proposal.name or proposal.reference,
                    "url": reverse("proposals_admin:detail", args=[proposal.pk]),
                    "detail": proposal.reference,
                    **_date(proposal.created_at),
                },
                _("Ei uusia ehdotuksia."),
                _("Lähetetty"),
                order=100,
                all_url=reverse("proposals_admin:index") + "?tila=received",
            )
        )
    if editor:
        panels.append(
            DashboardListPanel(
                "waiting-for-evaluators",
                _("Mallit, jotka odottavat arvioijia"),
                dashboard.waiting_for_evaluators(),
                lambda pair: {
                    "title": pair[0].get_admin_display_title(),
                    "url": reverse("evaluation_admin:practice", args=[pair[0].pk]),
                    "detail": _("Arvioijia %(assigned)s/%(required)s, arvioita %(submitted)s")
                    % {
                        "assigned": pair[1].assigned_count,
                        "required": pair[1].required,
                        "submitted": pair[1].submitted_count,
                    },
                    **_date(pair[1].current_task_state.started_at),
                },
                _("Kaikilla arvioitavilla malleilla on arvioijat."),
                _("Odottanut alkaen"),
                order=110,
                all_url=reverse("evaluation_admin:index"),
            )
        )
        panels.append(
            DashboardListPanel(
                "overdue-evaluations",
                _("Myöhässä olevat arvioinnit"),
                dashboard.overdue_evaluations(now),
                lambda assignment: {
                    "title": assignment.practice.get_admin_display_title(),
                    "url": reverse("evaluation_admin:practice", args=[assignment.practice_id]),
                    "detail": assignment.evaluator.get_full_name() or assignment.evaluator.get_username(),
                    **_date(assignment.assigned_at),
                },
                _("Ei myöhässä olevia arviointeja."),
                _("Pyydetty"),
                order=120,
                all_url=reverse("evaluation_admin:index"),
            )
        )
        panels.append(
            DashboardListPanel(
                "ready-for-decision",
                _("Mallit, jotka odottavat julkaisupäätöstä"),
                dashboard.ready_for_decision(),
                lambda pair: {
                    "title": pair[0].get_admin_display_title(),
                    "url": reverse("evaluation_admin:practice", args=[pair[0].pk]),
                    "links": [(_("Päätä julkaisusta"), reverse("wagtailadmin_pages:edit", args=[pair[0].pk]))],
                    **_date(pair[1].current_task_state.started_at),
                },
                _("Yksikään malli ei odota julkaisupäätöstä."),
                _("Arviointi valmis"),
                order=130,
                all_url=reverse("evaluation_admin:index"),
            )
        )
    if is_evaluator(user):
        panels.append(
            DashboardListPanel(
                "assigned-evaluations",
                _("Sinulle osoitetut arvioinnit"),
                dashboard.pending_for(user),
                lambda assignment: {
                    "title": assignment.practice.get_admin_display_title(),
                    "url": reverse("evaluation_admin:evaluate", args=[assignment.practice_id]),
                    "note": _("Myöhässä") if dashboard.is_overdue(assignment, now) else "",
                    **_date(assignment.assigned_at),
                },
                _("Sinulla ei ole avoimia arviointeja."),
                _("Pyydetty"),
                order=90,
            )
        )
        panels.append(
            DashboardListPanel(
                "my-overdue-evaluations",
                _("Myöhässä olevat arviointisi"),
                dashboard.overdue_evaluations(now, evaluator=user),
                lambda assignment: {
                    "title": assignment.practice.get_admin_display_title(),
                    "url": reverse("evaluation_admin:evaluate", args=[assignment.practice_id]),
                    **_date(assignment.assigned_at),
                },
                _("Ei myöhässä olevia arviointeja."),
                _("Pyydetty"),
                order=95,
            )
        )
    return panels


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    # Ahead of Wagtail's own panels: these are the day's work.
    for index, panel in enumerate(dashboard_panels(request.user, timezone.now())):
        panels.insert(index, panel)


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


@hooks.register("register_log_actions")
def register_summary_log_action(actions):
    actions.register_action(
        SUMMARY_LOG_ACTION, _("Arvioinnin yhteenveto muutettu"), _("Julkinen arvioinnin yhteenveto muutettu")
    )
