"""Who may open what: anonymous visitors and each role × public, admin and evaluation views.

Outcomes: ok = 200; login = redirected to the admin login (anonymous, or no
admin access); denied = the Wagtail admin's "no permission" (redirect to the
dashboard with a message); form = redirected to the proposal form.
"""

from django.test import Client, TestCase
from django.urls import reverse

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation import services
from mallipankki.evaluation.forms import EvaluationForm
from mallipankki.evaluation.models import EvaluationCriterion
from mallipankki.evaluation.tests.test_flow import evaluation_post
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import PrivateFilesMixin, pdf_upload, proposal_data
from mallipankki.regions.factories import RegionalWorkerFactory

ROLES = [
    "anonymous",
    "no_role",
    "regional",  # Aluetyöntekijät, Uusimaa: the proposal's region
    "regional_other",  # Aluetyöntekijät, Lappi only
    "evaluator_done",  # Arvioijat, assigned, has submitted an evaluation
    "evaluator_pending",  # Arvioijat, assigned, not yet evaluated
    "evaluator_other",  # Arvioijat, not assigned to this practice
    "editor",
    "admin",
]

# view: expected outcome per role, in ROLES order.
MATRIX = {
    "public: /ehdota/": "ok ok ok ok ok ok ok ok ok",
    "public: /ehdota/kiitos/ (no proposal sent)": "form form form form form form form form form",
    "public: /arviointi/": "ok ok ok ok ok ok ok ok ok",
    "public: draft practice page": "404 404 404 404 404 404 404 404 404",
    "admin: dashboard": "login login ok ok ok ok ok ok ok",
    "admin: edit draft practice": "login login ok denied ok ok denied ok ok",
    "admin: add a practice": "login login ok ok denied denied denied ok ok",
    "admin: users": "login login denied denied denied denied denied denied ok",
    "admin: vocabularies": "login login denied denied denied denied denied denied ok",
    "admin: criteria snippets": "login login denied denied denied denied denied ok ok",
    "evaluation: list": "login login denied denied ok ok ok ok ok",
    "evaluation: compare evaluations": "login login denied denied ok denied denied ok ok",
    "evaluation: score": "login login denied denied ok ok denied denied denied",
    "proposals: list": "login login ok ok denied denied denied ok ok",
    "proposals: detail": "login login ok 404 denied denied denied ok ok",
    "proposals: attachment": "login login ok denied ok ok denied ok ok",
}


