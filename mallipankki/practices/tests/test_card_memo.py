"""{% practice_card %}: the memoised card is the included card, and never an old one."""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from mallipankki.practices.listing import cards_by_id, published_practices, with_card_data
from mallipankki.practices.models import Adoption
from mallipankki.vocabularies.models import TargetGroup

TAG = engines["django"].from_string("{% load practice_cards %}{% practice_card practice %}")
INCLUDE = engines["django"].from_string('{% include "includes/practice_card.html" with practice=practice %}')


def render(template, practice):
    return template.render({"practice": practice}, RequestFactory().get("/"))


def card(slug):
    (practice,) = with_card_data(published_practices().filter(slug=slug))
    return practice


@pytest.mark.django_db
def test_the_memoised_card_is_the_included_card(make_practice):
    make_practice(id="klubitalo", target_groups=["nuoret"], adoptions=[{"organisation": "Klubi ry", "country": "FI"}])
    practice = card("klubitalo")
    assert render(TAG, practice) == render(INCLUDE, practice)
    assert render(TAG, card("klubitalo")) == render(INCLUDE, practice)  # from the memo
    (by_id,) = cards_by_id([practice.pk]).values()
    assert render(TAG, by_id) == render(INCLUDE, by_id)


@pytest.mark.django_db
def test_a_card_shows_a_renamed_target_group_and_a_new_adoption_at_once(make_practice):
    page = make_practice(id="klubitalo", target_groups=["nuoret"])
    assert "Nuoret" in render(TAG, card("klubitalo"))
    TargetGroup.objects.filter(code="nuoret").update(name_fi="Nuoret aikuiset")
    html = render(TAG, card("klubitalo"))
    assert "Nuoret aikuiset" in html and "Käytössä" not in html
    Adoption.objects.create(practice=page, organisation="Talo ry")
    assert "Käytössä 1 organisaatiossa" in render(TAG, card("klubitalo"))


@pytest.mark.django_db
def test_a_card_follows_the_language_and_the_page_title(make_practice):
    page = make_practice(id="klubitalo", name={"fi": "Klubitalo", "sv": "Klubbhuset"})
    assert ">Klubitalo<" in render(TAG, card("klubitalo"))
    with translation.override("sv"):
        assert ">Klubbhuset<" in render(TAG, card("klubitalo"))
    page.name_fi = "Klubitalo Helsinki"
    page.save_revision().publish()
    assert ">Klubitalo Helsinki<" in render(TAG, card("klubitalo"))
