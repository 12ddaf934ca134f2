"""A proposal becomes a complete practice: slug, contact, builds-on, chosen PDFs, privacy."""

import io
import json
import shutil
import tempfile

from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse

from mallipankki.continuity.models import ContinuityReminder
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation.models import EvaluationCriterion
from mallipankki.evaluation.tests.test_flow import evaluation_post
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeFactory, PracticeIndexPageFactory
from mallipankki.practices.interchange import practice_to_record
from mallipankki.practices.models import BuildsOnLink, PracticePage
from mallipankki.privacy import personal_data
from mallipankki.proposals import services
from mallipankki.proposals.forms import ProposalForm
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import PrivateFilesMixin, pdf_upload, proposal_data


class MediaMixin:
    """Published documents go to a temporary MEDIA_ROOT for the test class."""

    @classmethod
    def setUpClass(cls):
        cls._media_dir = tempfile.mkdtemp(prefix="mallipankki-media-")
        cls._media_override = override_settings(MEDIA_ROOT=cls._media_dir)
        cls._media_override.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls._media_override.disable()
        shutil.rmtree(cls._media_dir, ignore_errors=True)


class Site(PrivateFilesMixin, MediaMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = DefaultSiteFactory().root_page
        cls.index = PracticeIndexPageFactory(parent=cls.home)
        cls.original = PracticeFactory(
            parent=cls.index,
            record={"id": "tyohonvalmennus", "name": {"fi": "Työhönvalmennus"}, "themes": ["yhteistyo"]},
        )
        cls.other = PracticeFactory(
            parent=cls.index, record={"id": "mentorointi", "name": {"fi": "Mentorointi"}, "themes": ["yhteistyo"]}
        )
        cls.draft = PracticeFactory(
            parent=cls.index,
            record={
                "id": "salainen-luonnos",
                "name": {"fi": "Salainen luonnos"},
                "themes": ["yhteistyo"],
                "status": "draft",
            },
        )
        cls.editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
        cls.evaluators = [
            UserFactory(username="arvioija", role=permissions.EVALUATORS),
            UserFactory(username="arvioija2", role=permissions.EVALUATORS),
        ]

    def propose(self, files=None, **overrides):
        data = proposal_data(**overrides)
        data["attachments"] = files if files is not None else [pdf_upload("Käsikirja.pdf")]
        response = self.client.post(reverse("proposals:propose"), data)
        errors = response.context.get("errors") if response.context else None
        self.assertEqual(response.status_code, 302, errors)
        return Proposal.objects.order_by("-pk").first()

    def evaluate_and_approve(self, page):
        criteria = list(EvaluationCriterion.objects.filter(active=True))
        self.client.force_login(self.editor)
        self.client.post(
            reverse("evaluation_admin:practice", args=[page.pk]),
            {"assign": "1", "assign-evaluators": [user.pk for user in self.evaluators]},
        )
        for evaluator in self.evaluators:
            self.client.force_login(evaluator)
            self.client.post(reverse("evaluation_admin:evaluate", args=[page.pk]), evaluation_post(criteria))
        page.refresh_from_db()
        self.client.force_login(self.editor)
        task_state = page.current_workflow_task_state
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {}
            )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        return PracticePage.objects.get(pk=page.pk)


