"""The one-page confirmation behind a reminder's link: valid, expired, reused, tampered."""

from datetime import date, timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from mallipankki.continuity.confirmations import LOG_ACTION, record_answer
from mallipankki.continuity.factories import ContinuityReminderFactory
from mallipankki.continuity.models import ContinuityConfirmation
from mallipankki.continuity.tokens import SALT, make_token
from mallipankki.practices.models import PracticePage

from .helpers import continuity_practice

Status = PracticePage.ContinuityStatus
CONTACT = {"name": "Pirjo Pihlaja", "email": "pirjo.pihlaja@example.org", "phone": "040 111 2222"}


@pytest.fixture
def practice(make_practice):
    return continuity_practice(
        make_practice,
        name="Työpaja kaikille",
        status=Status.IN_PROJECT,
        verified=date(2024, 1, 15),
        owner="Vanha Oy",
        contact=CONTACT,
        regions=["FI-10"],
    )


def url_for(token: str) -> str:
    return reverse("continuity:confirm", args=[token])


def revisions(page) -> int:
    return page.revisions.count()


def test_valid_link_shows_the_form_with_the_practice_name_and_no_personal_data(client, practice):
    response = client.get(url_for(make_token(ContinuityReminderFactory(practice=practice))))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Työpaja kaikille" in html
    assert 'name="answer"' in html and "Toiminta jatkuu ennallaan" in html
    for private in ("Pirjo", "Pihlaja", "pirjo.pihlaja@example.org", "040 111 2222"):
        assert private not in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_answer_still_running_publishes_a_new_revision_and_logs_it_as_the_system(client, practice):
    reminder = ContinuityReminderFactory(practice=practice)
    token = make_token(reminder)
    before = revisions(practice)

    response = client.post(url_for(token), {"answer": "running", "note": "Toimii hyvin."})

    assert response.status_code == 302
    assert response["Location"] == url_for(token) + "?kiitos=1"
    practice.refresh_from_db()
    assert practice.continuity_verified_on == timezone.localdate()
    assert practice.continuity_status == Status.IN_PROJECT
    assert practice.continuity_owner == "Vanha Oy"
    assert practice.live and not practice.has_unpublished_changes
    assert revisions(practice) == before + 1
    assert practice.live_revision.user is None

    confirmation = ContinuityConfirmation.objects.get()
    assert (confirmation.practice, confirmation.reminder, confirmation.answer) == (practice, reminder, "running")
    assert confirmation.note == "Toimii hyvin."
    assert confirmation.revision == practice.live_revision

    entry = PageLogEntry.objects.get(page=practice, action=LOG_ACTION)
    assert entry.user is None
    assert "sähköpostilinkin kautta ilman kirjautumista" in entry.message
    assert PageLogEntry.objects.filter(page=practice, action="wagtail.publish", user=None).exists()

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Kiitos vastauksesta" in thanks.content.decode()


def test_answer_changed_updates_status_owner_and_funding(client, practice):
    token = make_token(ContinuityReminderFactory(practice=practice))
    client.post(
        url_for(token),
        {
            "answer": "changed",
            "continuity_status": "embedded",
            "continuity_owner": "Lapin hyvinvointialue",
            "continuity_funding": "Perusrahoitus",
        },
    )
    practice.refresh_from_db()
    assert practice.continuity_status == Status.EMBEDDED
    assert practice.continuity_owner == "Lapin hyvinvointialue"
    assert practice.continuity_funding == "Perusrahoitus"
    assert ContinuityConfirmation.objects.get().continuity_owner == "Lapin hyvinvointialue"


