"""`manage.py send_continuity_reminders`: who gets an email, and when not."""

import re
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from mallipankki.continuity import reminders
from mallipankki.continuity.confirmations import record_answer
from mallipankki.continuity.models import ContinuityReminder
from mallipankki.core import mail
from mallipankki.practices.models import PracticePage

from .helpers import continuity_practice

Status = PracticePage.ContinuityStatus


def run_command(*args) -> str:
    out = StringIO()
    call_command("send_continuity_reminders", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def due(make_practice):
    return continuity_practice(
        make_practice,
        name="Työhönvalmennus",
        status=Status.IN_PROJECT,
        verified=date(2020, 5, 1),
        contact={"name": "Ville Virta", "email": "ville@example.org"},
    )


def test_sends_one_email_with_a_working_link_to_the_contact(client, due, mailoutbox, settings):
    settings.BASE_URL = "https://mallipankki.example"
    output = run_command()

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["ville@example.org"]
    assert "Työhönvalmennus" not in email.subject  # no user-typed text in subject lines
    assert "Työhönvalmennus" in email.body and "Hei Ville Virta," in email.body
    assert "1.5.2020" in email.body
    link = re.search(r"https://mallipankki\.example(/jatkuvuus/vahvista/\S+/)", email.body).group(1)
    assert client.get(link).status_code == 200

    reminder = ContinuityReminder.objects.get()
    assert (reminder.practice, reminder.recipient) == (due, "ville@example.org")
    assert "[lähetetty] Työhönvalmennus" in output
    assert "lähetetty 1" in output
    assert "ville@example.org" not in output


def test_dry_run_sends_and_stores_nothing(due, mailoutbox):
    output = run_command("--dry-run")
    assert mailoutbox == []
    assert not ContinuityReminder.objects.exists()
    assert "[lähetettäisiin] Työhönvalmennus" in output
    assert "lähetettäisiin 1" in output


def test_no_second_email_within_the_interval(due, mailoutbox):
    run_command()
    output = run_command()
    assert len(mailoutbox) == 1
    assert "muistutettu äskettäin 1" in output

    # Unanswered after the interval (the link has expired): a new link.
    now = timezone.now() + timedelta(days=30, minutes=1)
    run = reminders.send_reminders(now=now)
    assert run.count(reminders.SENT) == 1
    assert len(mailoutbox) == 2


def test_no_email_after_an_answer_until_due_again(due, mailoutbox):
    run_command()
    record_answer(ContinuityReminder.objects.get(), answer="running")
    mailoutbox.clear()

    later = timezone.now() + timedelta(days=60)
    assert reminders.send_reminders(now=later).due == 0
    assert mailoutbox == []

    a_year_on = timezone.now() + timedelta(days=366)
    assert reminders.send_reminders(now=a_year_on).count(reminders.SENT) == 1
    assert len(mailoutbox) == 1


def test_an_ended_answer_stops_reminders_for_good(due, mailoutbox):
    run_command()
    record_answer(ContinuityReminder.objects.get(), answer="ended")
    mailoutbox.clear()
    assert reminders.send_reminders(now=timezone.now() + timedelta(days=800)).due == 0
    assert mailoutbox == []


def test_skips_practices_that_are_current_unpublished_ended_or_without_email(make_practice, mailoutbox):
    continuity_practice(make_practice, verified=timezone.localdate(), contact={"email": "a@example.org"})
    continuity_practice(make_practice, published=False, contact={"email": "b@example.org"})
    continuity_practice(make_practice, status=Status.ENDED, contact={"email": "c@example.org"})
    continuity_practice(make_practice, name="Ilman osoitetta", contact={"name": "Nimi Ilman"})

    output = run_command()

    assert mailoutbox == []
    assert "[ei sähköpostiosoitetta, ohitettu] Ilman osoitetta" in output
    assert "Vahvistusta odottaa 1 mallia" in output


def test_a_failed_send_keeps_no_reminder_and_fails_the_command(due, mailoutbox, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(mail, "send_mail", broken)
    with pytest.raises(CommandError, match="epäonnistui"):
        run_command()
    assert not ContinuityReminder.objects.exists()