class PermissionMatrixTests(PrivateFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = DefaultSiteFactory().root_page
        cls.index = PracticeIndexPageFactory(parent=cls.home)
        cls.users = {
            "no_role": UserFactory(username="tavallinen"),
            "regional": UserFactory(username="aluetyontekija", role=permissions.REGIONAL_WORKERS),
            "regional_other": UserFactory(username="lapintyontekija", role=permissions.REGIONAL_WORKERS),
            "evaluator_done": UserFactory(username="arvioija1", role=permissions.EVALUATORS),
            "evaluator_pending": UserFactory(username="arvioija2", role=permissions.EVALUATORS),
            "evaluator_other": UserFactory(username="arvioija3", role=permissions.EVALUATORS),
            "editor": UserFactory(username="toimittaja", role=permissions.EDITORS),
            "admin": UserFactory(username="yllapitaja", role=permissions.ADMINS),
        }
        RegionalWorkerFactory(user=cls.users["regional"], regions=["FI-18"])
        RegionalWorkerFactory(user=cls.users["regional_other"], regions=["FI-10"])
        response = Client().post(reverse("proposals:propose"), {**proposal_data(), "attachments": [pdf_upload()]})
        assert response.status_code == 302, response.content[:500]
        cls.proposal = Proposal.objects.get()
        cls.page = cls.proposal.practice.specific
        services.set_assignments(
            cls.page, [cls.users["evaluator_done"], cls.users["evaluator_pending"]], cls.users["editor"]
        )
        criteria = list(EvaluationCriterion.objects.filter(active=True))
        form = EvaluationForm(evaluation_post(criteria), criteria=criteria)
        assert form.is_valid(), form.errors
        services.submit_evaluation(
            cls.page, cls.users["evaluator_done"], form, task_state=services.current_evaluation_task_state(cls.page)
        )

    def urls(self) -> dict:
        page, proposal = self.page, self.proposal
        return {
            "public: /ehdota/": reverse("proposals:propose"),
            "public: /ehdota/kiitos/ (no proposal sent)": reverse("proposals:thanks"),
            "public: /arviointi/": reverse("evaluation:framework"),
            "public: draft practice page": "/mallit/" + page.slug + "/",
            "admin: dashboard": reverse("wagtailadmin_home"),
            "admin: edit draft practice": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "admin: add a practice": reverse(
                "wagtailadmin_pages:add", args=["practices", "practicepage", self.index.pk]
            ),
            "admin: users": reverse("wagtailusers_users:index"),
            "admin: vocabularies": reverse("wagtailsnippets_vocabularies_theme:list"),
            "admin: criteria snippets": reverse("wagtailsnippets_evaluation_evaluationcriterion:list"),
            "evaluation: list": reverse("evaluation_admin:index"),
            "evaluation: compare evaluations": reverse("evaluation_admin:practice", args=[page.pk]),
            "evaluation: score": reverse("evaluation_admin:evaluate", args=[page.pk]),
            "proposals: list": reverse("proposals_admin:index"),
            "proposals: detail": reverse("proposals_admin:detail", args=[proposal.pk]),
            "proposals: attachment": reverse("proposals_admin:attachment", args=[proposal.attachments.get().pk]),
        }

    def outcome(self, response) -> str:
        if response.status_code == 200:
            return "ok"
        if response.status_code == 403:
            return "denied"  # the admin's page saying why (core.admin_denied)
        if response.status_code == 302:
            location = response["Location"]
            if location.startswith(reverse("wagtailadmin_login")):
                return "login"
            if location == reverse("wagtailadmin_home"):
                return "denied"
            if location == reverse("proposals:propose"):
                return "form"
            return f"302 {location}"
        return str(response.status_code)

    def test_matrix(self):
        urls = self.urls()
        self.assertEqual(set(urls), set(MATRIX))
        found = {}
        for role_index, role in enumerate(ROLES):
            client = Client()
            if role != "anonymous":
                client.force_login(self.users[role])
            for view, expected_row in MATRIX.items():
                expected = expected_row.split()[role_index]
                with self.subTest(role=role, view=view):
                    actual = self.outcome(client.get(urls[view]))
                    found[(role, view)] = actual
                    self.assertEqual(actual, expected, f"{role} × {view}")
        # Nothing above published anything.
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)

    def test_regional_workers_list_only_their_regions_proposals(self):
        for role, listed in (("regional", True), ("regional_other", False), ("editor", True), ("admin", True)):
            with self.subTest(role=role):
                client = Client()
                client.force_login(self.users[role])
                response = client.get(reverse("proposals_admin:index"))
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.proposal.reference in response.content.decode(), listed)

    def test_evaluators_list_only_the_practices_assigned_to_them(self):
        for role, listed in (
            ("evaluator_done", True),
            ("evaluator_pending", True),
            ("evaluator_other", False),
            ("editor", True),
            ("admin", True),
        ):
            with self.subTest(role=role):
                client = Client()
                client.force_login(self.users[role])
                response = client.get(reverse("evaluation_admin:index"))
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.page.title in response.content.decode(), listed)

    def test_evaluators_do_not_see_scores_before_their_own(self):
        client = Client()
        client.force_login(self.users["evaluator_pending"])
        self.assertEqual(self.outcome(client.get(reverse("evaluation_admin:practice", args=[self.page.pk]))), "denied")
        # Their scoring page does not show the other evaluator's reasons or summary either.
        response = client.get(reverse("evaluation_admin:evaluate", args=[self.page.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Lupaava malli, tuloksista on seurantatietoa.")
        self.assertNotContains(response, "Perustelu kriteerille")

    def test_roles_exist_with_the_agreed_names(self):
        from django.contrib.auth.models import Group

        names = set(Group.objects.values_list("name", flat=True))
        self.assertTrue({"Toimittajat", "Arvioijat", "Aluetyöntekijät", "Ylläpitäjät"} <= names)
        self.assertTrue(self.users["editor"].has_perm(permissions.MANAGE_PERMISSION))
        self.assertFalse(self.users["evaluator_done"].has_perm(permissions.MANAGE_PERMISSION))
        self.assertTrue(self.users["evaluator_done"].has_perm(permissions.EVALUATE_PERMISSION))
        self.assertTrue(self.users["admin"].has_perm("auth.change_user"))
        self.assertTrue(self.users["admin"].has_perm("vocabularies.change_theme"))
        self.assertFalse(self.users["editor"].has_perm("auth.change_user"))
        # Publishing: editors and admins may, evaluators and regional workers may not.
        for role, can_publish in (("editor", True), ("admin", True), ("regional", False), ("evaluator_done", False)):
            with self.subTest(role=role):
                self.assertEqual(self.page.permissions_for_user(self.users[role]).can_publish(), can_publish)
        self.assertTrue(self.page.permissions_for_user(self.users["regional"]).can_edit())
