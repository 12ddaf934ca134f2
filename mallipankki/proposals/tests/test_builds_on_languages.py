"""The proposal form's "builds on" in the form's language: names offered in it, names in any language accepted."""

import pytest
from django.test import Client
from django.utils import translation

from mallipankki.proposals import builds_on
from mallipankki.proposals.forms import ProposalForm

from .helpers import proposal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def coaching(make_practice):
    make_practice(id="vain-suomeksi", name={"fi": "Vertaismentorointi"})
    return make_practice(
        id="tyohonvalmennus", name={"fi": "Työhönvalmennus", "sv": "Jobbcoachning", "en": "Job coaching"}
    )


def test_a_swedish_form_offers_the_swedish_names_and_finnish_where_there_is_none(client, coaching):
    html = Client().get("/sv/ehdota/").content.decode()
    assert '<option value="Jobbcoachning">' in html
    assert '<option value="Vertaismentorointi">' in html
    assert "Työhönvalmennus" not in html
    with translation.override("en"):
        assert builds_on.datalist_options() == ["Job coaching", "Vertaismentorointi"]


@pytest.mark.parametrize("name", ["Työhönvalmennus", "jobbcoachning", "Job coaching"])
def test_a_name_in_any_language_names_the_practice(coaching, name):
    form = ProposalForm(proposal_data(builds_on1_name=name))
    assert form.is_valid(), form.errors
    assert form.submission()["builds_on"] == ["tyohonvalmennus"]


def test_did_you_mean_answers_in_the_forms_language(coaching):
    with translation.override("sv"):
        form = ProposalForm(proposal_data(builds_on1_name="coachning"))
        assert not form.is_valid()
        assert "”Jobbcoachning”" in form.errors["builds_on1_name"][0]
