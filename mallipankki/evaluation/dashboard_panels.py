"""The editors' and evaluators' panels on the admin dashboard, built from the queries in `dashboard`.

Each panel is a `DashboardListPanel` (core.dashboard_panels) built by a
function of its own from the rows a query returned, so that a test can
build any one of them; each row is a dict made by a row function.
`dashboard_panels` picks the panels a user's roles concern and runs their
queries. Other apps add panels of their own the same way through the
construct_homepage_panels hook (proposals.dashboard: the new proposals;
adoptions, regions and continuity: their queues).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mallipankki.core.dashboard_panels import DashboardListPanel
from mallipankki.core.permissions import is_editor, is_evaluator

from . import dashboard

# --- the editors' panels -----------------------------------------------------------


def waiting_row(pair) -> dict:
    page, state = pair
    return {
        "title": page.get_admin_display_title(),
        "url": reverse("evaluation_admin:practice", args=[page.pk]),
        "detail": _("Arvioijia %(assigned)s/%(required)s, arvioita %(submitted)s")
        % {"assigned": state.assigned_count, "required": state.required, "submitted": state.submitted_count},
        "date": state.current_task_state.started_at,
    }


def waiting_for_evaluators_panel(pairs) -> DashboardListPanel:
    """`pairs` from dashboard.waiting_for_evaluators()."""
    return DashboardListPanel(
        "waiting-for-evaluators",
        _("Mallit, jotka odottavat arvioijia"),
        pairs,
        waiting_row,
        _("Kaikilla arvioitavilla malleilla on arvioijat."),
        _("Odottanut alkaen"),
        order=110,
        all_url=reverse("evaluation_admin:index"),
    )


def overdue_row(assignment) -> dict:
    return {
        "title": assignment.practice.get_admin_display_title(),
        "url": reverse("evaluation_admin:practice", args=[assignment.practice_id]),
        "detail": assignment.evaluator.get_full_name() or assignment.evaluator.get_username(),
        "date": assignment.assigned_at,
    }


def overdue_evaluations_panel(assignments) -> DashboardListPanel:
    """`assignments` from dashboard.overdue_evaluations(now)."""
    return DashboardListPanel(
        "overdue-evaluations",
        _("Myöhässä olevat arvioinnit"),
        assignments,
        overdue_row,
        _("Ei myöhässä olevia arviointeja."),
        _("Pyydetty"),
        order=120,
        all_url=reverse("evaluation_admin:index"),
    )


def decision_row(pair) -> dict:
    page, state = pair
    return {
        "title": page.get_admin_display_title(),
        "url": reverse("evaluation_admin:practice", args=[page.pk]),
        "links": [(_("Päätä julkaisusta"), reverse("wagtailadmin_pages:edit", args=[page.pk]))],
        "date": state.current_task_state.started_at,
    }


def ready_for_decision_panel(pairs) -> DashboardListPanel:
    """`pairs` from dashboard.ready_for_decision()."""
    return DashboardListPanel(
        "ready-for-decision",
        _("Mallit, jotka odottavat julkaisupäätöstä"),
        pairs,
        decision_row,
        _("Yksikään malli ei odota julkaisupäätöstä."),
        _("Arviointi valmis"),
        order=130,
        all_url=reverse("evaluation_admin:index"),
    )


# --- an evaluator's panels -----------------------------------------------------------


def assigned_evaluations_panel(assignments, now) -> DashboardListPanel:
    """`assignments` from dashboard.pending_for(user); those overdue at `now` say so."""

    def row(assignment) -> dict:
        return {
            "title": assignment.practice.get_admin_display_title(),
            "url": reverse("evaluation_admin:evaluate", args=[assignment.practice_id]),
            "note": _("Myöhässä") if dashboard.is_overdue(assignment, now) else "",
            "date": assignment.assigned_at,
        }

    return DashboardListPanel(
        "assigned-evaluations",
        _("Sinulle osoitetut arvioinnit"),
        assignments,
        row,
        _("Sinulla ei ole avoimia arviointeja."),
        _("Pyydetty"),
        order=90,
    )


def own_overdue_row(assignment) -> dict:
    return {
        "title": assignment.practice.get_admin_display_title(),
        "url": reverse("evaluation_admin:evaluate", args=[assignment.practice_id]),
        "date": assignment.assigned_at,
    }


def own_overdue_evaluations_panel(assignments) -> DashboardListPanel:
    """`assignments` from dashboard.overdue_evaluations(now, evaluator=user)."""
    return DashboardListPanel(
        "my-overdue-evaluations",
        _("Myöhässä olevat arviointisi"),
        assignments,
        own_overdue_row,
        _("Ei myöhässä olevia arviointeja."),
        _("Pyydetty"),
        order=95,
    )


# --- by role ---------------------------------------------------------------------------


def editor_panels(now) -> list[DashboardListPanel]:
    return [
        waiting_for_evaluators_panel(dashboard.waiting_for_evaluators()),
        overdue_evaluations_panel(dashboard.overdue_evaluations(now)),
        ready_for_decision_panel(dashboard.ready_for_decision()),
    ]


def evaluator_panels(user, now) -> list[DashboardListPanel]:
    return [
        assigned_evaluations_panel(dashboard.pending_for(user), now),
        own_overdue_evaluations_panel(dashboard.overdue_evaluations(now, evaluator=user)),
    ]


def dashboard_panels(user, now) -> list[DashboardListPanel]:
    """The evaluation panels `user`'s roles concern, in display order."""
    panels = []
    if is_editor(user):
        panels += editor_panels(now)
    if is_evaluator(user):
        panels += evaluator_panels(user, now)
    return panels
