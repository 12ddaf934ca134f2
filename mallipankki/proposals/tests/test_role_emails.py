"""The new-proposal email tells each role what that role can do with it."""

import pytest
from django.test import Client
from django.urls import reverse

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.regions.factories import RegionalWorkerFactory

from .helpers import proposal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings, tmp_path):
    settings.PROPOSAL_FILES_ROOT = str(tmp_path)
    PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)


def new_proposal_emails(mailoutbox, django_capture_on_commit_callbacks) -> dict:
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("proposals:propose"), proposal_data(regions=["FI-18"]))
    assert response.status_code == 302
    return {message.to[0]: message for message in mailoutbox if "uusi ehdotus" in message.subject}


def test_editors_are_asked_to_assign_evaluators_regional_workers_are_not(
    site, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(username="toimittaja", role=permissions.EDITORS)
    RegionalWorkerFactory(user__username="uusimaa", regions=["FI-18"])
    emails = new_proposal_emails(mailoutbox, django_capture_on_commit_callbacks)
    assert set(emails) == {"toimittaja@example.org", "uusimaa@example.org"}

    editor = emails["toimittaja@example.org"].body
    assert "osoita sille arvioijat" in editor

    worker = emails["uusimaa@example.org"]
    assert "alueeltasi" in worker.subject
    assert "osoita" not in worker.body.lower()
    assert "Voit täydentää mallin luonnosta" in worker.body
    assert "Toimittajat osoittavat mallille arvioijat" in worker.body
    assert reverse("proposals_admin:detail", args=[1])[: -len("1/")] in worker.body


def test_an_editor_who_is_also_a_regional_worker_gets_one_email_the_editors(
    site, mailoutbox, django_capture_on_commit_callbacks
):
    both = UserFactory(username="molemmat", role=permissions.EDITORS)
    RegionalWorkerFactory(user=both, regions=["FI-18"])
    emails = new_proposal_emails(mailoutbox, django_capture_on_commit_callbacks)
    assert list(emails) == ["molemmat@example.org"]
    assert "osoita sille arvioijat" in emails["molemmat@example.org"].body
