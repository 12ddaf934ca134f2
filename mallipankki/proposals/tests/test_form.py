"""The public proposal form: validation, files, spam protection, privacy."""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.test import RequestFactory, TestCase
from django.urls import reverse

from mallipankki.core import public_forms
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.proposals import services
from mallipankki.proposals.forms import MAX_FILE_SIZE, ProposalForm
from mallipankki.proposals.models import Proposal, ProposalAttachment
from mallipankki.proposals.tests.helpers import PrivateFilesMixin, pdf_upload, proposal_data
from mallipankki.proposals.tests.pdfs import HTML, SVG, minimal_pdf, zip_bytes

URL = "/ehdota/"


class ProposalFormTests(PrivateFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = DefaultSiteFactory().root_page
        cls.index = PracticeIndexPageFactory(parent=cls.home)

    def post(self, data=None, files=None, **extra):
        payload = proposal_data() if data is None else data
        if files is not None:
            payload = {**payload, "attachments": files}
        return self.client.post(URL, payload, **extra)

    def test_url_name_and_empty_form(self):
        self.assertEqual(reverse("proposals:propose"), URL)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        for label in (
            "Mallin nimi",
            "Tiivistelmä",
            "Teemat",
            "Kohderyhmät",
            "Maat",
            "Maakunnat",
            "Organisaatio 1",
            "Rahoitusohjelma",
            "Hankekoodi",
            "Linkki 1",
            "Liitteet (PDF)",
            "Mitä mallilla on saavutettu",
            "Kuka jatkaa toimintaa hankkeen jälkeen",
            "Nimesi",
            "Organisaatiosi",
            "Sähköpostiosoitteesi",
        ):
            self.assertIn(label, html)
        self.assertIn('href="/tietosuoja/"', html)
        self.assertIn('enctype="multipart/form-data"', html)
        self.assertIn('<input type="checkbox" name="countries" value="FI" id="id_countries_0" checked>', html)
        # Strict CSP: no style attributes, no inline scripts (files from 'self' only).
        self.assertNotIn("style=", html)
        for script in re.findall(r"<script[^>]*>", html):
            self.assertIn(" src=", script)
        self.assertNotIn("error-summary", html)
        self.assertIn("no-store", response["Cache-Control"])

    def test_missing_consent_is_explained_next_to_the_field_and_typed_values_stay(self):
        response = self.post(proposal_data(consent=None, name="Oma <malli> & nimi"))
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Hyväksy tietosuojaseloste, jotta voimme käsitellä ehdotuksen.", html)
        self.assertIn('id="id_consent_error"', html)
        self.assertRegex(
            html,
            r'<input[^>]*aria-describedby="id_consent_error"[^>]*aria-invalid="true"|'
            r'<input[^>]*aria-invalid="true"[^>]*aria-describedby="id_consent_error"',
        )
        # Summary at the top: focusable, linking to the field.
        self.assertIn('class="error-summary" id="virheet" tabindex="-1" autofocus', html)
        self.assertIn('href="#id_consent"', html)
        self.assertIn("<title>Virhe: Ehdota mallia", html)
        # What was typed is kept (escaped), choices too.
        self.assertIn('value="Oma &lt;malli&gt; &amp; nimi"', html)
        self.assertIn('value="yhteistyo" id="id_themes_0" checked', html)
        self.assertIn("Kahdeksankymmentä osallistujaa", html)
        self.assertFalse(Proposal.objects.exists())

    def test_every_required_field_has_its_own_message(self):
        response = self.post({"website": ""})
        html = response.content.decode()
        for message in (
            "Kirjoita mallin nimi.",
            "Kirjoita mallista lyhyt tiivistelmä.",
            "Kuvaa, miten malli toimii.",
            "Valitse vähintään yksi teema.",
            "Kerro, mitä mallilla on saavutettu.",
            "Kirjoita nimesi.",
            "Kirjoita sähköpostiosoitteesi.",
            "Hyväksy tietosuojaseloste",
        ):
            self.assertIn(message, html)
        self.assertIn("Lomakkeessa on 8 virhettä", html)
        self.assertIn('href="#id_themes_0"', html)  # a checkbox group links to its first box
        self.assertIn('aria-describedby="id_themes_help id_themes_error"', html)  # on the fieldset

    def test_row_and_format_errors(self):
        response = self.post(
            proposal_data(
                submitter_email="maija(at)example.org",
                org1_role="",
                org2_url="https://kumppani.fi",
                funding1_start="2024-05-01",
                funding1_end="2024-01-01",
                funding2_project_code="X1",
                link2_title="Ilman osoitetta",
                link3_url="javascript:alert(1)",
                themes=["ei-tallaista"],
            )
        )
        html = response.content.decode()
        for message in (
            "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.",
            "Valitse organisaation rooli.",
            "Kirjoita organisaation nimi tai tyhjennä rivi.",
            "Päättymispäivä on ennen alkamispäivää.",
            "Kirjoita rahoitusohjelma tai tyhjennä rivi.",
            "Kirjoita linkin osoite tai tyhjennä rivi.",
            "Kirjoita verkko-osoite muodossa https://esimerkki.fi.",
            "Valitse teemat luettelosta.",
        ):
            self.assertIn(message, html)

    def test_fake_pdfs_are_rejected_by_content(self):
        for name, data in (("sivu.pdf", HTML), ("kuva.pdf", SVG), ("paketti.pdf", zip_bytes())):
            with self.subTest(name=name):
                response = self.post(files=[pdf_upload(name, data)])
                self.assertContains(response, f"Tiedosto {name} ei ole PDF-tiedosto. Liitä vain PDF-tiedostoja.")
        self.assertFalse(Proposal.objects.exists())
        self.assertFalse(ProposalAttachment.objects.exists())

    def test_oversize_file_is_rejected(self):
        big = minimal_pdf(padding=MAX_FILE_SIZE)  # a valid PDF, just too large
        response = self.post(files=[pdf_upload("iso.pdf", big)])
        self.assertContains(response, "Tiedosto iso.pdf on liian suuri: enintään 10 Mt.")
        self.assertFalse(Proposal.objects.exists())

    def test_at_most_five_files(self):
        # The request stops at the sixth file (DATA_UPLOAD_MAX_NUMBER_FILES, see test_uploads.py) ...
        response = self.post(files=[pdf_upload(f"liite{n}.pdf") for n in range(6)])
        self.assertContains(response, "Voit liittää enintään 5 tiedostoa.", status_code=413)
        self.assertFalse(Proposal.objects.exists())
        # ... and the form says the same if more ever get through.
        form = ProposalForm(proposal_data(), {"attachments": [pdf_upload(f"liite{n}.pdf") for n in range(6)]})
        self.assertIn("Voit liittää enintään 5 tiedostoa; valitsit 6.", form.errors["attachments"])

    def test_files_must_be_chosen_again_after_errors(self):
        response = self.post(proposal_data(name=""), files=[pdf_upload()])
        self.assertContains(response, "Valitse liitteet uudelleen")

    def test_valid_proposal_with_five_pdfs_stores_them_privately(self):
        response = self.post(files=[pdf_upload(f"liite {n}.pdf") for n in range(5)])
        self.assertRedirects(response, reverse("proposals:thanks"), fetch_redirect_response=False)
        proposal = Proposal.objects.get()
        attachments = list(proposal.attachments.all())
        self.assertEqual([a.original_name for a in attachments], [f"liite {n}.pdf" for n in range(5)])
        media_root = Path(settings.MEDIA_ROOT).resolve()
        for attachment in attachments:
            path = Path(attachment.file.path).resolve()
            self.assertTrue(path.exists())
            self.assertNotIn(media_root, path.parents)  # never under the served media directory
            self.assertNotIn("liite", path.name)  # stored under a random name
            with self.assertRaises(ValueError):
                attachment.file.url  # noqa: B018 - no public URL exists
        # Anonymous visitors cannot fetch one.
        response = self.client.get(reverse("proposals_admin:attachment", args=[attachments[0].pk]))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
        # The page shows the reference; reloading it works; a fresh visitor is sent to the form.
        thanks = self.client.get(reverse("proposals:thanks"))
        self.assertContains(thanks, proposal.reference)
        self.assertEqual(self.client_class().get(reverse("proposals:thanks")).status_code, 302)

    def test_honeypot_looks_like_success_but_stores_and_sends_nothing(self):
        response = self.post(proposal_data(website="http://spam.example"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kiitos ehdotuksesta")
        self.assertFalse(Proposal.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_rate_limit_is_five_an_hour_by_default(self):
        self.assertEqual(services.rate_limit(), (5, datetime.timedelta(hours=1)))

    def test_rate_limit_per_address(self):
        address_hash = public_forms.ip_hash(RequestFactory().post(URL))  # 127.0.0.1, as the test client
        Proposal.objects.bulk_create(
            [
                Proposal(
                    data={"name": f"Aiempi {n}"},
                    submitter_name="X",
                    submitter_email="x@example.org",
                    consent_at="2025-01-01T00:00Z",
                    ip_hash=address_hash,
                    reference=f"EHD-TEST-{n}",
                )
                for n in range(5)
            ]
        )
        response = self.post()
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Liian monta ehdotusta", status_code=429)
        self.assertEqual(Proposal.objects.count(), 5)
        # Another address is not affected.
        response = self.post(REMOTE_ADDR="192.0.2.7")
        self.assertEqual(response.status_code, 302)

    def test_old_proposals_do_not_count_towards_the_limit(self):
        request = RequestFactory().post(URL)
        Proposal.objects.bulk_create(
            [
                Proposal(
                    data={},
                    submitter_name="X",
                    submitter_email="x@example.org",
                    consent_at="2025-01-01T00:00Z",
                    ip_hash=public_forms.ip_hash(request),
                    reference=f"EHD-OLD-{n}",
                )
                for n in range(5)
            ]
        )
        Proposal.objects.update(created_at="2020-01-01T00:00Z")
        self.assertEqual(self.post().status_code, 302)

    def test_without_a_catalogue_the_visitor_gets_a_clear_page(self):
        self.index.delete()
        response = self.post()
        self.assertEqual(response.status_code, 503)
        self.assertContains(response, "Ehdottaminen ei ole nyt mahdollista", status_code=503)
        self.assertFalse(Proposal.objects.exists())