class FormTests(Site):
    def form(self, **overrides):
        return ProposalForm(proposal_data(**overrides))

    def test_builds_on_accepts_a_published_practice_by_name_id_or_address(self):
        for text in (
            "Työhönvalmennus",
            "  työhönvalmennus ",
            "tyohonvalmennus",
            "http://testserver/mallit/tyohonvalmennus/",
        ):
            form = self.form(builds_on1_name=text)
            self.assertTrue(form.is_valid(), (text, form.errors))
            self.assertEqual(form.submission()["builds_on"], ["tyohonvalmennus"])

    def test_builds_on_refuses_a_draft_and_an_unknown_name_with_suggestions(self):
        form = self.form(builds_on1_name="Salainen luonnos")
        self.assertFalse(form.is_valid())
        self.assertIn("ei löytynyt", form.errors["builds_on1_name"][0])
        form = self.form(builds_on1_name="valmennus")
        self.assertFalse(form.is_valid())
        self.assertIn("Tarkoititko: ”Työhönvalmennus”", form.errors["builds_on1_name"][0])

    def test_builds_on_same_practice_twice_and_note_without_practice(self):
        form = self.form(builds_on1_name="Mentorointi", builds_on2_name="mentorointi")
        self.assertFalse(form.is_valid())
        self.assertIn("jo", form.errors["builds_on2_name"][0])
        form = self.form(builds_on_note="Lisäsimme ryhmätapaamiset.")
        self.assertFalse(form.is_valid())
        self.assertIn("builds_on_note", form.errors)

    def test_ambiguous_name_is_resolved_by_the_id_in_brackets(self):
        PracticeFactory(
            parent=self.index, record={"id": "mentorointi-2", "name": {"fi": "Mentorointi"}, "themes": ["yhteistyo"]}
        )
        form = self.form(builds_on1_name="Mentorointi")
        self.assertFalse(form.is_valid())
        self.assertIn("Usealla mallilla", form.errors["builds_on1_name"][0])
        self.assertIn("Mentorointi (mentorointi-2)", form.practice_datalist())
        form = self.form(builds_on1_name="Mentorointi (mentorointi-2)")
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.submission()["builds_on"], ["mentorointi-2"])

    def test_form_page_offers_published_names_only_and_consent_unticked(self):
        response = self.client.get(reverse("proposals:propose"))
        html = response.content.decode()
        self.assertIn('<option value="Työhönvalmennus">', html)
        self.assertNotIn("Salainen luonnos", html)
        self.assertIn('list="julkaistut-mallit"', html)
        self.assertIn("Yhteystietoni saa näyttää mallin sivulla", html)
        self.assertNotIn('name="contact_public" id="id_contact_public" checked', html)
        self.assertIn("Mitä muutitte", html)


class SlugTests(Site):
    def test_slug_from_the_name_with_finnish_letters_and_numbered_clashes(self):
        self.assertEqual(services.unique_slug(self.index, "Työpolku Åland – väylä"), "tyopolku-aland-vayla")
        self.assertEqual(services.unique_slug(self.index, "Työhönvalmennus"), "tyohonvalmennus-2")
        self.assertEqual(services.unique_slug(self.index, "Ωμέγα"), "ehdotus")

    def test_proposed_practices_get_name_slugs_and_existing_pages_keep_theirs(self):
        first = self.propose(name="Työpolku nuorille")
        second = self.propose(name="Työpolku nuorille", files=[])
        self.assertEqual(first.practice.slug, "tyopolku-nuorille")
        self.assertEqual(second.practice.slug, "tyopolku-nuorille-2")
        self.assertNotEqual(first.practice_id, second.practice_id)
        self.original.refresh_from_db()
        self.assertEqual(self.original.slug, "tyohonvalmennus")