def test_answer_changed_without_a_status_shows_errors_and_changes_nothing(client, practice):
    token = make_token(ContinuityReminderFactory(practice=practice))
    before = revisions(practice)

    response = client.post(url_for(token), {"answer": "changed", "continuity_owner": "Joku"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_continuity_status_0"' in html
    assert "Valitse, missä toiminta on nyt." in html
    assert 'value="Joku"' in html
    assert not ContinuityConfirmation.objects.exists()
    assert revisions(practice) == before


def test_no_answer_is_an_error(client, practice):
    response = client.post(url_for(make_token(ContinuityReminderFactory(practice=practice))), {})
    assert response.status_code == 200
    assert "Valitse, mikä vaihtoehto kuvaa tilannetta." in response.content.decode()
    assert not ContinuityConfirmation.objects.exists()


def test_answer_ended_marks_the_practice_ended(client, practice):
    client.post(url_for(make_token(ContinuityReminderFactory(practice=practice))), {"answer": "ended"})
    practice.refresh_from_db()
    assert practice.continuity_status == Status.ENDED
    assert practice.continuity_verified_on == timezone.localdate()


def test_reused_link_shows_the_answer_and_changes_nothing(client, practice):
    token = make_token(ContinuityReminderFactory(practice=practice))
    client.post(url_for(token), {"answer": "ended", "note": "Hanke loppui."})
    practice.refresh_from_db()
    before = revisions(practice)

    shown = client.get(url_for(token))
    again = client.post(url_for(token), {"answer": "running"})

    assert shown.status_code == 200
    html = shown.content.decode()
    assert "Tähän linkkiin on jo vastattu" in html
    assert "Toiminta on päättynyt" in html
    assert "Hanke loppui." not in html  # the note is for the editors
    assert again.status_code == 409
    assert "Tähän linkkiin on jo vastattu" in again.content.decode()
    practice.refresh_from_db()
    assert practice.continuity_status == Status.ENDED
    assert revisions(practice) == before
    assert ContinuityConfirmation.objects.count() == 1


def make_old_token(monkeypatch, reminder, age: timedelta) -> str:
    real_time = signing.time.time
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: real_time() - age.total_seconds())
        return make_token(reminder)


def test_expired_link_says_so_in_finnish_and_whom_to_contact(client, practice, monkeypatch, settings):
    settings.CONTINUITY_CONTACT_EMAIL = "toimitus@mallipankki.example"
    reminder = ContinuityReminderFactory(practice=practice, sent_at=timezone.now() - timedelta(days=31))
    token = make_old_token(monkeypatch, reminder, timedelta(days=30, minutes=1))

    shown = client.get(url_for(token))
    posted = client.post(url_for(token), {"answer": "ended"})

    assert shown.status_code == 410
    html = shown.content.decode()
    assert "Linkki on vanhentunut" in html
    assert "Työpaja kaikille" in html
    assert "toimitus@mallipankki.example" in html
    assert "pirjo.pihlaja@example.org" not in html
    assert posted.status_code == 410
    assert not ContinuityConfirmation.objects.exists()
    practice.refresh_from_db()
    assert practice.continuity_status == Status.IN_PROJECT


def test_link_just_inside_its_life_still_works(client, practice, monkeypatch):
    token = make_old_token(monkeypatch, ContinuityReminderFactory(practice=practice), timedelta(days=29, hours=23))
    assert client.get(url_for(token)).status_code == 200


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "other_salt", "wrong_practice", "no_reminder"])
def test_tampered_link_is_refused(client, practice, make_practice, damage):
    reminder = ContinuityReminderFactory(practice=practice)
    token = make_token(reminder)
    if damage == "flip":
        token = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    elif damage == "truncate":
        token = token[: len(token) // 2]
    elif damage == "garbage":
        token = "eyJyIjoxfQ:1abc:deadbeef"
    elif damage == "other_salt":
        token = signing.dumps({"p": practice.pk, "r": reminder.pk}, salt="something.else")
    elif damage == "wrong_practice":
        other = continuity_practice(make_practice)
        token = signing.dumps({"p": other.pk, "r": reminder.pk}, salt=SALT)
    elif damage == "no_reminder":
        token = signing.dumps({"p": practice.pk, "r": reminder.pk + 1000}, salt=SALT)

    response = client.post(url_for(token), {"answer": "ended"})

    assert response.status_code == 400
    assert "Linkki ei kelpaa" in response.content.decode()
    assert not ContinuityConfirmation.objects.exists()


def test_link_of_an_unpublished_practice_does_not_publish_it(client, practice):
    token = make_token(ContinuityReminderFactory(practice=practice))
    practice.unpublish()
    response = client.post(url_for(token), {"answer": "running"})
    assert response.status_code == 404
    practice.refresh_from_db()
    assert not practice.live
    assert not ContinuityConfirmation.objects.exists()


def test_every_answer_is_kept_as_history(client, practice):
    first = ContinuityReminderFactory(practice=practice, sent_at=timezone.now() - timedelta(days=400))
    record_answer(first, answer="running", now=timezone.now() - timedelta(days=390))
    second = ContinuityReminderFactory(practice=practice)
    client.post(url_for(make_token(second)), {"answer": "ended", "note": "Rahoitus loppui."})

    history = list(ContinuityConfirmation.objects.filter(practice=practice).order_by("answered_at"))
    assert [(item.reminder, item.answer) for item in history] == [(first, "running"), (second, "ended")]
    assert history[1].note == "Rahoitus loppui."
    assert PageLogEntry.objects.filter(page=practice, action=LOG_ACTION).count() == 2


def test_an_editors_unpublished_draft_is_kept_and_gets_the_answer_too(client, practice):
    draft = practice.get_latest_revision_as_object()
    draft.summary_fi = "Toimittajan keskeneräinen muutos."
    draft.save_revision()
    practice.refresh_from_db()
    assert practice.has_unpublished_changes

    client.post(url_for(make_token(ContinuityReminderFactory(practice=practice))), {"answer": "ended"})

    practice.refresh_from_db()
    assert practice.continuity_status == Status.ENDED  # live
    assert practice.summary_fi != "Toimittajan keskeneräinen muutos."  # the draft was not published
    assert practice.has_unpublished_changes
    latest = practice.get_latest_revision_as_object()
    assert latest.summary_fi == "Toimittajan keskeneräinen muutos."
    assert latest.continuity_status == Status.ENDED


@pytest.mark.parametrize(
    ("recorded", "funding_ends", "expected"),
    [
        ("", [date(2099, 12, 31)], Status.IN_PROJECT),
        ("", [date(2020, 12, 31)], Status.EMBEDDED),
        (Status.UNKNOWN, [], Status.EMBEDDED),
        (Status.ENDED, [None], Status.IN_PROJECT),
        (Status.EMBEDDED, [date(2099, 12, 31)], Status.EMBEDDED),
    ],
)
def test_still_running_fills_in_a_missing_status_from_the_funding(make_practice, recorded, funding_ends, expected):
    page = continuity_practice(make_practice, status=recorded, funding_ends=funding_ends, contact=CONTACT)
    record_answer(ContinuityReminderFactory(practice=page), answer="running")
    page.refresh_from_db()
    assert page.continuity_status == expected
