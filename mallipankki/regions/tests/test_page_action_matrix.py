"""Each role × every Wagtail page action and admin page listing, on practices of Uusimaa.

The actions are asked of four practices of Uusimaa: `review`, a draft in the
"Arviointi" task of its workflow (the issue's reproduction); `draft`, a
draft outside the workflow; `live`, a published practice; `locked`, a draft
locked by an editor. Each state-changing action is POSTed (the test client
does not enforce CSRF, as Django's own tests do not) inside a savepoint that
is rolled back afterwards, and the data is checked before the rollback.

Outcomes: done = the data changed (the page was deleted, moved, copied,
unpublished, locked, unlocked or reordered); otherwise ok = 200; redirect =
302 elsewhere than the dashboard; denied = the admin's "no permission"
page (403, core.admin_denied); login = redirected to the admin
login. For the listings: shown /
hidden = 200 and the title of the practice in the workflow is / is not in
the response.
"""

from datetime import timedelta

from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation import services
from mallipankki.evaluation.workflow import start_workflow
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeFactory, PracticeIndexPageFactory, PracticeRecordFactory
from mallipankki.practices.interchange import VocabularyIndex
from mallipankki.practices.models import PracticePage
from mallipankki.regions.factories import RegionalWorkerFactory

ROLES = [
    "editor",  # Toimittajat
    "evaluator",  # Arvioijat, assigned to the practice in the workflow
    "regional",  # Aluetyöntekijät of Uusimaa, the practices' region
    "regional_other",  # Aluetyöntekijät of Lappi
    "regional_none",  # Aluetyöntekijät, a record with no regions
    "admin",  # Ylläpitäjät
    "no_role",  # logged in, in no group
]

TITLES = {"review": "Rannikon malli", "draft": "Saaristomalli", "live": "Kaupunkimalli", "locked": "Lukittu malli"}

# action: expected outcome per role, in ROLES order.
ACTIONS = {
    "edit review": "ok ok ok denied denied ok login",
    "edit draft": "ok denied ok denied denied ok login",
    "delete review (GET)": "ok denied denied denied denied ok login",
    "delete review": "done denied denied denied denied done login",
    "delete draft": "done denied done denied denied done login",
    "delete live": "done denied denied denied denied done login",
    "bulk delete review": "done redirect redirect redirect redirect done login",
    "move review (GET)": "ok denied denied denied denied ok login",
    "move draft (GET)": "ok denied ok denied denied ok login",
    "move review": "done denied denied denied denied done login",
    "move draft": "done denied done denied denied done login",
    "copy review (GET)": "ok ok ok denied denied ok login",
    "copy draft": "done denied done denied denied done login",
    "unpublish live (GET)": "ok denied denied denied denied ok login",
    "unpublish live": "done denied denied denied denied done login",
    "lock draft": "done denied denied denied denied done login",
    "unlock locked": "done denied denied denied denied done login",
    "reorder draft": "done denied denied denied denied done login",
    "privacy of live": "ok denied denied denied denied ok login",
    "history of review": "ok denied ok denied denied ok login",
    "revision of review": "ok denied ok denied denied ok login",
    "compare revisions of review": "ok denied ok denied denied ok login",
    "revert review": "ok ok ok denied denied ok login",
    "preview review": "ok ok ok denied denied ok login",
    "workflow history of review": "ok ok ok denied denied ok login",
    "usage of review": "ok denied ok denied denied ok login",
}

# listing: expected outcome per role, in ROLES order, about the practice in the workflow
# (the locked pages report: about the locked practice; aging pages and the last chooser row:
# about the live one).
LISTINGS = {
    "explorer": "shown denied shown hidden hidden shown login",
    "explorer search": "shown denied shown hidden hidden shown login",
    "admin search": "shown denied shown hidden hidden shown login",
    "pages of a type": "shown denied shown hidden hidden shown login",
    "sidebar explorer (admin API)": "shown 400 shown hidden hidden shown login",
    "page chooser": "shown shown shown hidden hidden shown login",
    "page chooser search": "shown shown shown hidden hidden shown login",
    # Published practices stay choosable (a builds-on link may name one of another region).
    "page chooser: a published practice": "shown shown shown shown shown shown login",
    "report: site history": "shown hidden shown hidden hidden shown login",
    "report: workflows": "shown denied shown hidden hidden shown login",
    "report: workflow tasks": "shown denied shown hidden hidden shown login",
    "report: locked pages": "shown denied denied denied denied shown login",
    "report: aging pages": "shown denied hidden hidden hidden shown login",
    "report: page types usage": "shown denied shown hidden hidden shown login",
}


class PageActionMatrixTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = DefaultSiteFactory().root_page
        cls.index = PracticeIndexPageFactory(parent=home)
        cls.other_index = PracticeIndexPageFactory(parent=home, title="Arkisto", slug="arkisto")
        vocabularies = VocabularyIndex()

        def practice(key, status):
            record = PracticeRecordFactory(name={"fi": TITLES[key]}, regions=["FI-18"], status=status)
            return PracticeFactory(parent=cls.index, record=record, vocabularies=vocabularies)

        cls.users = {
            "editor": UserFactory(username="toimittaja", role=permissions.EDITORS),
            "evaluator": UserFactory(username="arvioija", role=permissions.EVALUATORS),
            "regional": RegionalWorkerFactory(user__username="uusimaalainen", regions=["FI-18"]).user,
            "regional_other": RegionalWorkerFactory(user__username="lappilainen", regions=["FI-10"]).user,
            "regional_none": RegionalWorkerFactory(user__username="alueeton").user,
            "admin": UserFactory(username="yllapitaja", role=permissions.ADMINS),
            "no_role": UserFactory(username="tavallinen"),
        }
        cls.pages = {key: practice(key, "published" if key == "live" else "draft") for key in TITLES}
        review = cls.pages["review"]
        start_workflow(review, user=cls.users["editor"])
        services.set_assignments(review, [cls.users["evaluator"]], cls.users["editor"])
        review.refresh_from_db()
        review.save_revision(user=cls.users["editor"])  # a second revision to compare with
        # The practice in the workflow is the last edited practice (the page types report names it).
        PracticePage.objects.filter(pk=review.pk).update(latest_revision_created_at=timezone.now() + timedelta(hours=1))
        Page.objects.filter(pk=cls.pages["locked"].pk).update(locked=True, locked_by=cls.users["editor"])
        assert review.current_workflow_task.name == "Arviointi"

    # --- the data ------------------------------------------------------------------------

    def page(self, key):
        return Page.objects.filter(pk=self.pages[key].pk).first()

    def exists(self, key):
        return self.page(key) is not None

    def parent_pk(self, key):
        return self.page(key).get_parent().pk

    def copies(self):
        return Page.objects.filter(slug="kopio").count()

    def actions(self) -> dict:
        """action: (method, url, data, check); check() is the data the action would change."""
        p = {key: page.pk for key, page in self.pages.items()}
        revisions = list(self.pages["review"].revisions.order_by("pk").values_list("pk", flat=True))

        def page_url(name, key, *extra):
            return reverse(f"wagtailadmin_pages:{name}", args=[p[key], *extra])

        move_to_other = reverse("wagtailadmin_pages:move_confirm", args=[p["review"], self.other_index.pk])
        copy_data = {"new_title": "Kopio", "new_slug": "kopio", "new_parent_page": self.index.pk}
        bulk_delete = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        return {
            "edit review": ("get", page_url("edit", "review"), None, None),
            "edit draft": ("get", page_url("edit", "draft"), None, None),
            "delete review (GET)": ("get", page_url("delete", "review"), None, lambda: self.exists("review")),
            "delete review": ("post", page_url("delete", "review"), {}, lambda: self.exists("review")),
            "delete draft": ("post", page_url("delete", "draft"), {}, lambda: self.exists("draft")),
            "delete live": ("post", page_url("delete", "live"), {}, lambda: self.exists("live")),
            "bulk delete review": (
                "post",
                f"{bulk_delete}?id={p['review']}",
                {},
                lambda: self.exists("review"),
            ),
            "move review (GET)": ("get", page_url("move", "review"), None, lambda: self.parent_pk("review")),
            "move draft (GET)": ("get", page_url("move", "draft"), None, lambda: self.parent_pk("draft")),
            "move review": ("post", move_to_other, {}, lambda: self.parent_pk("review")),
            "move draft": (
                "post",
                reverse("wagtailadmin_pages:move_confirm", args=[p["draft"], self.other_index.pk]),
                {},
                lambda: self.parent_pk("draft"),
            ),
            "copy review (GET)": ("get", page_url("copy", "review"), None, self.copies),
            "copy draft": ("post", page_url("copy", "draft"), copy_data, self.copies),
            "unpublish live (GET)": ("get", page_url("unpublish", "live"), None, lambda: self.page("live").live),
            "unpublish live": ("post", page_url("unpublish", "live"), {}, lambda: self.page("live").live),
            "lock draft": ("post", page_url("lock", "draft"), {}, lambda: self.page("draft").locked),
            "unlock locked": ("post", page_url("unlock", "locked"), {}, lambda: self.page("locked").locked),
            "reorder draft": (
                "post",
                page_url("set_page_position", "draft") + "?position=0",
                {},
                lambda: list(self.index.get_children().values_list("pk", flat=True)),
            ),
            "privacy of live": ("get", page_url("set_privacy", "live"), None, None),
            "history of review": ("get", page_url("history", "review"), None, None),
            "revision of review": ("get", page_url("revisions_view", "review", revisions[0]), None, None),
            "compare revisions of review": (
                "get",
                page_url("revisions_compare", "review", revisions[0], revisions[-1]),
                None,
                None,
            ),
            "revert review": ("get", page_url("revisions_revert", "review", revisions[0]), None, None),
            "preview review": ("get", page_url("view_draft", "review"), None, None),
            "workflow history of review": ("get", page_url("workflow_history", "review"), None, None),
            "usage of review": ("get", page_url("usage", "review"), None, None),
        }

    def listings(self) -> dict:
        # Searched for a word of the title: the whole title would be echoed in the search box.
        word = "Rannikon"
        index = self.index.pk
        return {
            "explorer": reverse("wagtailadmin_explore", args=[index]),
            "explorer search": reverse("wagtailadmin_explore", args=[index]) + f"?q={word}",
            "admin search": reverse("wagtailadmin_pages:search") + f"?q={word}",
            "pages of a type": reverse("wagtailadmin_pages:type_use", args=["practices", "practicepage"]),
            "sidebar explorer (admin API)": f"/admin/api/main/pages/?child_of={index}&for_explorer=1",
            "page chooser": reverse("wagtailadmin_choose_page_child", args=[index]),
            "page chooser search": reverse("wagtailadmin_choose_page_search") + f"?q={word}",
            "page chooser: a published practice": (reverse("wagtailadmin_choose_page_child", args=[index]), "live"),
            "report: site history": reverse("wagtailadmin_reports:site_history"),
            "report: workflows": reverse("wagtailadmin_reports:workflow"),
            "report: workflow tasks": reverse("wagtailadmin_reports:workflow_tasks"),
            "report: locked pages": (reverse("wagtailadmin_reports:locked_pages"), "locked"),
            "report: aging pages": (reverse("wagtailadmin_reports:aging_pages"), "live"),
            "report: page types usage": reverse("wagtailadmin_reports:page_types_usage"),
        }

    # --- outcomes --------------------------------------------------------------------------

    def outcome(self, response) -> str:
        if response.status_code == 200:
            return "ok"
        if response.status_code == 403:
            return "denied"
        if response.status_code == 302:
            location = response["Location"]
            if location.startswith(reverse("wagtailadmin_login")):
                return "login"
            if location == reverse("wagtailadmin_home"):
                return "denied"
            return "redirect"
        return str(response.status_code)

    def listing_outcome(self, response, key) -> str:
        outcome = self.outcome(response)
        if outcome != "ok":
            return outcome
        return "shown" if TITLES[key] in response.content.decode() else "hidden"

    def client_for(self, role) -> Client:
        client = Client()
        client.force_login(self.users[role])
        return client

    # --- the tests -------------------------------------------------------------------------

    def test_every_action_by_every_role(self):
        actions = self.actions()
        self.assertEqual(set(actions), set(ACTIONS))
        for role_index, role in enumerate(ROLES):
            client = self.client_for(role)
            for action, (method, url, data, check) in actions.items():
                expected = ACTIONS[action].split()[role_index]
                with self.subTest(role=role, action=action):
                    with transaction.atomic():
                        before = check() if check else None
                        response = client.post(url, data) if method == "post" else client.get(url)
                        after = check() if check else None
                        transaction.set_rollback(True)
                    # "done" only when the data changed: a refusal must leave it as it was.
                    actual = "done" if before != after else self.outcome(response)
                    self.assertEqual(actual, expected, f"{role} × {action}")

    def test_every_listing_for_every_role(self):
        listings = self.listings()
        self.assertEqual(set(listings), set(LISTINGS))
        for role_index, role in enumerate(ROLES):
            client = self.client_for(role)
            for listing, url in listings.items():
                url, key = url if isinstance(url, tuple) else (url, "review")
                expected = LISTINGS[listing].split()[role_index]
                with self.subTest(role=role, listing=listing):
                    self.assertEqual(self.listing_outcome(client.get(url), key), expected, f"{role} × {listing}")