class HandOffTests(Site):
    def test_approval_publishes_chosen_pdfs_links_builds_on_and_sets_contact(self):
        proposal = self.propose(
            files=[pdf_upload("Käsikirja.pdf"), pdf_upload("Sisäinen_muistio.pdf")],
            builds_on1_name="Työhönvalmennus",
            builds_on_note="Lisäsimme vertaistuen.",
            contact_public="on",
        )
        page = proposal.practice
        handbook, memo = proposal.attachments.order_by("pk")
        self.assertTrue(handbook.publish and memo.publish)  # checked PDFs default to published

        # The contact is on the draft at once (continuity reminders reach the owner).
        draft = page.specific.get_latest_revision_as_object()
        self.assertEqual(
            (draft.contact_name, draft.contact_email, draft.contact_public),
            ("Maija Meikäläinen", "maija@example.org", True),
        )

        # An evaluator sees the choices but cannot change them; the editor unticks the memo.
        self.client.force_login(self.evaluators[0])
        url = reverse("proposals_admin:attachment_choices", args=[proposal.pk])
        response = self.client.post(url, {"publish": []})
        self.assertEqual(response.status_code, 403)  # the admin's explained refusal
        memo.refresh_from_db()
        self.assertTrue(memo.publish)
        self.client.force_login(self.editor)
        response = self.client.get(reverse("evaluation_admin:practice", args=[page.pk]))
        self.assertContains(response, f'id="publish-attachment-{handbook.pk}" checked')
        response = self.client.post(url, {"publish": [str(handbook.pk)]})
        self.assertRedirects(response, reverse("evaluation_admin:practice", args=[page.pk]))
        memo.refresh_from_db()
        self.assertFalse(memo.publish)

        page = self.evaluate_and_approve(page)
        self.assertTrue(page.live)
        resources = list(page.resources.all())
        self.assertEqual([(r.kind, r.title_fi) for r in resources if r.document_id], [("pdf", "Käsikirja")])
        document = resources[-1].document
        with document.file.open("rb") as handle:
            self.assertTrue(handle.read().startswith(b"%PDF-"))
        memo.refresh_from_db()
        self.assertIsNone(memo.document_id)  # stays private

        [link] = BuildsOnLink.objects.filter(practice=page)
        self.assertEqual((link.target_id, link.adaptation_note), (self.original.pk, "Lisäsimme vertaistuen."))

        html = self.client.get(page.url).content.decode()
        self.assertIn("Materiaalit", html)
        self.assertIn(document.url, html)
        self.assertNotIn("Sisäinen", html)
        self.assertIn("maija@example.org", html)
        self.assertIn(page.title, self.client.get(self.original.url + "sukupuu/").content.decode())
        # The published document is served to anyone.
        self.assertEqual(self.client.get(document.url).status_code, 200)

        # The choices are final once published.
        self.client.force_login(self.editor)
        self.client.post(url, {"publish": [str(handbook.pk), str(memo.pk)]})
        memo.refresh_from_db()
        self.assertFalse(memo.publish)

    def test_evaluators_see_the_choice_but_get_no_form(self):
        proposal = self.propose()
        page = proposal.practice
        self.client.force_login(self.editor)
        self.client.post(
            reverse("evaluation_admin:practice", args=[page.pk]),
            {"assign": "1", "assign-evaluators": [self.evaluators[0].pk]},
        )
        self.client.force_login(self.evaluators[0])
        evaluate = self.client.get(reverse("evaluation_admin:evaluate", args=[page.pk]))
        self.assertContains(evaluate, "Käsikirja.pdf")
        self.assertContains(evaluate, "julkaistaan mallin mukana")
        criteria = list(EvaluationCriterion.objects.filter(active=True))
        self.client.post(reverse("evaluation_admin:evaluate", args=[page.pk]), evaluation_post(criteria))
        response = self.client.get(reverse("evaluation_admin:practice", args=[page.pk]))
        self.assertContains(response, "julkaistaan mallin mukana")
        self.assertNotContains(response, 'name="publish"')

    def test_approval_twice_adds_nothing_twice(self):
        from mallipankki.proposals.approval import hand_over

        proposal = self.propose(builds_on1_name="Mentorointi")
        self.assertTrue(hand_over(proposal))
        self.assertFalse(hand_over(proposal))
        latest = proposal.practice.specific.get_latest_revision_as_object()
        self.assertEqual(len([r for r in latest.resources.all() if r.document_id]), 1)
        self.assertEqual(len(latest.builds_on_links.all()), 1)

    def test_a_builds_on_target_unpublished_meanwhile_is_not_linked(self):
        proposal = self.propose(builds_on1_name="Mentorointi")
        self.other.unpublish()
        page = self.evaluate_and_approve(proposal.practice)
        self.assertFalse(BuildsOnLink.objects.filter(practice=page).exists())

    def test_contact_without_consent_is_private_but_reminded(self):
        proposal = self.propose()
        page = self.evaluate_and_approve(proposal.practice)
        self.assertEqual(page.contact_email, "maija@example.org")
        self.assertFalse(page.contact_public)
        html = self.client.get(page.url).content.decode()
        self.assertNotIn("maija@example.org", html)
        self.assertNotIn("Maija", html)
        detail = self.client.get(f"/api/v1/practices/{page.slug}").json()
        self.assertNotIn("contact", detail)
        export = b"".join(self.client.get("/api/v1/export.json").streaming_content).decode()
        self.assertNotIn("maija@example.org", export)
        # The full export (staff) keeps it, so that an import elsewhere keeps the owner.
        self.assertEqual(practice_to_record(page, include_private=True)["contact"]["email"], "maija@example.org")

        # The decision email tells them they are the contact, not shown publicly.
        [decision] = [m for m in mail.outbox if m.to == ["maija@example.org"] and "julkaistu" in m.subject]
        self.assertIn("Olet mallin yhteyshenkilö", decision.body)
        self.assertIn("eivät näy julkisesti", decision.body)

        # The continuity reminder reaches the owner.
        mail.outbox.clear()
        call_command("send_continuity_reminders", stdout=io.StringIO())
        self.assertEqual(ContinuityReminder.objects.get(practice=page).recipient, "maija@example.org")
        self.assertTrue(any(message.to == ["maija@example.org"] for message in mail.outbox))

    def test_contact_with_consent_is_in_the_page_api_and_export(self):
        proposal = self.propose(contact_public="on")
        page = self.evaluate_and_approve(proposal.practice)
        self.assertIn("maija@example.org", self.client.get(page.url).content.decode())
        detail = self.client.get(f"/api/v1/practices/{page.slug}").json()
        self.assertEqual(detail["contact"]["email"], "maija@example.org")
        export = json.loads(b"".join(self.client.get("/api/v1/export.json").streaming_content))
        [record] = [item for item in export["practices"] if item["id"] == page.slug]
        self.assertEqual(record["contact"]["name"], "Maija Meikäläinen")


