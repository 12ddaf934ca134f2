"""The public evaluation summary keeps its history: each change is a log entry on the practice."""

import pytest
from wagtail.models import PageLogEntry

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation.forms import SummaryForm
from mallipankki.evaluation.models import PracticeEvaluationSummary
from mallipankki.evaluation.services import SUMMARY_LOG_ACTION, save_summary

pytestmark = pytest.mark.django_db


def write(page, user, **data):
    instance = PracticeEvaluationSummary.objects.filter(practice=page).first() or PracticeEvaluationSummary()
    form = SummaryForm({"summary": "", "next_evidence_step": "", "evaluated_on": "", **data}, instance=instance)
    assert form.is_valid(), form.errors
    return save_summary(page, form, user)


def test_every_wording_of_the_summary_stays_in_the_practice_history(make_practice):
    page = make_practice()
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)

    write(page, editor, summary="Ensimmäinen yhteenveto.", evaluated_on="2026-10-01")
    write(page, editor, summary="Korjattu yhteenveto.", evaluated_on="2026-10-01")
    write(page, editor, summary="Korjattu yhteenveto.", evaluated_on="2026-10-01")  # no change, no entry

    entries = list(PageLogEntry.objects.filter(page=page, action=SUMMARY_LOG_ACTION).order_by("timestamp", "pk"))
    wordings = [entry.data["current"]["summary"] for entry in entries]
    assert wordings == ["Ensimmäinen yhteenveto.", "Korjattu yhteenveto."]
    assert entries[1].data["previous"]["summary"] == "Ensimmäinen yhteenveto."
    assert entries[0].data["current"]["evaluated_on"] == "2026-10-01"
    assert all(entry.user == editor for entry in entries)
    assert PracticeEvaluationSummary.objects.get(practice=page).summary == "Korjattu yhteenveto."


def test_the_change_reads_plainly_in_the_page_history(client, make_practice):
    from django.urls import reverse

    page = make_practice()
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    write(page, editor, summary="Yhteenveto.")
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))

    assert response.status_code == 200
    assert "Julkinen arvioinnin yhteenveto muutettu" in response.content.decode()
