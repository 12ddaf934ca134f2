"""A practice card names its evidence level and where the practice is used,
in a description list, at a fixed query cost for a whole listing (issue 19)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from mallipankki.practices.listing import cards_by_id, published_practices, with_card_data

pytestmark = pytest.mark.django_db


def facts(practice) -> dict[str, str]:
    html = BeautifulSoup(render_to_string("includes/practice_card.html", {"practice": practice}), "html.parser")
    return {
        pair.dt.get_text(strip=True): pair.dd.get_text(" ", strip=True) for pair in html.select("dl.card__facts > div")
    }


def test_card_names_regions_before_countries_and_the_evidence_level(make_practice):
    make_practice(id="lappi", regions=["FI-10"], countries=["FI"], evidence={"level": 2})
    make_practice(id="pohjola", countries=["SE", "FI"])
    cards = {card.slug: card for card in with_card_data(published_practices())}
    assert facts(cards["lappi"]) == {"Maakunta:": "Lappi", "Näytön taso:": "2 – aineisto osoittaa muutoksen"}
    assert facts(cards["pohjola"]) == {"Maat:": "Ruotsi, Suomi", "Näytön taso:": "ei arvioitu"}


def test_a_long_list_of_places_is_cut_with_a_count(make_practice):
    regions = ["FI-01", "FI-02", "FI-03", "FI-04", "FI-05", "FI-06"]
    make_practice(id="laaja", regions=regions)
    make_practice(id="nelja", regions=regions[:4])
    cards = {card.slug: card for card in with_card_data(published_practices())}
    laaja = facts(cards["laaja"])["Maakunnat:"]
    assert laaja.endswith("ja 3 muuta") and laaja.count(",") == 2
    # Four fit: "ja 1 muu" would take the room of the one name it hides.
    assert "muu" not in facts(cards["nelja"])["Maakunnat:"]


def test_search_results_show_the_same_facts_as_listings(make_practice):
    make_practice(id="lappi", regions=["FI-10", "FI-18"], countries=["FI"], evidence={"level": 4})
    make_practice(id="ruotsi", countries=["SE"])
    listed = {card.pk: facts(card) for card in with_card_data(published_practices())}
    found = {pk: facts(card) for pk, card in cards_by_id(list(listed)).items()}
    assert found == listed


def test_cards_read_nothing_per_card(make_practice):
    for number in range(6):
        make_practice(id=f"malli-{number}", regions=["FI-10"], countries=["FI", "SE"], target_groups=["nuoret"])
    render_to_string("includes/practice_card.html", {"practice": next(iter(with_card_data(published_practices())))})
    ids = list(published_practices().values_list("pk", flat=True))
    for load in (lambda: list(with_card_data(published_practices())), lambda: list(cards_by_id(ids).values())):
        with CaptureQueriesContext(connection) as queries:
            for card in load():
                facts(card)
        # The view restrictions (public()), the pages, and one query per vocabulary.
        assert len(queries) <= 5, [query["sql"] for query in queries]
