"""Query budgets for the editors' three slow-feeling actions (bench/admin_actions.py times them).

The budgets sit a little above today's counts on a practice with a theme,
so that a change that adds a query per row, or indexes twice, shows here.
"""

import pytest
from django.urls import reverse

from mallipankki.evaluation.forms import EvaluationForm
from mallipankki.evaluation.models import EvaluationCriterion
from mallipankki.evaluation.services import set_assignments, submit_evaluation
from mallipankki.evaluation.tests.test_flow import evaluation_post

from .publishing import DRAFT_TITLE, at_decision, edit_form_data, live_title

pytestmark = pytest.mark.django_db

SUMMARY_BUDGET = 60
APPROVAL_BUDGET = 80
PUBLISH_BUDGET = 175


def evaluated(page, people):
    """`page` with both evaluators' scores in, so its evaluation step is done."""
    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory

    second = UserFactory(username="arvioija2", role=permissions.EVALUATORS)
    set_assignments(page, [people["evaluator"], second], people["editor"])
    criteria = list(EvaluationCriterion.objects.filter(active=True))
    for evaluator in (people["evaluator"], second):
        form = EvaluationForm(evaluation_post(criteria))
        assert form.is_valid(), form.errors
        page.refresh_from_db()
        submit_evaluation(page, evaluator, form, task_state=page.current_workflow_task_state)
    page.refresh_from_db()
    return page


def test_saving_the_evaluation_summary_stays_within_budget(client, practice, people, django_assert_max_num_queries):
    evaluated(practice, people)
    client.force_login(people["editor"])
    url = reverse("evaluation_admin:practice", args=[practice.pk])
    data = {
        "summary-summary": "Malli on arvioitu.",
        "summary-next_evidence_step": "Vertailuryhmä.",
        "summary-evaluated_on": "2026-12-01",
        "summary-evidence_level": "2",
        "summary-readiness_materials": "2",
        "summary-readiness_training": "1",
        "summary-readiness_fidelity": "1",
    }

    with django_assert_max_num_queries(SUMMARY_BUDGET):
        response = client.post(url, data)

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.get_latest_revision_as_object().evidence_level == 2


def test_approving_the_decision_stays_within_budget(client, practice, people, django_assert_max_num_queries):
    at_decision(evaluated(practice, people), people["editor"])
    client.force_login(people["editor"])
    data = edit_form_data(client, practice)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"

    with django_assert_max_num_queries(APPROVAL_BUDGET):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[practice.pk]), data)

    assert response.status_code == 302
    assert live_title(practice) == DRAFT_TITLE


def test_publishing_from_the_editor_stays_within_budget(client, make_practice, people, django_assert_max_num_queries):
    page = make_practice()
    client.force_login(people["editor"])
    data = edit_form_data(client, page)
    data["title"] = "Uusi nimi"
    data["action-publish"] = "action-publish"

    with django_assert_max_num_queries(PUBLISH_BUDGET):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 302
    assert live_title(page) == "Uusi nimi"
