"""Who is emailed at each step of the editorial process, and that nobody is emailed twice."""

import pytest
from django.test import Client
from django.urls import reverse

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation import emails
from mallipankki.evaluation.models import EvaluationCriterion, SentNotification
from mallipankki.evaluation.notifications import Recipient, send_once
from mallipankki.evaluation.tests.test_flow import evaluation_post
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.privacy import personal_data
from mallipankki.proposals import emails as proposal_emails
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import pdf_upload, proposal_data
from mallipankki.regions.factories import RegionalWorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(settings, tmp_path):
    settings.PROPOSAL_FILES_ROOT = str(tmp_path)
    PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)
    users = {
        "editor": UserFactory(username="toimittaja", role=permissions.EDITORS),
        "admin": UserFactory(username="yllapitaja", role=permissions.ADMINS),
        "evaluator": UserFactory(username="arvioija", role=permissions.EVALUATORS),
        "evaluator2": UserFactory(username="arvioija2", role=permissions.EVALUATORS),
        "uusimaa": UserFactory(username="uusimaa", role=permissions.REGIONAL_WORKERS),
        "lappi": UserFactory(username="lappi", role=permissions.REGIONAL_WORKERS),
    }
    RegionalWorkerFactory(user=users["uusimaa"], regions=["FI-18"])
    RegionalWorkerFactory(user=users["lappi"], regions=["FI-10"])
    return users


def addresses(messages) -> list[str]:
    return sorted(address for message in messages for address in message.to)


def by_subject(messages, text: str) -> list:
    return [message for message in messages if text in message.subject]


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def propose(django_capture_on_commit_callbacks) -> Proposal:
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("proposals:propose"), {**proposal_data(), "attachments": [pdf_upload()]})
    assert response.status_code == 302
    return Proposal.objects.get()


def evaluate(client, page, django_capture_on_commit_callbacks):
    criteria = list(EvaluationCriterion.objects.filter(active=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("evaluation_admin:evaluate", args=[page.pk]), evaluation_post(criteria))
    assert response.status_code == 302


def test_each_step_emails_the_people_concerned_once(people, mailoutbox, django_capture_on_commit_callbacks):
    # Proposal received: the submitter, the editors (admins are editors too)
    # and the regional worker of its region (Uusimaa), not Lappi's.
    proposal = propose(django_capture_on_commit_callbacks)
    page = proposal.practice.specific
    assert addresses(by_subject(mailoutbox, "ehdotuksesi on vastaanotettu")) == ["maija@example.org"]
    assert addresses(by_subject(mailoutbox, "uusi ehdotus")) == [
        "toimittaja@example.org",
        "uusimaa@example.org",
        "yllapitaja@example.org",
    ]
    assert len(mailoutbox) == 4

    # Evaluators assigned: each evaluator, once.
    mailoutbox.clear()
    editor = as_user(people["editor"])
    evaluators = [people["evaluator"].pk, people["evaluator2"].pk]
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            reverse("evaluation_admin:practice", args=[page.pk]), {"assign": "1", "assign-evaluators": evaluators}
        )
        # Saving the same set again assigns nobody new and emails nobody.
        editor.post(
            reverse("evaluation_admin:practice", args=[page.pk]), {"assign": "1", "assign-evaluators": evaluators}
        )
    assert addresses(mailoutbox) == ["arvioija2@example.org", "arvioija@example.org"]
    assert all("arvioimaan" in message.subject for message in mailoutbox)
    assert reverse("evaluation_admin:evaluate", args=[page.pk]) in mailoutbox[0].body

    # First evaluation: the editors hear of it.
    mailoutbox.clear()
    evaluate(as_user(people["evaluator"]), page, django_capture_on_commit_callbacks)
    assert addresses(mailoutbox) == ["toimittaja@example.org", "yllapitaja@example.org"]
    assert all("uusi arvio annettu" in message.subject for message in mailoutbox)
    assert "Arvioita on nyt 1/2." in mailoutbox[0].body

    # Second evaluation completes the step: one "ready for decision" email per
    # editor, no separate "evaluation submitted", and not Wagtail's own
    # "submitted for moderation" notice on top.
    mailoutbox.clear()
    evaluate(as_user(people["evaluator2"]), page, django_capture_on_commit_callbacks)
    assert addresses(mailoutbox) == ["toimittaja@example.org", "yllapitaja@example.org"]
    assert all("odottaa julkaisupäätöstä" in message.subject for message in mailoutbox)
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in mailoutbox[0].body

    # Published: the submitter, with the page's address.
    mailoutbox.clear()
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert addresses(mailoutbox) == ["maija@example.org"]
    assert "julkaistu" in mailoutbox[0].subject
    assert page.url in mailoutbox[0].body

    # Every event again: nothing is sent twice.
    mailoutbox.clear()
    proposal.refresh_from_db()
    assert proposal_emails.send_confirmation(proposal) == 0
    assert proposal_emails.notify_editors(proposal) == 0
    assert proposal_emails.send_decision(proposal) == 0
    for assignment in page.evaluation_assignments.all():
        assert emails.notify_assigned(assignment.pk) == 0
    first_evaluation = page.evaluations.order_by("pk").first()
    assert emails.notify_evaluation_submitted(first_evaluation.pk) == 0
    assert emails.notify_ready_for_decision(first_evaluation.task_state.pk) == 0  # that step is done
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish(user=people["editor"])
    assert mailoutbox == []
    assert SentNotification.objects.filter(recipient_key=f"submitter:{proposal.pk}").count() == 2


