"""The editors' dashboard: the four lists as queries at a fixed time, and who sees which panel.

Four proposals in different states, made through the proposal form:
A (Uusimaa) nobody assigned; B (Lappi) one evaluator assigned 40 days ago,
not evaluated; C (Uusimaa) both evaluated, waiting for the decision;
D (Uusimaa) two assigned, one of them 40 days ago and has evaluated.
"""

import datetime as dt

from django.db import connection
from django.test import Client, RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation import dashboard, dashboard_panels, services
from mallipankki.evaluation.dashboard_panels import DashboardListPanel
from mallipankki.evaluation.forms import EvaluationForm
from mallipankki.evaluation.models import EvaluationCriterion
from mallipankki.evaluation.tests.test_flow import evaluation_post
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.proposals.dashboard import new_proposals, new_proposals_panel
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import PrivateFilesMixin, proposal_data
from mallipankki.regions.factories import RegionalWorkerFactory

NOW = timezone.now()


def propose(name: str, region: str) -> Proposal:
    response = Client().post(reverse("proposals:propose"), proposal_data(name=name, regions=[region]))
    assert response.status_code == 302, response.content[:300]
    return Proposal.objects.get(data__name=name)


def evaluate(page, user) -> None:
    criteria = list(EvaluationCriterion.objects.filter(active=True))
    form = EvaluationForm(evaluation_post(criteria), criteria=criteria)
    assert form.is_valid(), form.errors
    services.submit_evaluation(page, user, form, task_state=services.current_evaluation_task_state(page))


def assign(page, editor, *evaluators, days_ago: int = 1) -> None:
    services.set_assignments(page, evaluators, editor)
    page.evaluation_assignments.filter(evaluator__in=evaluators).update(assigned_at=NOW - dt.timedelta(days=days_ago))


