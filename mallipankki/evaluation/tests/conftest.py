"""Fixtures of the decision-step tests: people in each role and a practice in its workflow."""

import pytest

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation.workflow import start_workflow

from .publishing import DRAFT_TITLE, LIVE_TITLE


@pytest.fixture
def people():
    return {
        "editor": UserFactory(username="toimittaja", role=permissions.EDITORS),
        "admin": UserFactory(username="yllapitaja", role=permissions.ADMINS),
        "superuser": UserFactory(username="paakayttaja", is_superuser=True, is_staff=True),
        "evaluator": UserFactory(username="arvioija", role=permissions.EVALUATORS),
    }


@pytest.fixture
def practice(make_practice, people):
    """A live practice whose edited draft is in the evaluation step of its workflow."""
    page = make_practice(name={"fi": LIVE_TITLE})
    draft = page.get_latest_revision_as_object()
    draft.title = DRAFT_TITLE
    draft.save_revision(user=people["editor"], log_action=True)
    start_workflow(page, user=people["editor"])
    page.refresh_from_db()
    assert page.workflow_in_progress
    return page
