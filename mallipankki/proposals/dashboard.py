"""The new proposals on the admin dashboard: received, and nobody has yet been asked to evaluate them.

The proposals app adds this panel itself (wagtail_hooks), next to the
evaluation app's panels and built the same way (evaluation.dashboard_panels).
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from mallipankki.core.dashboard_panels import DashboardListPanel
from mallipankki.core.permissions import is_editor
from mallipankki.evaluation.models import EvaluationAssignment

from .access import visible_proposals
from .models import Proposal


def new_proposals(user):
    """Received proposals `user` may read that no evaluator has been assigned to yet, oldest first."""
    assigned = EvaluationAssignment.objects.filter(
        practice_id=OuterRef("practice_id"), workflow_state__status=WorkflowState.STATUS_IN_PROGRESS
    )
    received = Proposal.objects.filter(status=Proposal.Status.RECEIVED).exclude(Exists(assigned))
    return visible_proposals(user, received).order_by("created_at", "pk")


def new_proposal_row(proposal) -> dict:
    return {
        "title": proposal.name or proposal.reference,
        "url": reverse("proposals_admin:detail", args=[proposal.pk]),
        "detail": proposal.reference,
        "date": proposal.created_at,
    }


def new_proposals_panel(user, proposals) -> DashboardListPanel:
    """`proposals` from new_proposals(user); a regional worker's heading says they are their regions'."""
    return DashboardListPanel(
        "new-proposals",
        _("Uudet ehdotukset") if is_editor(user) else _("Uudet ehdotukset alueiltasi"),
        proposals,
        new_proposal_row,
        _("Ei uusia ehdotuksia."),
        _("Lähetetty"),
        order=100,
        all_url=reverse("proposals_admin:index") + "?tila=received",
    )
