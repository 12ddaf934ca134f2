"""A theme page lists its practices up to THEME_PAGE_CARDS cards; the rest are a link away."""

import pytest
from bs4 import BeautifulSoup

from mallipankki.pages.factories import ThemePageFactory
from mallipankki.pages.models import FeaturedPractice
from mallipankki.practices.listing import THEME_PAGE_CARDS

pytestmark = pytest.mark.django_db


def cards_and_link(client):
    html = BeautifulSoup(client.get("/yhteistyo/").content, "html.parser")
    section = html.find(id="practices-heading").parent
    names = [card.find("h3").get_text(" ", strip=True) for card in section.select("ul.cards > li")]
    link = section.find("a", class_="more-link")
    return names, link


def test_a_small_theme_shows_all_its_practices_and_the_catalogue_link(client, home_page, make_practice):
    ThemePageFactory(parent=home_page, slug="yhteistyo")
    for name in ("Cee", "Aa", "Bee"):
        make_practice(name={"fi": name}, themes=["yhteistyo"])
    make_practice(name={"fi": "Muu teema"}, themes=["toimintakyky"])

    names, link = cards_and_link(client)

    assert names == ["Aa", "Bee", "Cee"]
    assert link["href"] == "/mallit/?teema=yhteistyo"
    assert link.get_text(strip=True).startswith("Katso teeman mallit luettelossa")


def test_a_big_theme_shows_the_featured_first_then_a_page_of_cards_and_links_to_all(client, home_page, make_practice):
    theme_page = ThemePageFactory(parent=home_page, slug="yhteistyo")
    practices = [make_practice(name={"fi": f"Malli {number:02}"}, themes=["yhteistyo"]) for number in range(30)]
    FeaturedPractice.objects.create(page=theme_page, practice=practices[-1], sort_order=0)

    names, link = cards_and_link(client)

    assert len(names) == THEME_PAGE_CARDS
    assert names[0] == "Malli 29"
    assert names[1:] == [f"Malli {number:02}" for number in range(THEME_PAGE_CARDS - 1)]
    assert link["href"] == "/mallit/?teema=yhteistyo"
    assert link.get_text(strip=True).startswith("Kaikki teeman 30 mallia luettelossa")
    # What the link promises is there.
    catalogue = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    assert "30 mallia" in catalogue.find("strong", string=lambda text: text and "mallia" in text).get_text()


def test_a_new_practice_of_a_full_theme_raises_the_count_at_once(client, home_page, make_practice):
    ThemePageFactory(parent=home_page, slug="yhteistyo")
    for number in range(THEME_PAGE_CARDS + 1):
        make_practice(name={"fi": f"Malli {number:02}"}, themes=["yhteistyo"])
    assert "25 mallia" in cards_and_link(client)[1].get_text()

    make_practice(name={"fi": "Aivan uusi"}, themes=["yhteistyo"])

    names, link = cards_and_link(client)
    assert names[0] == "Aivan uusi"
    assert "26 mallia" in link.get_text()
