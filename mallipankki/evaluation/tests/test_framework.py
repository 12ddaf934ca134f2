"""The published framework, the badges on practice pages, comparisons and the workflow setup."""

import re

from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import TestCase
from django.urls import reverse
from wagtail.models import TaskState, WorkflowPage

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation import services
from mallipankki.evaluation.factories import PracticeEvaluationSummaryFactory
from mallipankki.evaluation.forms import EvaluationForm
from mallipankki.evaluation.models import (
    Evaluation,
    EvaluationCriterion,
    EvaluationTask,
    PublicationDecisionTask,
    ScaleLevel,
)
from mallipankki.evaluation.tests.test_flow import evaluation_post
from mallipankki.evaluation.workflow import WORKFLOW_NAME, get_workflow, start_workflow
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.practices.interchange import upsert_practice

DEFAULT_CRITERIA = [
    "Mallin kuvauksen selkeys",
    "Tulokset ja niiden näyttö",
    "Kohderyhmän osallisuus kehittämisessä",
    "Yhteistyö työnantajien kanssa",
    "Siirrettävyys muille paikkakunnille",
    "Jatkuvuus hankerahoituksen jälkeen",
    "Kustannukset ja resurssit",
]


def draft_record(slug: str, **overrides) -> dict:
    record = {"id": slug, "name": {"fi": f"Malli {slug}"}, "themes": ["yhteistyo"], "status": "submitted"}
    record.update(overrides)
    return record


def render_badges(page) -> str:
    return Template('{% include "evaluation/includes/practice_badges.html" %}').render(Context({"page": page}))


class FrameworkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = DefaultSiteFactory().root_page
        cls.index = PracticeIndexPageFactory(parent=cls.home)
        cls.criteria = list(EvaluationCriterion.objects.filter(active=True))
        cls.editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
        cls.evaluators = [UserFactory(username=f"arvioija{n}", role=permissions.EVALUATORS) for n in (1, 2, 3)]

    def test_shipped_framework(self):
        self.assertEqual([c.name for c in self.criteria], DEFAULT_CRITERIA)
        for criterion in self.criteria:
            self.assertTrue(all(text for _, text in criterion.scale))
        counts = {scale: ScaleLevel.objects.filter(scale=scale).count() for scale in ScaleLevel.MAXIMUM}
        self.assertEqual(counts, {"evidence": 6, "materials": 4, "training": 3, "fidelity": 4})
        level = ScaleLevel(scale="training", value=3, title="x")
        with self.assertRaises(ValidationError):
            level.full_clean()

    def test_public_framework_page(self):
        response = self.client.get("/arviointi/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertEqual(html.count("<h1"), 1)
        for name in DEFAULT_CRITERIA:
            self.assertIn(name, html)
        for anchor in ('id="naytto"', 'id="valmius"', 'id="kriteerit"'):
            self.assertIn(anchor, html)
        self.assertIn("Nesta", html)
        self.assertIn("Vertailuryhmä osoittaa vaikutuksen", html)
        self.assertIn("Materiaalit (0–3)", html)
        self.assertIn("Koulutus ja tuki (0–2)", html)
        self.assertIn("Mallin mukaisuuden välineet (0–3)", html)
        self.assertNotIn("style=", html)

    def test_admins_edit_the_framework(self):
        criterion = self.criteria[0]
        criterion.name = "Kuvauksen selkeys ja kattavuus"
        criterion.save()
        EvaluationCriterion.objects.filter(pk=self.criteria[-1].pk).update(active=False)
        html = self.client.get("/arviointi/").content.decode()
        self.assertIn("Kuvauksen selkeys ja kattavuus", html)
        self.assertNotIn("Kustannukset ja resurssit", html)

    def test_workflow_is_set_up_and_assigned_to_the_catalogue(self):
        workflow = get_workflow()
        self.assertEqual(workflow.name, WORKFLOW_NAME)
        tasks = [task.specific for task in workflow.tasks]
        self.assertEqual([task.name for task in tasks], ["Arviointi", "Julkaisupäätös"])
        self.assertIsInstance(tasks[0], EvaluationTask)
        self.assertEqual(tasks[0].required_evaluations, 2)
        self.assertIsInstance(tasks[1], PublicationDecisionTask)
        self.assertEqual(list(tasks[1].groups.values_list("name", flat=True)), ["Toimittajat"])
        self.assertEqual(WorkflowPage.objects.get(page=self.index).workflow, workflow)
        # Regional workers got their page permissions on the new catalogue.
        regional = UserFactory(username="alue", role=permissions.REGIONAL_WORKERS)
        self.assertTrue(self.index.permissions_for_user(regional).can_add_subpage())

    def test_task_behaviour_for_each_role(self):
        page, _ = upsert_practice(self.index, draft_record("tehtava"))
        start_workflow(page)
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        task = task_state.task.specific
        first, second, outsider = self.evaluators
        services.set_assignments(page, [first, second], self.editor)

        self.assertEqual([name for name, *_ in task.get_actions(page, first)], ["evaluate"])
        self.assertEqual([name for name, *_ in task.get_actions(page, self.editor)], ["reject"])
        self.assertEqual(task.get_actions(page, outsider), [])
        self.assertTrue(task.user_can_access_editor(page, first))
        self.assertFalse(task.user_can_access_editor(page, outsider))
        self.assertTrue(task.locked_for_user(page, first))
        self.assertFalse(task.locked_for_user(page, self.editor))
        self.assertEqual(task.get_template_for_action("reject"), "evaluation/admin/reject_modal.html")
        self.assertEqual(
            task.on_action(task_state, first, "evaluate"), reverse("evaluation_admin:evaluate", args=[page.pk])
        )
        self.assertIn(task_state, TaskState.objects.reviewable_by(first))
        self.assertIn(task_state, TaskState.objects.reviewable_by(self.editor))
        self.assertNotIn(task_state, TaskState.objects.reviewable_by(outsider))

        form = EvaluationForm(evaluation_post(self.criteria), criteria=self.criteria)
        self.assertTrue(form.is_valid(), form.errors)
        services.submit_evaluation(page, first, form, task_state=task_state)
        # Once evaluated, the evaluator's to-do entry and action disappear.
        self.assertNotIn(task_state, TaskState.objects.reviewable_by(first))
        self.assertEqual(task.get_actions(page, first), [])

    def test_evaluations_are_never_changed(self):
        page, _ = upsert_practice(self.index, draft_record("muuttumaton"))
        form = EvaluationForm(evaluation_post(self.criteria), criteria=self.criteria)
        self.assertTrue(form.is_valid())
        evaluation = services.submit_evaluation(page, self.evaluators[0], form)
        evaluation.summary = "Muutettu"
        with self.assertRaises(ValidationError):
            evaluation.save()

    def test_evaluation_form_needs_a_score_and_reason_for_every_criterion(self):
        data = evaluation_post(self.criteria)
        del data[f"reason_{self.criteria[0].pk}"]
        data[f"score_{self.criteria[1].pk}"] = "4"
        data["readiness_training"] = "3"
        form = EvaluationForm(data, criteria=self.criteria)
        self.assertFalse(form.is_valid())
        self.assertEqual(
            set(form.errors),
            {f"reason_{self.criteria[0].pk}", f"score_{self.criteria[1].pk}", "readiness_training"},
        )

    def test_comparison_means_spread_and_disagreement(self):
        page, _ = upsert_practice(self.index, draft_record("vertailu"))
        scores = [0, 2, 3]
        for evaluator, score in zip(self.evaluators, scores, strict=True):
            data = evaluation_post(self.criteria, score=score, evidence_level=str(score))
            data[f"score_{self.criteria[0].pk}"] = "1"  # everyone agrees on the first criterion
            form = EvaluationForm(data, criteria=self.criteria)
            self.assertTrue(form.is_valid())
            services.submit_evaluation(page, evaluator, form)
        comparison = services.compare(page)
        self.assertEqual(len(comparison.evaluations), 3)
        first, second = comparison.criteria_rows[:2]
        self.assertEqual((first.mean, first.spread, first.disagreement), (1, 0, False))
        self.assertEqual((second.mean, second.spread, second.disagreement), (1.7, 3, True))
        evidence = comparison.axis_rows[0]
        self.assertEqual((evidence.values, evidence.disagreement), ([0, 2, 3], True))
        self.assertEqual(services.median_low([0, 2, 3]), 2)
        self.assertEqual(services.median_low([1, 3]), 1)

        self.client.force_login(self.editor)
        response = self.client.get(reverse("evaluation_admin:practice", args=[page.pk]))
        self.assertContains(response, "erimielisyys")
        self.assertContains(response, "evaluation-disagreement")
        # The evidence level suggestion is the evaluators' lower median.
        self.assertRegex(response.content.decode(), r'<option value="2" selected>')

    def test_badges_for_a_never_evaluated_practice(self):
        page, _ = upsert_practice(self.index, draft_record("arvioimaton"))
        html = render_badges(page)
        self.assertIn("Mallia ei ole vielä arvioitu.", html)
        self.assertIn('href="/arviointi/"', html)
        self.assertNotIn("evaluation-badge", html)

    def test_badges_for_an_evaluated_practice(self):
        page, _ = upsert_practice(
            self.index,
            draft_record(
                "arvioitu",
                status="published",
                evidence={"level": 3},
                readiness={"materials": 2, "training": 1, "fidelity": 3},
            ),
        )
        PracticeEvaluationSummaryFactory(
            practice=page,
            summary="Vahva malli.\nSeurattu kolme vuotta.",
            next_evidence_step="Riippumaton arviointi.",
            evaluated_on="2025-02-03",
        )
        html = render_badges(page)
        self.assertNotIn("Mallia ei ole vielä arvioitu", html)
        self.assertRegex(html, r'href="/arviointi/#naytto"[\s\S]*3/5')
        self.assertRegex(html, r'href="/arviointi/#valmius"[\s\S]*6/8')
        self.assertIn("Vertailuryhmä osoittaa vaikutuksen", html)  # the level's name, for screen readers
        self.assertIn("<p>Vahva malli.<br>Seurattu kolme vuotta.</p>", html)
        self.assertIn("Riippumaton arviointi.", html)
        self.assertIn('<time datetime="2025-02-03">3.2.2025</time>', html)
        self.assertFalse(re.search(r"style=", html))

    def test_badges_escape_editor_text(self):
        page, _ = upsert_practice(self.index, draft_record("escape", evidence={"level": 1}))
        PracticeEvaluationSummaryFactory(practice=page, summary="<script>alert(1)</script>")
        self.assertIn("&lt;script&gt;", render_badges(page))

    def test_assigning_evaluators_emails_them_and_keeps_those_who_evaluated(self):
        page, _ = upsert_practice(self.index, draft_record("osoitus"))
        start_workflow(page)
        page.refresh_from_db()
        first, second, third = self.evaluators
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            added, removed = services.set_assignments(page, [first, second], self.editor)
        self.assertEqual((len(added), len(removed), len(callbacks)), (2, 0, 2))
        form = EvaluationForm(evaluation_post(self.criteria), criteria=self.criteria)
        form.is_valid()
        services.submit_evaluation(page, first, form, task_state=page.current_workflow_task_state)
        added, removed = services.set_assignments(page, [third], self.editor)
        self.assertEqual(([u.pk for u in added], [u.pk for u in removed]), ([third.pk], [second.pk]))
        self.assertEqual(sorted(a.evaluator_id for a in services.assignments_for(page)), sorted([first.pk, third.pk]))

    def test_evaluator_dashboard_lists_what_is_assigned(self):
        page, _ = upsert_practice(self.index, draft_record("kojelauta"))
        start_workflow(page)
        page.refresh_from_db()
        services.set_assignments(page, [self.evaluators[0]], self.editor)
        self.client.force_login(self.evaluators[0])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Sinulle osoitetut arvioinnit")
        self.assertContains(response, reverse("evaluation_admin:evaluate", args=[page.pk]))
        response = self.client.get(reverse("evaluation_admin:evaluate", args=[page.pk]))
        self.assertContains(response, "Malli kojelauta")
        for criterion in self.criteria:
            self.assertContains(response, criterion.name)
        self.assertFalse(Evaluation.objects.exists())
