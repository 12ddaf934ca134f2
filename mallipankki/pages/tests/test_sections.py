"""The theme sections: on the home page, and on a search that found nothing."""

import pytest
from bs4 import BeautifulSoup

from mallipankki.pages.factories import ThemePageFactory
from mallipankki.pages.sections import theme_sections
from mallipankki.vocabularies.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme_pages(home_page):
    """Theme pages for yhteistyo and toimintakyky, in the home page's tree."""

    def add(code, title):
        return ThemePageFactory(parent=home_page, title=title, slug=code)

    return [add("toimintakyky", "Toimintakyky"), add("yhteistyo", "Yhteistyö")]


def test_sections_are_the_theme_pages_in_theme_order_with_published_counts(
    theme_pages, make_practice, django_assert_num_queries
):
    make_practice(themes=["yhteistyo"])
    make_practice(themes=["yhteistyo", "toimintakyky"])
    make_practice(themes=["yhteistyo"], status="draft")

    with django_assert_num_queries(4):  # counts and pages, each after its view restrictions
        sections = theme_sections()

    order = {theme.code: theme.sort_order for theme in Theme.objects.all()}
    expected = sorted(theme_pages, key=lambda page: order[page.slug])
    assert [section["page"] for section in sections] == expected
    assert {section["page"].slug: section["count"] for section in sections} == {"yhteistyo": 2, "toimintakyky": 1}


def test_the_home_page_shows_the_sections(client, theme_pages, make_practice):
    make_practice(themes=["yhteistyo"])
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    cards = {
        card.find("a").get_text(): card.select_one(".card__count").get_text(strip=True)
        for card in soup.select(".theme-card")
    }
    assert cards == {"Yhteistyö": "1 malli", "Toimintakyky": "Ei vielä malleja"}


def test_a_search_that_found_nothing_offers_the_sections_and_one_that_found_some_does_not(
    client, theme_pages, make_practice
):
    make_practice(name={"fi": "Klubitalo"})

    empty = BeautifulSoup(client.get("/haku/", {"q": "xyzzyplugh"}, follow=True).content, "html.parser")
    offered = [link.get_text() for link in empty.select("#search-results .empty-state .inline-list a")]
    assert sorted(offered) == ["Toimintakyky", "Yhteistyö"]

    found = client.get("/haku/", follow=True).content.decode()
    assert "Klubitalo" in found
    assert "Selaa malleja teemoittain" not in found
