"""The card data of the public listings (listing.with_card_data)."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from mallipankki.practices.listing import published_practices, with_card_data
from mallipankki.practices.models import PracticePage

PDF = {"type": "pdf", "title": {"fi": "Opas"}, "url": "https://example.fi/opas.pdf"}
LINK = {"type": "link", "title": {"fi": "Sivusto"}, "url": "https://example.fi/malli"}


@pytest.mark.django_db
def test_a_card_names_the_kind_of_the_first_material(make_practice, django_assert_max_num_queries):
    make_practice(id="pdf-ensin", resources=[PDF, LINK])
    make_practice(id="linkki-ensin", resources=[LINK, PDF])
    make_practice(id="ei-materiaalia")
    make_practice(id="luonnos", resources=[PDF], status="draft")

    with django_assert_max_num_queries(3):
        kinds = {card.slug: card.resource_kind for card in with_card_data(published_practices())}
    assert kinds == {"pdf-ensin": "pdf", "linkki-ensin": "link", "ei-materiaalia": "link"}
    # A page loaded without the card data reads its materials itself.
    assert PracticePage.objects.get(slug="pdf-ensin").resource_kind == "pdf"
    assert PracticePage.objects.get(slug="linkki-ensin").resource_kind == "link"


@pytest.mark.django_db
def test_a_card_has_its_target_groups_and_adoption_count(make_practice, django_assert_max_num_queries):
    make_practice(
        id="klubitalo",
        target_groups=["mielenterveyskuntoutujat", "nuoret"],
        adoptions=[{"organisation": "Klubi ry", "country": "FI"}, {"organisation": "Talo ry", "country": "FI"}],
    )
    with django_assert_max_num_queries(3):
        (card,) = with_card_data(published_practices())
        groups = [group.code for group in card.card_target_groups]
    assert sorted(groups) == ["mielenterveyskuntoutujat", "nuoret"]
    assert card.adoption_count == 2


@pytest.mark.django_db
def test_a_card_lists_the_target_groups_however_the_practice_was_loaded(make_practice):
    make_practice(
        id="klubitalo",
        target_groups=["mielenterveyskuntoutujat", "nuoret"],
        adoptions=[{"organisation": "Klubi ry", "country": "FI"}],
    )
    loaded = [next(iter(with_card_data(published_practices()))), PracticePage.objects.get(slug="klubitalo")]
    for practice in loaded:
        html = BeautifulSoup(render_to_string("includes/practice_card.html", {"practice": practice}), "html.parser")
        meta = [line.get_text(" ", strip=True) for line in html.select(".card__meta")]
        assert meta[0] == "Kohderyhmät: Mielenterveyskuntoutujat, Nuoret"
    # The adoption count comes with the card data only.
    assert "Käytössä 1 organisaatiossa" in render_to_string("includes/practice_card.html", {"practice": loaded[0]})
