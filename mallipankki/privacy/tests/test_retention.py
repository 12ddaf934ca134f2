"""Personal data from the public forms is erased once its retention time is up (the privacy statement's promise)."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from mallipankki.adoptions.factories import PendingAdoptionFactory
from mallipankki.adoptions.models import PendingAdoption
from mallipankki.practices.factories import AdoptionFactory
from mallipankki.privacy import personal_data
from mallipankki.proposals.factories import ProposalFactory
from mallipankki.proposals.models import Proposal
from mallipankki.regions.factories import SupportRequestFactory
from mallipankki.regions.models import SupportRequest

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
OVER = NOW - dt.timedelta(days=370)  # dealt with more than twelve months ago
UNDER = NOW - dt.timedelta(days=300)
CONSENTED = NOW - dt.timedelta(days=800)


def proposal(status, decided_at, name="Maija"):
    return ProposalFactory(
        status=status, data={"name": "Malli"}, submitter_name=name, consent_at=CONSENTED, decided_at=decided_at
    )


def report(practice, status, decided_at, *, public=False, on_page=False):
    return PendingAdoptionFactory(
        practice=practice,
        status=status,
        organisation="Kunta",
        contact_name="Pekka",
        contact_email="pekka@example.org",
        contact_phone="040 123",
        contact_public=public,
        consent_at=CONSENTED,
        decided_at=decided_at,
        adoption=AdoptionFactory(practice=practice, organisation="Kunta") if on_page else None,
    )


def support_request(status, updated_at):
    request = SupportRequestFactory(
        status=status, message="Apua käyttöönottoon", name="Liisa", email="liisa@example.org", consent_at=CONSENTED
    )
    # updated_at is set on every save; the test dates it as the last change.
    SupportRequest.objects.filter(pk=request.pk).update(updated_at=updated_at)
    return request


def test_the_cutoff_is_twelve_calendar_months_back():
    assert personal_data.retention_cutoff(NOW) == dt.datetime(2025, 11, 28, 12, 0, tzinfo=dt.UTC)
    leap = dt.datetime(2028, 2, 29, tzinfo=dt.UTC)
    assert personal_data.retention_cutoff(leap) == dt.datetime(2027, 2, 28, tzinfo=dt.UTC)
    assert personal_data.retention_cutoff(dt.datetime(2026, 1, 31, tzinfo=dt.UTC), 2) == dt.datetime(
        2025, 11, 30, tzinfo=dt.UTC
    )


def test_only_rows_dealt_with_over_twelve_months_ago_are_erased(make_practice):
    practice = make_practice(id="klubitalo")
    old_rejected = proposal(Proposal.Status.REJECTED, OVER, "Vanha")
    old_published = proposal(Proposal.Status.PUBLISHED, OVER, "Julkaistu")
    recent = proposal(Proposal.Status.REJECTED, UNDER, "Tuore")
    waiting = proposal(Proposal.Status.RECEIVED, None, "Odottaa")
    old_report = report(practice, PendingAdoption.Status.REJECTED, OVER)
    shown = report(practice, PendingAdoption.Status.CONFIRMED, OVER, public=True, on_page=True)
    not_shown = report(practice, PendingAdoption.Status.CONFIRMED, OVER, public=True, on_page=False)
    pending = report(practice, PendingAdoption.Status.PENDING, None)
    done = support_request(SupportRequest.Status.DONE, OVER)
    open_request = support_request(SupportRequest.Status.IN_PROGRESS, OVER)
    recently_done = support_request(SupportRequest.Status.DONE, UNDER)

    erased = personal_data.erase_expired(now=NOW)

    assert sorted(erased.proposals) == sorted([old_rejected.reference, old_published.reference])
    assert sorted(erased.adoption_reports) == sorted([old_report.pk, not_shown.pk])
    assert erased.support_requests == [done.reference]
    for row in (old_rejected, old_published):
        row.refresh_from_db()
        assert (row.submitter_name, row.submitter_email, row.ip_hash) == ("(poistettu)", "", "")
        assert row.personal_data_erased_at == NOW
        assert row.data == {"name": "Malli"}  # the proposed practice stays
    for row in (recent, waiting):
        row.refresh_from_db()
        assert row.submitter_email and row.personal_data_erased_at is None
    for row in (old_report, not_shown):
        row.refresh_from_db()
        assert (row.contact_name, row.contact_email, row.contact_phone) == ("(poistettu)", "", "")
        assert row.organisation == "Kunta"
    for row in (shown, pending):
        row.refresh_from_db()
        assert row.contact_email == "pekka@example.org"
    done.refresh_from_db()
    assert (done.name, done.email, done.message) == ("(poistettu)", "", "Apua käyttöönottoon")
    for row in (open_request, recently_done):
        row.refresh_from_db()
        assert row.email == "liisa@example.org"

    # Erased rows are not found again.
    assert len(personal_data.erase_expired(now=NOW)) == 0


def test_the_command_lists_on_a_dry_run_and_erases_otherwise(make_practice):
    old = proposal(Proposal.Status.REJECTED, timezone.now() - dt.timedelta(days=400), "Vanha")
    out = io.StringIO()
    call_command("submitter_data", "erase-expired", "--dry-run", stdout=out)
    assert f"ehdotus {old.reference}" in out.getvalue()
    assert "mitään ei poistettu" in out.getvalue()
    old.refresh_from_db()
    assert old.submitter_email

    out = io.StringIO()
    call_command("submitter_data", "erase-expired", stdout=out)
    assert "1 ehdotus, 0 käyttöönottoilmoitusta, 0 tukipyyntöä" in out.getvalue()
    old.refresh_from_db()
    assert old.submitter_email == ""

    out = io.StringIO()
    call_command("submitter_data", "erase-expired", stdout=out)
    assert "ei ole" in out.getvalue()
