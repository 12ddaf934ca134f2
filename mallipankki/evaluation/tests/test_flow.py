"""The whole collect–evaluate–publish flow through Django's test client."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation.models import (
    Evaluation,
    EvaluationAssignment,
    EvaluationCriterion,
    EvaluationTask,
    PracticeEvaluationSummary,
    PublicationDecisionTask,
)
from mallipankki.evaluation.workflow import WORKFLOW_NAME
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.practices.models import PracticePage
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import PrivateFilesMixin, pdf_upload, proposal_data


def evaluation_post(criteria, score=2, **overrides) -> dict:
    data = {
        "evidence_level": "2",
        "readiness_materials": "2",
        "readiness_training": "1",
        "readiness_fidelity": "1",
        "summary": "Lupaava malli, tuloksista on seurantatietoa.",
    }
    for criterion in criteria:
        data[f"score_{criterion.pk}"] = str(score)
        data[f"reason_{criterion.pk}"] = f"Perustelu kriteerille {criterion.name}."
    data.update(overrides)
    return data


class ProposalFlowTests(PrivateFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = DefaultSiteFactory().root_page
        cls.index = PracticeIndexPageFactory(parent=cls.home)
        # One user per role (two evaluators) and a logged-in user with no role.
        cls.users = {
            "editor": UserFactory(username="toimittaja", role=permissions.EDITORS),
            "evaluator": UserFactory(username="arvioija", role=permissions.EVALUATORS),
            "evaluator2": UserFactory(username="arvioija2", role=permissions.EVALUATORS),
            "regional": UserFactory(username="aluetyontekija", role=permissions.REGIONAL_WORKERS),
            "admin": UserFactory(username="yllapitaja", role=permissions.ADMINS),
            "nobody": UserFactory(username="tavallinen"),
        }
        cls.criteria = list(EvaluationCriterion.objects.filter(active=True))

    def propose(self, **overrides):
        data = proposal_data(**overrides)
        data["attachments"] = [pdf_upload("kasikirja.pdf")]
        response = self.client.post(reverse("proposals:propose"), data)
        self.assertRedirects(response, reverse("proposals:thanks"), fetch_redirect_response=False)
        return Proposal.objects.get()

    def assign(self, page, *evaluators):
        self.client.force_login(self.users["editor"])
        response = self.client.post(
            reverse("evaluation_admin:practice", args=[page.pk]),
            {"assign": "1", "assign-evaluators": [user.pk for user in evaluators]},
        )
        self.assertEqual(response.status_code, 302)

    def evaluate(self, page, user, **overrides):
        self.client.force_login(user)
        response = self.client.post(
            reverse("evaluation_admin:evaluate", args=[page.pk]), evaluation_post(self.criteria, **overrides)
        )
        self.assertRedirects(response, reverse("evaluation_admin:practice", args=[page.pk]))

    def workflow_action(self, page, user, action, **data):
        self.client.force_login(user)
        task_state = page.current_workflow_task_state
        return self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]), data
        )

    def test_propose_evaluate_approve_publish(self):
        with self.captureOnCommitCallbacks(execute=True):
            proposal = self.propose()

        # The submission is kept as it was, linked to a draft practice in the workflow.
        self.assertEqual(proposal.data["name"], "Työkokeilu osatyökykyisille")
        self.assertEqual(proposal.submitter_email, "maija@example.org")
        self.assertEqual(proposal.attachments.count(), 1)
        page = proposal.practice.specific
        self.assertFalse(page.live)
        self.assertEqual(page.get_parent().pk, self.index.pk)
        draft = page.get_latest_revision_as_object()
        self.assertEqual(draft.status, PracticePage.Status.IN_REVIEW)
        self.assertEqual(sorted(draft.themes.values_list("code", flat=True)), ["yhteistyo", "yksilollinen-tuki"])
        self.assertEqual(draft.organisations.all()[0].name, "Esimerkkikaupunki")
        self.assertEqual(draft.funding.all()[0].end.isoformat(), "2024-12-31")
        self.assertEqual(draft.evidence_summary_fi, "Kahdeksankymmentä osallistujaa, joista puolet työllistyi.")
        state = page.current_workflow_state
        self.assertEqual(state.workflow.name, WORKFLOW_NAME)
        self.assertIsInstance(state.current_task_state.task.specific, EvaluationTask)
        # Evaluators score the latest revision, the one that says "in review".
        self.assertEqual(state.current_task_state.revision_id, page.latest_revision_id)

        # The submitter got a confirmation with the reference; editors were told.
        confirmation = next(m for m in mail.outbox if m.to == ["maija@example.org"])
        self.assertIn(proposal.reference, confirmation.subject)
        self.assertIn(proposal.reference, confirmation.body)
        self.assertTrue(any("toimittaja@example.org" in m.to for m in mail.outbox))

        # The confirmation page shows the reference.
        response = self.client.get(reverse("proposals:thanks"))
        self.assertContains(response, proposal.reference)

        # Editors assign two evaluators, who are emailed.
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.assign(page, self.users["evaluator"], self.users["evaluator2"])
        self.assertEqual(EvaluationAssignment.objects.filter(practice=page).count(), 2)
        self.assertEqual(
            sorted(address for m in mail.outbox for address in m.to),
            [
                "arvioija2@example.org",
                "arvioija@example.org",
            ],
        )

        # The first evaluation leaves the task open; the second completes it.
        self.evaluate(page, self.users["evaluator"])
        page.refresh_from_db()
        self.assertIsInstance(page.current_workflow_task.specific, EvaluationTask)
        self.evaluate(page, self.users["evaluator2"], score=3, evidence_level="3")
        page.refresh_from_db()
        self.assertIsInstance(page.current_workflow_task.specific, PublicationDecisionTask)
        self.assertFalse(page.live)
        self.assertEqual(Evaluation.objects.filter(practice=page).count(), 2)
        # The task's history says how many evaluations completed it.
        completed = TaskState.objects.filter(
            workflow_state__object_id=str(page.pk), status=TaskState.STATUS_APPROVED
        ).first()
        self.assertEqual(completed.comment, "2 arviota annettu.")

        # The editor writes the public summary and approves: the practice goes live.
        self.client.force_login(self.users["editor"])
        response = self.client.post(
            reverse("evaluation_admin:practice", args=[page.pk]),
            {
                "summary": "1",
                "summary-summary": "Hyvin kuvattu malli, jonka tuloksia on seurattu.",
                "summary-next_evidence_step": "Vertailuryhmä seuraavaan toteutukseen.",
                "summary-evaluated_on": "2025-03-01",
                "summary-evidence_level": "2",
                "summary-readiness_materials": "2",
                "summary-readiness_training": "1",
                "summary-readiness_fidelity": "1",
            },
        )
        self.assertEqual(response.status_code, 302)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.workflow_action(page, self.users["editor"], "approve")
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.status, PracticePage.Status.PUBLISHED)
        self.assertEqual(page.evidence_level, 2)
        self.assertEqual(page.readiness_total, 4)
        self.assertEqual(page.current_workflow_state, None)
        self.assertEqual(WorkflowState.objects.get(object_id=str(page.pk)).status, WorkflowState.STATUS_APPROVED)
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, Proposal.Status.PUBLISHED)
        self.assertEqual(proposal.decided_by, self.users["editor"])
        decision = next(m for m in mail.outbox if m.to == ["maija@example.org"])
        self.assertIn("julkaistu", decision.subject)
        self.assertIn(page.url, decision.body)

        # The public page shows the evaluation through the include.
        self.client.logout()
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        summary = PracticeEvaluationSummary.objects.get(practice=page)
        self.assertEqual(summary.next_evidence_step, "Vertailuryhmä seuraavaan toteutukseen.")

    def test_rejection_in_evaluation_needs_a_reason_and_is_emailed(self):
        proposal = self.propose()
        page = proposal.practice
        response = self.workflow_action(page, self.users["editor"], "reject", comment="  ")
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task_state.status, TaskState.STATUS_IN_PROGRESS)

        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.workflow_action(page, self.users["editor"], "reject", comment="Mallista ei ole vielä tuloksia.")
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, Proposal.Status.REJECTED)
        self.assertEqual(proposal.decision_reason, "Mallista ei ole vielä tuloksia.")
        page.refresh_from_db()
        self.assertEqual(page.get_latest_revision_as_object().status, PracticePage.Status.REJECTED)
        [message] = [m for m in mail.outbox if m.to == ["maija@example.org"]]
        self.assertIn("Mallista ei ole vielä tuloksia.", message.body)
        # Nothing is deleted: the proposal, its attachment and the draft stay.
        self.assertTrue(PracticePage.objects.filter(pk=page.pk, live=False).exists())
        self.assertEqual(proposal.attachments.count(), 1)

    def test_rejection_at_decision_and_evaluators_cannot_decide(self):
        proposal = self.propose()
        page = proposal.practice
        self.assign(page, self.users["evaluator"], self.users["evaluator2"])
        self.evaluate(page, self.users["evaluator"])
        self.evaluate(page, self.users["evaluator2"])
        page.refresh_from_db()

        # An evaluator may not approve the decision step (which would publish).
        response = self.workflow_action(page, self.users["evaluator"], "approve")
        self.assertEqual(response.status_code, 403)  # the admin's "permission denied" page
        page.refresh_from_db()
        self.assertFalse(page.live)

        with self.captureOnCommitCallbacks(execute=True):
            self.workflow_action(page, self.users["editor"], "reject", comment="Päällekkäinen mallin X kanssa.")
        proposal.refresh_from_db()
        self.assertEqual(proposal.status, Proposal.Status.REJECTED)
        self.assertEqual(proposal.decision_reason, "Päällekkäinen mallin X kanssa.")
        self.assertFalse(PracticePage.objects.get(pk=page.pk).live)

    def test_a_new_evaluation_supersedes_and_keeps_the_old(self):
        proposal = self.propose()
        page = proposal.practice
        self.assign(page, self.users["evaluator"])
        self.evaluate(page, self.users["evaluator"], score=1)
        self.evaluate(page, self.users["evaluator"], score=3)
        evaluations = Evaluation.objects.filter(practice=page).order_by("pk")
        self.assertEqual(evaluations.count(), 2)
        old, new = evaluations
        self.assertEqual(new.supersedes, old)
        self.assertEqual(list(Evaluation.objects.filter(practice=page).current()), [new])
        self.assertEqual({s.score for s in old.scores.all()}, {1})
        # Still one evaluator: the task (2 required) stays open.
        page.refresh_from_db()
        self.assertIsInstance(page.current_workflow_task.specific, EvaluationTask)