def test_rejection_emails_the_submitter_the_reason(people, mailoutbox, django_capture_on_commit_callbacks):
    proposal = propose(django_capture_on_commit_callbacks)
    page = proposal.practice
    mailoutbox.clear()
    task_state = page.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        as_user(people["editor"]).post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
            {"comment": "Mallista ei ole vielä tuloksia."},
        )
    [message] = mailoutbox
    assert message.to == ["maija@example.org"]
    assert "päätös ehdotuksestasi" in message.subject
    assert "Mallista ei ole vielä tuloksia." in message.body
    proposal.refresh_from_db()
    assert proposal_emails.send_decision(proposal) == 0


def test_an_erased_submitter_is_not_emailed(people, mailoutbox, django_capture_on_commit_callbacks):
    proposal = propose(django_capture_on_commit_callbacks)
    personal_data.erase("maija@example.org")
    mailoutbox.clear()
    proposal.refresh_from_db()
    proposal.status = Proposal.Status.REJECTED
    assert proposal_emails.send_decision(proposal) == 0
    assert mailoutbox == []


def test_a_failed_send_can_be_retried(people, mailoutbox, monkeypatch):
    recipient = Recipient("user:1", "toimittaja@example.org", "Toimittaja")

    def broken(*args, **kwargs):
        raise ConnectionError("SMTP down")

    monkeypatch.setattr("mallipankki.core.mail.send_mail", broken)
    context = {"proposal": Proposal(reference="EHD-2026-AAAAAA", data={"name": "Malli"}), "url": "/"}
    assert send_once("proposal_new", "proposal:1", [recipient], "proposals/emails/new_proposal", context) == 0
    monkeypatch.undo()
    assert send_once("proposal_new", "proposal:1", [recipient], "proposals/emails/new_proposal", context) == 1
    assert send_once("proposal_new", "proposal:1", [recipient], "proposals/emails/new_proposal", context) == 0
    assert addresses(mailoutbox) == ["toimittaja@example.org"]


def test_a_busy_database_is_a_failed_send_that_can_be_retried(people, mailoutbox, monkeypatch, caplog):
    """The event is stored already: a busy database (an import running) must not fail its request."""
    from django.db import OperationalError

    recipient = Recipient("user:1", "toimittaja@example.org", "Toimittaja")
    context = {"proposal": Proposal(reference="EHD-2026-AAAAAA", data={"name": "Malli"}), "url": "/"}

    def busy(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(SentNotification.objects, "create", busy)
    assert send_once("proposal_new", "proposal:1", [recipient], "proposals/emails/new_proposal", context) == 0
    assert "the database was busy" in caplog.text
    monkeypatch.undo()
    assert send_once("proposal_new", "proposal:1", [recipient], "proposals/emails/new_proposal", context) == 1
    assert addresses(mailoutbox) == ["toimittaja@example.org"]


def test_other_workflows_keep_wagtails_notices(people, mailoutbox):
    """Only "Arviointi ja julkaisu" is exempt from Wagtail's task notices."""
    from wagtail.models import GroupApprovalTask, Site, Workflow, WorkflowTask

    from mallipankki.pages.models import StandardPage

    site_root = Site.objects.get(is_default_site=True).root_page
    workflow = Workflow.objects.create(name="Muu työnkulku")
    task = GroupApprovalTask.objects.create(name="Hyväksyntä")
    task.groups.set([people["editor"].groups.get()])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page = site_root.add_child(
        instance=StandardPage(title="Tietosuoja", slug="tietosuoja-testi", body="<p>Teksti</p>", live=False)
    )
    page.save_revision(user=people["admin"])
    mailoutbox.clear()
    workflow.start(page, user=people["admin"])
    assert "toimittaja@example.org" in addresses(mailoutbox)
