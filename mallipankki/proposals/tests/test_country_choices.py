"""The proposal form's countries: a checkbox list that works by touch and
keyboard without JavaScript, not a multiple select that needs Ctrl (issue 19)."""

from bs4 import BeautifulSoup
from django.test import TestCase

from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.proposals.forms import ProposalForm
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import PrivateFilesMixin, proposal_data
from mallipankki.vocabularies.models import Country

URL = "/ehdota/"


class CountryChoicesTests(PrivateFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)

    def soup(self, response) -> BeautifulSoup:
        return BeautifulSoup(response.content, "html.parser")

    def test_countries_are_a_labelled_checkbox_group_with_finland_first(self):
        soup = self.soup(self.client.get(URL))
        self.assertIsNone(soup.find("select", attrs={"name": "countries"}))
        fieldset = soup.find("fieldset", attrs={"data-filter-choices": "countries"})
        self.assertEqual(fieldset.legend.get_text(" ", strip=True), "Maat")
        self.assertNotIn("Ctrl", fieldset.get_text())
        self.assertEqual(fieldset["aria-describedby"], "id_countries_help")
        boxes = fieldset.select("input[type=checkbox][name=countries]")
        self.assertEqual(len(boxes), Country.objects.count())
        self.assertEqual(boxes[0]["value"], "FI")
        for box in boxes[:5]:
            self.assertIsNotNone(fieldset.find("label", attrs={"for": box["id"]}))
        # Folded: one Tab stop until opened, naming what is chosen (Finland by default).
        details = fieldset.find("details")
        self.assertFalse(details.has_attr("open"))
        self.assertEqual(details.summary.get_text(), "Valitse luettelosta (valittuna: Suomi)")
        script = soup.find("script", src=lambda src: src and src.endswith("js/filter-choices.js"))
        self.assertTrue(script and not script.get("nonce"))

    def test_chosen_countries_are_stored_by_code_as_before(self):
        response = self.client.post(URL, proposal_data(countries=["FI", "SE"]))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(sorted(Proposal.objects.get().data["countries"]), ["FI", "SE"])

    def test_chosen_countries_stay_ticked_when_the_form_comes_back_with_errors(self):
        response = self.client.post(URL, proposal_data(countries=["SE", "NO"], name=""))
        self.assertEqual(response.status_code, 200)
        ticked = self.soup(response).select("input[name=countries][checked]")
        self.assertEqual(sorted(box["value"] for box in ticked), ["NO", "SE"])
        summary = self.soup(response).select_one("fieldset[data-filter-choices=countries] summary")
        self.assertIn("(valittuna: Norja, Ruotsi)", summary.get_text())

    def test_a_country_error_opens_the_list_so_the_summary_link_lands_on_a_box(self):
        response = self.client.post(URL, proposal_data(countries=["XX"]))
        self.assertEqual(response.status_code, 200)
        soup = self.soup(response)
        self.assertTrue(soup.select_one("fieldset[data-filter-choices=countries] details").has_attr("open"))
        self.assertIsNotNone(soup.find("a", href="#id_countries_0"))

    def test_an_unknown_country_is_an_error_that_links_to_the_first_box(self):
        form = ProposalForm(data=proposal_data(countries=["XX"]))
        self.assertFalse(form.is_valid())
        form.set_aria()
        link = next(link for link in form.error_links() if link["label"] == "Maat")
        self.assertEqual(link["href"], "id_countries_0")
