"""While a practice is in its workflow, only the decision task publishes it, whoever asks.

Every role that may publish (editor, admin, superuser) is tried against every
way to publish that the admin and the code offer; the practice must stay as it
was live and its evaluation must go on.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, PageLogEntry, WorkflowState

from mallipankki.core.publishing import PublishingBlocked
from mallipankki.evaluation.decision import approval_message
from mallipankki.evaluation.workflow import start_workflow

from .publishing import (
    DRAFT_TITLE,
    LIVE_TITLE,
    PUBLISHERS,
    assert_not_published,
    at_decision,
    edit_form_data,
    live_title,
)

pytestmark = pytest.mark.django_db

# --- what they see ----------------------------------------------------------


@pytest.mark.parametrize("role", PUBLISHERS)
def test_the_editor_offers_no_publish_button_during_the_workflow(client, practice, people, role):
    client.force_login(people[role])

    evaluation = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])).content.decode()
    at_decision(practice, people["editor"])
    decision = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])).content.decode()

    assert 'name="action-publish"' not in evaluation
    assert 'name="action-publish"' not in decision
    if role != "admin":  # the decision is the editors' (Toimittajat) task; superusers may act too
        # The decision's buttons are there, reading as plain Finnish.
        assert re.search(r"Hyväksy ja julkaise\s*<", decision)
        assert "Hyväksy kommentilla ja julkaise" in decision
    assert "ja julkaise ja julkaise" not in decision
    assert "ja julkaise kommentilla" not in decision


def test_cancelling_the_workflow_brings_the_publish_button_back(client, practice, people):
    client.force_login(people["editor"])
    practice.current_workflow_state.cancel(user=people["editor"])

    response = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk]))

    assert 'name="action-publish"' in response.content.decode()
    assert practice.permissions_for_user(people["editor"]).can_publish()


@pytest.mark.parametrize("role", PUBLISHERS)
def test_the_permission_tester_refuses_publishing_but_not_the_rest(practice, people, role):
    tester = Page.objects.get(pk=practice.pk).specific.permissions_for_user(people[role])

    assert not tester.can_publish()
    assert tester.can_unpublish()
    assert tester.can_set_view_restrictions()


# --- what they post ---------------------------------------------------------


@pytest.mark.parametrize("role", PUBLISHERS)
def test_posting_publish_from_the_editor_saves_a_draft_only(client, practice, people, role):
    client.force_login(people[role])
    data = edit_form_data(client, practice)
    data["title"] = "Uusi otsikko"
    data["action-publish"] = "action-publish"

    response = client.post(reverse("wagtailadmin_pages:edit", args=[practice.pk]), data)

    assert response.status_code == 302
    assert_not_published(practice)
    # The edit was kept, as a draft in the workflow.
    assert Page.objects.get(pk=practice.pk).specific.get_latest_revision_as_object().title == "Uusi otsikko"


@pytest.mark.parametrize("role", PUBLISHERS)
def test_reverting_to_a_revision_and_publishing_is_refused(client, practice, people, role):
    client.force_login(people[role])
    first = practice.revisions.order_by("created_at", "pk").first()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[practice.pk, first.pk])
    page = client.get(url).content.decode()
    data = edit_form_data(client, practice)
    data["action-publish"] = "action-publish"

    client.post(url, data)

    assert 'name="action-publish"' not in page
    assert_not_published(practice)


@pytest.mark.parametrize("role", PUBLISHERS)
def test_bulk_publishing_in_the_page_listing_skips_the_practice(client, practice, people, role, practice_index):
    client.force_login(people[role])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    response = client.post(f"{url}?id={practice.pk}&next=/admin/", {"include_descendants": ""})

    assert response.status_code in (200, 302)
    assert_not_published(practice)


@pytest.mark.parametrize("role", PUBLISHERS)
def test_code_that_publishes_a_revision_is_refused(practice, people, role):
    revision = practice.get_latest_revision()
    with pytest.raises(PublishingBlocked):
        revision.publish(user=people[role])
    with pytest.raises(PublishingBlocked):
        revision.publish(user=None, skip_permission_checks=True)
    assert_not_published(practice)


def test_moving_the_practice_does_not_publish_it(client, practice, people, practice_index, home_page):
    client.force_login(people["admin"])
    destination = practice_index.add_child(instance=type(practice_index)(title="Toinen luettelo", slug="toinen"))

    client.post(reverse("wagtailadmin_pages:move_confirm", args=[practice.pk, destination.pk]))

    assert Page.objects.get(pk=practice.pk).get_parent().pk == destination.pk
    assert_not_published(practice)


def test_a_schedule_set_before_the_evaluation_is_cancelled_when_it_starts(make_practice, people):
    page = make_practice(name={"fi": LIVE_TITLE})
    later = page.get_latest_revision_as_object()
    later.title = DRAFT_TITLE
    later.go_live_at = timezone.now() + timezone.timedelta(days=1)
    later.save_revision(user=people["editor"]).publish(user=people["editor"])
    assert page.revisions.exclude(approved_go_live_at=None).exists()

    start_workflow(page, user=people["editor"])
    page.refresh_from_db()
    page.revisions.update(created_at=timezone.now() - timezone.timedelta(days=2))
    call_command("publish_scheduled", verbosity=0)

    assert not page.revisions.exclude(approved_go_live_at=None).exists()
    assert PageLogEntry.objects.filter(page=page, action="wagtail.schedule.cancel").exists()
    assert live_title(page) == LIVE_TITLE
    assert Page.objects.get(pk=page.pk).specific.workflow_in_progress


def test_a_scheduled_revision_left_behind_does_not_publish_past_the_evaluation(practice, people):
    # Say a schedule got in by some other door: the scheduler must skip it, not crash.
    revision = practice.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - timezone.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])

    call_command("publish_scheduled", verbosity=0)

    assert_not_published(practice)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


# --- the one way through ----------------------------------------------------


def test_the_decision_publishes_and_says_so(client, practice, people):
    at_decision(practice, people["editor"])
    client.force_login(people["editor"])
    data = edit_form_data(client, practice)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"

    response = client.post(reverse("wagtailadmin_pages:edit", args=[practice.pk]), data, follow=True)

    fresh = Page.objects.get(pk=practice.pk).specific
    assert live_title(practice) == DRAFT_TITLE
    assert not fresh.workflow_in_progress
    assert fresh.workflow_states.order_by("-pk").first().status == WorkflowState.STATUS_APPROVED
    messages = [str(message) for message in response.context["messages"]]
    assert f"Malli ”{DRAFT_TITLE}” hyväksyttiin ja julkaistiin." in messages
    assert not any("päivitetty" in message or "updated" in message for message in messages), messages


@pytest.mark.parametrize(
    "language, when",
    [
        ("fi", "Se julkaistaan 5. maaliskuuta 2099 kello 9.05."),
        ("sv", "5 mars 2099 09:05"),
        ("en", "March 5, 2099, 9:05 a.m."),
    ],
)
def test_a_scheduled_approval_names_its_time_as_the_approvers_language_writes_it(
    client, practice, people, language, when
):
    at_decision(practice, people["editor"])
    client.force_login(people["editor"])
    data = edit_form_data(client, practice)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    client.post(reverse("wagtailadmin_pages:edit", args=[practice.pk]), data)
    revision = Page.objects.get(pk=practice.pk).get_latest_revision()
    revision.approved_go_live_at = timezone.make_aware(timezone.datetime(2099, 3, 5, 9, 5))
    revision.save(update_fields=["approved_go_live_at"])

    with translation.override(language):
        message = approval_message(practice)
    assert when in message and DRAFT_TITLE in message


def test_after_cancelling_the_workflow_publishing_works_again(client, practice, people):
    practice.current_workflow_state.cancel(user=people["editor"])
    client.force_login(people["editor"])
    data = edit_form_data(client, practice)
    data["action-publish"] = "action-publish"

    client.post(reverse("wagtailadmin_pages:edit", args=[practice.pk]), data)

    assert live_title(practice) == DRAFT_TITLE


def test_a_continuity_answer_reaches_the_live_page_without_ending_the_evaluation(practice):
    from mallipankki.continuity.confirmations import publish_changes

    publish_changes(practice, {"continuity_status": "embedded"})

    fresh = Page.objects.get(pk=practice.pk).specific
    assert fresh.continuity_status == "embedded"
    assert fresh.live_revision.as_object().continuity_status == "embedded"
    assert fresh.live_revision.as_object().title == LIVE_TITLE
    # The draft under evaluation keeps the answer too, and is still being evaluated.
    assert fresh.get_latest_revision_as_object().continuity_status == "embedded"
    assert fresh.get_latest_revision_as_object().title == DRAFT_TITLE
    assert fresh.workflow_in_progress


def test_a_rejected_practice_is_not_published_by_hand_until_its_workflow_is_cancelled(practice, people):
    at_decision(practice, people["editor"])
    practice.current_workflow_task_state.reject(user=people["editor"], comment="Tulokset puuttuvat.")
    fresh = Page.objects.get(pk=practice.pk).specific
    assert fresh.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    assert not fresh.permissions_for_user(people["editor"]).can_publish()
    with pytest.raises(PublishingBlocked):
        fresh.get_latest_revision().publish(user=people["superuser"])

    fresh.current_workflow_state.cancel(user=people["editor"])
    fresh = Page.objects.get(pk=practice.pk).specific
    assert fresh.permissions_for_user(people["editor"]).can_publish()
    fresh.get_latest_revision().publish(user=people["editor"])
    assert live_title(practice) == DRAFT_TITLE
