"""Regional workers act on, and see in the page explorer, only their own regions' practices."""

import pytest
from django.urls import reverse
from wagtail.models import PagePermissionTester

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation.workflow import start_workflow
from mallipankki.regions.checks import admin_search_filtered_check
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
        # A refused admin view answers 403 with the reason (core.admin_denied).
        assert response.status_code == 403, other
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


# --- every action of the page permission tester --------------------------------------------

# Each method of Wagtail's PagePermissionTester that grants an action, called on a practice;
# the two that take a destination are asked about the practice index.
ACTIONS = {
    "can_add_subpage": lambda tester, index: tester.can_add_subpage(),
    "can_edit": lambda tester, index: tester.can_edit(),
    "can_delete": lambda tester, index: tester.can_delete(),
    "can_unpublish": lambda tester, index: tester.can_unpublish(),
    "can_publish": lambda tester, index: tester.can_publish(),
    "can_submit_for_moderation": lambda tester, index: tester.can_submit_for_moderation(),
    "can_set_view_restrictions": lambda tester, index: tester.can_set_view_restrictions(),
    "can_unschedule": lambda tester, index: tester.can_unschedule(),
    "can_lock": lambda tester, index: tester.can_lock(),
    "can_unlock": lambda tester, index: tester.can_unlock(),
    "can_publish_subpage": lambda tester, index: tester.can_publish_subpage(),
    "can_reorder_children": lambda tester, index: tester.can_reorder_children(),
    "can_move": lambda tester, index: tester.can_move(),
    "can_copy": lambda tester, index: tester.can_copy(),
    "can_move_to": lambda tester, index: tester.can_move_to(index),
    "can_copy_to": lambda tester, index: tester.can_copy_to(index),
    "can_view_revisions": lambda tester, index: tester.can_view_revisions(),
}


def granted(tester, index) -> set[str]:
    return {name for name, ask in ACTIONS.items() if ask(tester, index)}


def test_the_tester_covers_every_action_of_wagtails_tester():
    asked = {name for name in vars(PagePermissionTester) if name.startswith("can_")}
    assert asked == set(ACTIONS)
    # A method added to Wagtail's tester would be granted unnarrowed: each one is overridden.
    assert asked <= set(vars(permissions.RegionScopedPermissionTester))


@pytest.fixture
def pages(make_practice):
    return {
        "draft": make_practice(name={"fi": "Rannikkomalli"}, regions=["FI-18"], status="draft"),
        "live": make_practice(name={"fi": "Saaristomalli"}, regions=["FI-18"], status="published"),
    }


@pytest.fixture
def outsiders():
    return {
        "worker of another region": RegionalWorkerFactory(user__username="lapintyontekija", regions=["FI-10"]).user,
        "worker with no regions": RegionalWorkerFactory(user__username="tyhjatyontekija").user,
        "worker without a record": UserFactory(username="tietueeton", role=permissions.REGIONAL_WORKERS),
    }


@pytest.mark.parametrize("state", ["draft", "live"])
def test_outside_their_regions_a_worker_may_do_nothing(pages, outsiders, practice_index, state):
    page = pages[state]
    page.locked, page.locked_by = True, None  # so that unlocking is a question too
    for name, user in outsiders.items():
        assert granted(page.permissions_for_user(user), practice_index) == set(), name
    # Locked by themselves (before the practice left their region, say): still nothing.
    user = outsiders["worker of another region"]
    page.locked_by = user
    assert granted(page.permissions_for_user(user), practice_index) == set()


@pytest.mark.parametrize("state", ["draft", "live"])
def test_inside_their_region_a_worker_keeps_what_the_role_has(pages, practice_index, state):
    worker = RegionalWorkerFactory(user__username="uusimaalainen", regions=["FI-18", "FI-10"]).user
    page = pages[state]

    scoped = granted(page.permissions_for_user(worker), practice_index)

    assert scoped == granted(PagePermissionTester(worker, page), practice_index)
    assert "can_edit" in scoped


def test_only_editors_and_admins_delete_a_practice_in_the_workflow(pages, practice_index):
    page = pages["draft"]
    start_workflow(page)
    assert page.workflow_in_progress
    worker = RegionalWorkerFactory(user__username="uusimaalainen", regions=["FI-18"]).user
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    admin = UserFactory(username="yllapitaja", role=permissions.ADMINS)

    assert not page.permissions_for_user(worker).can_delete()
    assert not page.permissions_for_user(worker).can_move()
    assert page.permissions_for_user(worker).can_edit() == PagePermissionTester(worker, page).can_edit()
    for user in (editor, admin):
        assert page.permissions_for_user(user).can_delete()


def test_the_admin_search_may_not_be_left_unfiltered(settings):
    assert admin_search_filtered_check(None) == []
    # Wagtail's page search would list every page, other regions' drafts too.
    settings.WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS = False
    assert [error.id for error in admin_search_filtered_check(None)] == ["mallipankki.E001"]