@override_settings(PROPOSAL_RATE_LIMIT=1000)
class DashboardTests(PrivateFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)
        cls.editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
        cls.admin = UserFactory(username="yllapitaja", role=permissions.ADMINS)
        cls.evaluator = UserFactory(username="arvioija", role=permissions.EVALUATORS)
        cls.evaluator2 = UserFactory(username="arvioija2", role=permissions.EVALUATORS)
        cls.uusimaa = UserFactory(username="uusimaa", role=permissions.REGIONAL_WORKERS)
        cls.lappi = UserFactory(username="lappi", role=permissions.REGIONAL_WORKERS)
        cls.nobody = UserFactory(username="tavallinen")
        RegionalWorkerFactory(user=cls.uusimaa, regions=["FI-18"])
        RegionalWorkerFactory(user=cls.lappi, regions=["FI-10"])

        cls.a = propose("Malli A", "FI-18")
        cls.b = propose("Malli B", "FI-10")
        cls.c = propose("Malli C", "FI-18")
        cls.d = propose("Malli D", "FI-18")
        cls.page_a, cls.page_b, cls.page_c, cls.page_d = (p.practice.specific for p in (cls.a, cls.b, cls.c, cls.d))

        assign(cls.page_b, cls.editor, cls.evaluator, days_ago=40)
        assign(cls.page_c, cls.editor, cls.evaluator, cls.evaluator2)
        evaluate(cls.page_c, cls.evaluator)
        evaluate(cls.page_c, cls.evaluator2)
        assign(cls.page_d, cls.editor, cls.evaluator)
        assign(cls.page_d, cls.editor, cls.evaluator, cls.evaluator2, days_ago=40)
        cls.page_d.evaluation_assignments.filter(evaluator=cls.evaluator).update(assigned_at=NOW - dt.timedelta(days=2))
        evaluate(cls.page_d, cls.evaluator2)

    def titles(self, pairs) -> list[str]:
        return [page.title for page, _state in pairs]

    # --- the queries ---------------------------------------------------------

    def test_new_proposals_are_received_and_nobody_assigned_scoped_by_region(self):
        self.assertEqual(list(new_proposals(self.editor)), [self.a])
        self.assertEqual(list(new_proposals(self.admin)), [self.a])
        self.assertEqual(list(new_proposals(self.uusimaa)), [self.a])
        self.assertEqual(list(new_proposals(self.lappi)), [])
        self.assertEqual(list(new_proposals(self.evaluator)), [])
        # A new proposal from Lappi is the Lappi worker's, not the Uusimaa worker's.
        e = propose("Malli E", "FI-10")
        self.assertEqual(list(new_proposals(self.lappi)), [e])
        self.assertEqual(list(new_proposals(self.uusimaa)), [self.a])
        # Once an evaluator is assigned it is no longer new.
        assign(self.page_a, self.editor, self.evaluator)
        self.assertEqual(list(new_proposals(self.editor)), [e])

    def test_a_rejected_proposal_is_not_new(self):
        self.page_a.current_workflow_state.cancel(user=self.editor)
        self.a.status = Proposal.Status.REJECTED
        self.a.save()
        self.assertEqual(list(new_proposals(self.editor)), [])

    def test_waiting_for_evaluators_are_those_with_fewer_assigned_than_required(self):
        pairs = dashboard.waiting_for_evaluators()
        self.assertEqual(self.titles(pairs), ["Malli A", "Malli B"])
        counts = {page.title: (state.assigned_count, state.submitted_count, state.required) for page, state in pairs}
        self.assertEqual(counts, {"Malli A": (0, 0, 2), "Malli B": (1, 0, 2)})

    def test_overdue_means_assigned_over_30_days_ago_and_not_submitted(self):
        overdue = list(dashboard.overdue_evaluations(NOW))
        self.assertEqual([(a.practice_id, a.evaluator) for a in overdue], [(self.page_b.pk, self.evaluator)])
        # D's second evaluator was assigned as long ago but has submitted.
        # The boundary: exactly 30 days is not yet overdue.
        assignment = overdue[0]
        self.assertEqual(list(dashboard.overdue_evaluations(assignment.assigned_at + dt.timedelta(days=30))), [])
        later = assignment.assigned_at + dt.timedelta(days=30, seconds=1)
        self.assertEqual(list(dashboard.overdue_evaluations(later)), [assignment])
        # Filtered to one evaluator.
        self.assertEqual(list(dashboard.overdue_evaluations(NOW, evaluator=self.evaluator2)), [])
        # Submitting takes it off the list.
        evaluate(self.page_b, self.evaluator)
        self.assertEqual(list(dashboard.overdue_evaluations(NOW)), [])

    def test_overdue_ends_when_the_workflow_is_cancelled(self):
        self.page_b.current_workflow_state.cancel(user=self.editor)
        self.assertEqual(list(dashboard.overdue_evaluations(NOW)), [])
        self.assertEqual(self.titles(dashboard.waiting_for_evaluators()), ["Malli A"])

    def test_ready_for_decision_are_those_in_the_decision_step(self):
        self.assertEqual(self.titles(dashboard.ready_for_decision()), ["Malli C"])

    def test_an_evaluators_own_pending_list(self):
        pending = [a.practice_id for a in dashboard.pending_for(self.evaluator)]
        self.assertEqual(pending, [self.page_b.pk, self.page_d.pk])
        self.assertEqual(list(dashboard.pending_for(self.evaluator2)), [])

    # --- the panels ------------------------------------------------------------

    def test_each_panel_is_built_from_its_query_and_each_role_gets_its_own(self):
        context = dashboard_panels.waiting_for_evaluators_panel(dashboard.waiting_for_evaluators()).get_context_data({})
        self.assertEqual((context["panel_id"], context["count"]), ("waiting-for-evaluators", 2))
        self.assertEqual([row["title"] for row in context["rows"]], ["Malli A", "Malli B"])
        self.assertEqual(context["rows"][1]["detail"], "Arvioijia 1/2, arvioita 0")
        names = {
            user: [panel.name for panel in dashboard_panels.dashboard_panels(user, NOW)]
            for user in (self.editor, self.evaluator, self.uusimaa)
        }
        self.assertEqual(names[self.editor], ["waiting-for-evaluators", "overdue-evaluations", "ready-for-decision"])
        self.assertEqual(names[self.evaluator], ["assigned-evaluations", "my-overdue-evaluations"])
        self.assertEqual(names[self.uusimaa], [])
        panel = new_proposals_panel(self.uusimaa, new_proposals(self.uusimaa))
        self.assertEqual((panel.name, str(panel.heading)), ("new-proposals", "Uudet ehdotukset alueiltasi"))

    def dashboard_for(self, user) -> str:
        client = Client()
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_editors_see_all_four_lists_with_counts_and_links(self):
        html = self.dashboard_for(self.editor)
        self.assertIn("Uudet ehdotukset (1)", html)
        self.assertIn(reverse("proposals_admin:detail", args=[self.a.pk]), html)
        self.assertIn("Mallit, jotka odottavat arvioijia (2)", html)
        self.assertIn("Arvioijia 1/2, arvioita 0", html)
        self.assertIn("Myöhässä olevat arvioinnit (1)", html)
        self.assertIn("Mallit, jotka odottavat julkaisupäätöstä (1)", html)
        self.assertIn(reverse("wagtailadmin_pages:edit", args=[self.page_c.pk]), html)
        self.assertNotIn("Sinulle osoitetut arvioinnit", html)

    def test_empty_lists_say_so(self):
        Proposal.objects.update(status=Proposal.Status.REJECTED)
        html = self.dashboard_for(self.admin)
        self.assertIn("Uudet ehdotukset (0)", html)
        self.assertIn("Ei uusia ehdotuksia.", html)

    def test_evaluators_see_only_their_own_items(self):
        html = self.dashboard_for(self.evaluator)
        self.assertIn("Sinulle osoitetut arvioinnit (2)", html)
        self.assertIn(reverse("evaluation_admin:evaluate", args=[self.page_b.pk]), html)
        self.assertIn("Myöhässä olevat arviointisi (1)", html)
        self.assertNotIn("Uudet ehdotukset", html)
        self.assertNotIn("odottavat julkaisupäätöstä", html)
        self.assertNotIn("Myöhässä olevat arvioinnit (", html)
        html = self.dashboard_for(self.evaluator2)
        self.assertIn("Sinulla ei ole avoimia arviointeja.", html)

    def test_regional_workers_see_new_proposals_of_their_regions(self):
        html = self.dashboard_for(self.uusimaa)
        self.assertIn("Uudet ehdotukset alueiltasi (1)", html)
        self.assertIn(reverse("proposals_admin:detail", args=[self.a.pk]), html)
        self.assertNotIn("odottavat arvioijia", html)
        html = self.dashboard_for(self.lappi)
        self.assertIn("Uudet ehdotukset alueiltasi (0)", html)
        self.assertNotIn(reverse("proposals_admin:detail", args=[self.a.pk]), html)

    def our_panels(self, user) -> list[DashboardListPanel]:
        """The panels the apps add to the dashboard (evaluation's and proposals'), through Wagtail's hook."""
        request = RequestFactory().get(reverse("wagtailadmin_home"))
        request.user = user
        panels = []
        for add_panels in hooks.get_hooks("construct_homepage_panels"):
            add_panels(request, panels)
        return [panel for panel in panels if isinstance(panel, DashboardListPanel)]

    def render_panels(self, user) -> tuple[str, int]:
        # Wagtail's own dashboard panels have their own per-row queries; count ours only.
        with CaptureQueriesContext(connection) as queries:
            html = "".join(panel.render_html({}) for panel in self.our_panels(user))
        return html, len(queries)

    def test_the_panels_query_count_does_not_grow_with_rows(self):
        self.render_panels(self.editor)  # permissions and content types are cached after this
        _html, before = self.render_panels(self.editor)
        for number in range(3):
            page = propose(f"Lisämalli {number}", "FI-10").practice.specific
            assign(page, self.editor, self.evaluator, days_ago=45)
        propose("Vielä yksi", "FI-18")
        html, after = self.render_panels(self.editor)
        self.assertIn("Myöhässä olevat arvioinnit (4)", html)
        self.assertEqual(after, before)
        self.assertLessEqual(after, 12)
