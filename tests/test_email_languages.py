"""Each email is in its reader's language: staff read Finnish, a visitor the language of the form they used.

A visitor on /sv/ or /en/ causes emails to two kinds of reader at once (the
receipt to them, the notice to staff), and later emails to them are sent from
the admin, where the active language is the staff member's own.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from mallipankki.adoptions.models import PendingAdoption
from mallipankki.adoptions.services import reject
from mallipankki.adoptions.tests.helpers import form_data
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation.models import EvaluationAssignment
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import proposal_data
from mallipankki.regions import services as region_services
from mallipankki.regions.factories import RegionalWorkerFactory
from mallipankki.regions.models import SupportRequest
from mallipankki.regions.tests.helpers import support_post

pytestmark = pytest.mark.django_db


def url_in(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def admin_client(user, language: str = "fi") -> Client:
    """A staff member whose admin is in `language` (Wagtail's own preference)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def test_a_support_request_in_swedish_reaches_the_workers_in_finnish_and_answers_in_swedish(practice_index, mailoutbox):
    worker = RegionalWorkerFactory(user__username="lappilainen", regions=["FI-10"]).user
    response = Client().post(url_in("sv", "regions:support"), support_post(region="FI-10"))
    assert response.status_code == 302
    receipt, to_worker = mailoutbox
    support_request = SupportRequest.objects.get()
    assert support_request.language == "sv"

    assert to_worker.to == ["lappilainen@example.org"]
    assert to_worker.subject == f"Mallipankki: uusi tukipyyntö {support_request.reference} (Lappi)"
    assert "Lue pyyntö, ota se käsittelyyn ja vastaa pyytäjälle:" in to_worker.body
    assert "Lapista" in to_worker.body

    assert receipt.to == ["pyytaja@example.org"]
    assert "Referensnummer:" in receipt.body and "Viitenumero" not in receipt.body
    assert "Lappland" in receipt.body
    assert "/sv/tietosuoja/" in receipt.body

    # The worker, in a Finnish admin, changes the status: the requester hears in Swedish.
    mailoutbox.clear()
    with translation.override("fi"):
        region_services.change_status(support_request, SupportRequest.Status.IN_PROGRESS, worker)
    [status_email] = mailoutbox
    assert "Ny status:" in status_email.body and "Uusi tila" not in status_email.body
    assert "(Lappland)" in status_email.body and "Lappi)" not in status_email.body
    assert "/sv/tietosuoja/" in status_email.body


def test_an_assignment_is_in_finnish_even_when_the_assigning_editor_uses_english(practice_index, mailoutbox):
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    worker = RegionalWorkerFactory(user__username="lappilainen", regions=["FI-10"]).user
    Client().post(url_in("en", "regions:support"), support_post(region="FI-10"))
    support_request = SupportRequest.objects.get()
    assert support_request.language == "en"
    mailoutbox.clear()
    with translation.override("en"):
        region_services.assign(support_request, worker, editor)
    [assigned] = mailoutbox
    assert assigned.to == ["lappilainen@example.org"]
    assert "on nyt vastuullasi" in assigned.subject
    assert "(Lappi)" in assigned.body and "Lapland" not in assigned.body


def test_an_adoption_report_in_english_reaches_the_worker_in_finnish_and_answers_in_english(
    make_practice, mailoutbox, django_capture_on_commit_callbacks
):
    practice = make_practice(id="tyovalmennus", name={"fi": "Työhönvalmennus", "en": "Job coaching"})
    worker = RegionalWorkerFactory(user__username="lappi", regions=["FI-10"]).user
    response = Client().post(url_in("en", "adoptions:report", practice.slug), form_data())
    assert response.status_code == 302
    receipt, to_worker = mailoutbox
    pending = PendingAdoption.objects.get()
    assert pending.language == "en"
    assert to_worker.subject == "Mallipankki: uusi käyttöönottoilmoitus vahvistettavana"
    assert '"Työhönvalmennus"' in to_worker.body
    assert receipt.to == ["liisa@rovaniemi.example"]
    assert "Reference number:" in receipt.body and '"Job coaching"' in receipt.body
    assert "/en/tietosuoja/" in receipt.body

    mailoutbox.clear()
    with translation.override("fi"), django_capture_on_commit_callbacks(execute=True):
        reject(pending.pk, worker, "Organisaatio ei käytä mallia vielä.")
    [decision] = mailoutbox
    assert decision.to == ["liisa@rovaniemi.example"]
    assert decision.subject == "Mallipankki: adoption report not published"
    assert '"Job coaching"' in decision.body


@pytest.fixture
def catalogue(settings, tmp_path):
    settings.PROPOSAL_FILES_ROOT = str(tmp_path)
    PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)


def test_a_proposal_in_swedish_reaches_staff_in_finnish_and_its_decision_goes_out_in_swedish(
    catalogue, mailoutbox, django_capture_on_commit_callbacks
):
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    evaluator = UserFactory(username="arvioija", role=permissions.EVALUATORS)
    RegionalWorkerFactory(user__username="uusimaa", regions=["FI-18"])
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(url_in("sv", "proposals:propose"), proposal_data(regions=["FI-18"]))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.language == "sv"
    by_address = {message.to[0]: message for message in mailoutbox}
    assert "uusi ehdotus" in by_address["toimittaja@example.org"].subject
    assert "uusi ehdotus" in by_address["uusimaa@example.org"].subject
    confirmation = by_address["maija@example.org"]
    assert "/sv/tietosuoja/" in confirmation.body and "Tietosuojaseloste" not in confirmation.body

    # An editor working in English assigns an evaluator: the evaluator reads Finnish.
    mailoutbox.clear()
    page = proposal.practice
    editor_client = admin_client(editor, "en")
    with django_capture_on_commit_callbacks() as callbacks:
        editor_client.post(
            reverse("evaluation_admin:practice", args=[page.pk]), {"assign": "1", "assign-evaluators": [evaluator.pk]}
        )
    assert EvaluationAssignment.objects.filter(evaluator=evaluator).exists()
    with translation.override("en"):
        for callback in callbacks:
            callback()
    [assigned] = mailoutbox
    assert assigned.to == ["arvioija@example.org"] and "arvioimaan" in assigned.subject

    # The same editor rejects the proposal: the proposer hears in Swedish.
    mailoutbox.clear()
    task_state = page.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
            {"comment": "Mallista ei ole vielä tuloksia."},
        )
    [decision] = mailoutbox
    assert decision.to == ["maija@example.org"]
    with translation.override("sv"):
        expected = translation.gettext("Mallipankki: päätös ehdotuksestasi (%(reference)s)")
    assert decision.subject == expected % {"reference": proposal.reference}
    assert "päätös" not in decision.subject
