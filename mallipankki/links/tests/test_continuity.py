"""Broken materials in the continuity tracker: the risk report, the reminder, and the owner's permission."""

from datetime import date

import pytest
from django.utils import timezone

from mallipankki.continuity import reminders
from mallipankki.continuity.confirmations import record_answer
from mallipankki.continuity.models import ContinuityReminder
from mallipankki.continuity.rules import RULES
from mallipankki.links.factories import LinkFactory
from mallipankki.links.models import CopyPermission, Link

pytestmark = pytest.mark.django_db

GUIDE = "https://hanke.example/opas.pdf"


@pytest.fixture
def practice(make_practice):
    return make_practice(
        name={"fi": "Työhönvalmennus"},
        resources=[{"type": "pdf", "title": {"fi": "Opas"}, "url": GUIDE}],
        contact={"name": "Ville Virta", "email": "ville@example.org"},
        scaling={"status": "in_project", "last_verified": "2020-05-01"},
    )


def test_a_practice_with_only_broken_materials_is_in_the_continuity_report(admin_client, practice):
    LinkFactory(url=GUIDE, status=Link.Status.BROKEN)
    rule = next(rule for rule in RULES if rule.code == "materials")
    assert list(rule.check(date(2026, 3, 8))) == [practice]
    html = admin_client.get("/admin/jatkuvuus/").content.decode()
    assert "Kaikkien materiaalien linkit rikki, eikä julkista kopiota ole" in html
    assert "Työhönvalmennus" in html


def test_a_failing_link_is_not_yet_a_risk(practice):
    LinkFactory(url=GUIDE, status=Link.Status.FAILING)
    rule = next(rule for rule in RULES if rule.code == "materials")
    assert list(rule.check(date(2026, 3, 8))) == []


def test_the_next_reminder_names_the_broken_links(practice, mailoutbox):
    LinkFactory(url=GUIDE, status=Link.Status.BROKEN)
    reminders.send_reminders()
    body = mailoutbox[0].body
    assert "eivät enää toimi" in body
    assert f"- Opas: {GUIDE}" in body


def test_a_reminder_without_broken_links_does_not_mention_them(practice, mailoutbox):
    LinkFactory(url=GUIDE, status=Link.Status.OK)
    reminders.send_reminders()
    assert "eivät enää toimi" not in mailoutbox[0].body


def test_the_owner_grants_the_right_to_republish_in_the_confirmation(practice):
    reminder = ContinuityReminder.objects.create(
        practice=practice, recipient="ville@example.org", sent_at=timezone.now()
    )
    record_answer(reminder, answer="running", grant_copies=True)
    permission = CopyPermission.objects.get()
    assert (permission.url, permission.public, permission.source) == (GUIDE, True, CopyPermission.Source.OWNER)


def test_the_confirmation_form_offers_the_permission(client, practice):
    from mallipankki.continuity.reminders import confirmation_url

    reminder = ContinuityReminder.objects.create(
        practice=practice, recipient="ville@example.org", sent_at=timezone.now()
    )
    path = confirmation_url(reminder).split("://", 1)[1].split("/", 1)[1]
    html = client.get("/" + path).content.decode()
    assert "Mallipankki saa julkaista tallentamansa kopiot mallin materiaaleista." in html
    response = client.post("/" + path, {"answer": "running", "grant_copies": "on"})
    assert response.status_code == 302
    assert CopyPermission.objects.get().public