class PrivacyTests(Site):
    def test_export_lists_and_erase_clears_the_practice_contact_everywhere(self):
        proposal = self.propose(contact_public="on")
        page = self.evaluate_and_approve(proposal.practice)
        document = personal_data.export("MAIJA@example.org")
        [contact] = document["mallien_yhteystiedot"]
        self.assertEqual((contact["sahkoposti"], contact["naytetaan_julkisesti"]), ("maija@example.org", True))

        erased = personal_data.erase("maija@example.org")
        self.assertEqual(erased.practice_contacts, [page.slug])
        page.refresh_from_db()
        self.assertEqual((page.contact_name, page.contact_email, page.contact_public), ("", "", False))
        self.assertNotIn("maija@example.org", self.client.get(page.url).content.decode())
        for revision in page.revisions.all():
            self.assertNotIn("maija@example.org", json.dumps(revision.content))
        self.assertTrue(page.live)

    def test_erase_keeps_a_contact_an_editor_replaced(self):
        proposal = self.propose()
        page = self.evaluate_and_approve(proposal.practice)
        latest = page.get_latest_revision_as_object()
        latest.contact_name, latest.contact_email = "Uusi Omistaja", "omistaja@example.org"
        latest.save_revision().publish()
        personal_data.erase("maija@example.org")
        page.refresh_from_db()
        self.assertEqual(page.contact_email, "omistaja@example.org")

    def test_erase_of_a_draft_in_review_clears_its_revisions(self):
        proposal = self.propose()
        page = proposal.practice
        personal_data.erase("maija@example.org")
        latest = page.specific.get_latest_revision_as_object()
        self.assertEqual(latest.contact_email, "")
        proposal.refresh_from_db()
        self.assertEqual(proposal.submitter_email, "")

    def test_retention_leaves_the_practice_contact(self):
        import datetime as dt

        from django.utils import timezone

        proposal = self.propose()
        page = self.evaluate_and_approve(proposal.practice)
        personal_data.erase_expired(now=timezone.now() + dt.timedelta(days=400))
        proposal.refresh_from_db()
        page.refresh_from_db()
        self.assertEqual(proposal.submitter_email, "")
        self.assertEqual(page.contact_email, "maija@example.org")
