"""Regional workers edit and see in the page explorer only their own regions' practices."""

import pytest
from django.urls import reverse

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.regions.factories import RegionalWorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(make_practice):
    return {
        "lappi": make_practice(name={"fi": "Tunturimalli"}, regions=["FI-10"], status="draft"),
        "uusimaa": make_practice(name={"fi": "Rannikkomalli"}, regions=["FI-18"], status="draft"),
        "abroad": make_practice(name={"fi": "Ulkomainen malli"}, countries=["SE"], status="draft"),
    }


def test_a_worker_edits_the_practices_of_their_own_region_only(client, drafts):
    worker = RegionalWorkerFactory(user__username="lapintyontekija", regions=["lappi"])
    client.force_login(worker.user)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[drafts["lappi"].pk])).status_code == 200
    for other in ("uusimaa", "abroad"):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[drafts[other].pk]))
        # Wagtail answers a refused admin view by sending the user to the dashboard.
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home")), other
        assert not drafts[other].permissions_for_user(worker.user).can_edit()


def test_editors_are_not_narrowed(client, drafts):
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    for page in drafts.values():
        assert page.permissions_for_user(editor).can_edit()


def test_the_explorer_lists_only_the_workers_own_practices(client, drafts, practice_index):
    worker = RegionalWorkerFactory(user__username="lapintyontekija", regions=["lappi"])
    client.force_login(worker.user)

    listing = client.get(reverse("wagtailadmin_explore", args=[practice_index.pk])).content.decode()

    assert "Tunturimalli" in listing
    assert "Rannikkomalli" not in listing
    assert "Ulkomainen malli" not in listing
