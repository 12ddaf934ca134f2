"""The catalogue /mallit/ and the API when the thesaurus widens a query: the
note names the concepts' labels with their languages, in the results'
live region, and the reader can search without the widening (no JavaScript)."""

import pytest
from bs4 import BeautifulSoup

from mallipankki.thesaurus.models import Concept

pytestmark = pytest.mark.django_db

URL = "/mallit/"


@pytest.fixture(autouse=True)
def only_test_concepts(db):
    """The tests' own concepts only: the seed data changes as editors work."""
    Concept.objects.all().delete()


@pytest.fixture
def work_trial(db):
    return Concept.objects.create(
        slug="test-tyokokeilu",
        group="palvelut",
        labels_fi="työkokeilu",
        labels_sv="arbetsprövning",
        labels_en="work trial",
    )


def page(client, params) -> BeautifulSoup:
    response = client.get(URL, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def cards(soup) -> list[str]:
    return [link["href"].rstrip("/").rsplit("/", 1)[-1] for link in soup.select("#search-results .card h3 a")]


def test_the_note_names_the_labels_in_their_languages(client, corpus, work_trial):
    soup = page(client, {"q": "work trials"})
    note = soup.select_one("#search-status .result-count__widened")
    assert note is not None
    assert note.get_text(" ", strip=True).startswith("Haku kattoi myös: työkokeilu , arbetsprövning")
    assert [(span["lang"], span.get_text()) for span in note.select("span[lang]")] == [
        ("fi", "työkokeilu"),
        ("sv", "arbetsprövning"),
    ]
    assert "tyokokeilu-portaat" in cards(soup)
    switch = soup.find("input", id="search-expand")
    assert switch.has_attr("checked")
    assert soup.find("label", attrs={"for": "search-expand"}).get_text() == (
        "Laajenna haku muihin kieliin ja synonyymeihin"
    )


def test_the_link_and_the_unticked_box_search_without_widening(client, corpus, work_trial):
    soup = page(client, {"q": "work trials"})
    link = soup.select_one("#search-status .result-count__widened a")
    assert "laajenna=ei" in link["href"]
    for params in ({"q": "work trials", "laajenna": "ei"}, {"q": "work trials", "laajenna": ["ei"]}):
        off = page(client, params)
        assert off.select_one(".result-count__widened") is None
        assert "tyokokeilu-portaat" not in cards(off)
        assert not off.find("input", id="search-expand").has_attr("checked")
    # The form sends the hidden "ei" and, ticked, "kylla" after it.
    ticked = page(client, {"q": "work trials", "laajenna": ["ei", "kylla"]})
    assert "tyokokeilu-portaat" in cards(ticked)


def test_the_api_widens_and_says_so(client, corpus, work_trial):
    body = client.get("/api/v1/practices", {"q": "work trials"}).json()
    assert body["expanded_with"] == [
        {
            "concept": "test-tyokokeilu",
            "matched": "work trials",
            "labels": [{"lang": "fi", "label": "työkokeilu"}, {"lang": "sv", "label": "arbetsprövning"}],
        }
    ]
    assert "tyokokeilu-portaat" in [item["id"] for item in body["items"]]
    off = client.get("/api/v1/practices", {"q": "work trials", "laajenna": "ei"}).json()
    assert off["expanded_with"] == []
    assert "tyokokeilu-portaat" not in [item["id"] for item in off["items"]]
    assert client.get("/api/v1/practices", {"q": "x", "laajenna": "maybe"}).status_code in (400, 422)
