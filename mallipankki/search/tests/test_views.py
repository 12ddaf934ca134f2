"""/haku/ over the module corpus: a permanent redirect to the catalogue
/mallit/ that keeps the query, the page it leads to with and without results,
its form and landmarks, and hostile input that must never cause a 5xx."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from mallipankki.practices.models import PracticeIndexPage
from mallipankki.search.service import search

pytestmark = pytest.mark.django_db

URL = "/haku/"


def page(client, params=None) -> BeautifulSoup:
    response = client.get(URL, params or {}, follow=True)
    assert [status for _url, status in response.redirect_chain] == [301]
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_query_too_long_to_redirect_is_answered_in_place(client, corpus):
    response = client.get(URL, {"q": "työkokeilu", "teema": ["x" * 9000, "y" * 9000]})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("form", id="search-form")["action"] == "/mallit/"
    assert soup.select("#search-results .card")


def test_old_search_addresses_lead_to_the_same_query_on_the_catalogue(client, corpus):
    for query in [
        "",
        "q=ty%C3%B6kokeilu",
        "q=ty%C3%B6&teema=yhteistyo&teema=toimintakyky&maa=FI&jarjestys=uusin&sivu=2",
    ]:
        response = client.get(f"{URL}?{query}" if query else URL)
        assert response.status_code == 301
        assert response["Location"] == (f"/mallit/?{query}" if query else "/mallit/")


def test_without_a_catalogue_the_search_page_still_answers(client, corpus):
    PracticeIndexPage.objects.update(live=False)
    response = client.get(URL, {"q": "työkokeiluun", "teema": "yhteistyo"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("form", id="search-form")["action"] == URL
    assert "Haku: työkokeiluun" in soup.title.get_text()


def test_url_name():
    assert reverse("search:search") == URL


def test_page_with_results(client, corpus):
    soup = page(client, {"q": "työkokeiluun"})
    assert len(soup.find_all("h1")) == 1
    box = soup.find("input", attrs={"name": "q"})
    assert box["value"] == "työkokeiluun"
    assert soup.find("label", attrs={"for": box["id"]}).get_text(strip=True) == "Hakusana"
    status = soup.find(id="search-status")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    assert "2 mallia" in status.get_text() or "mallia" in status.get_text()
    cards = soup.select("#search-results .card")
    assert cards[0].find("a")["href"] == "/mallit/tyokokeilu-portaat/"
    assert cards[0].find("mark").get_text() == "työkokeilulla"
    assert "Työkokeilun portaat – Mallipankki" not in soup.title.get_text()
    assert "Mallit: ”työkokeiluun”" in soup.title.get_text()


def test_facets_are_labelled_checkbox_groups(client, corpus):
    soup = page(client, {"teema": "osaamisen-kehittaminen"})
    legends = [fieldset.legend.get_text(strip=True) for fieldset in soup.select("#search-facets fieldset")]
    assert legends[:2] == ["Teema", "Kohderyhmä"]
    params = {box["name"] for box in soup.select("#search-facets input[type=checkbox]")}
    assert params <= {
        "teema",
        "kohderyhma",
        "maa",
        "maakunta",
        "naytto",
        "levinneisyys",
        "aineisto",
        "jatkuvuus",
        "kayttoonotot",
    }
    for box in soup.select("#search-facets input[type=checkbox]"):
        assert soup.find("label", attrs={"for": box["id"]}) is not None
    checked = soup.select("#search-facets input[checked]")
    assert [(box["name"], box["value"]) for box in checked] == [("teema", "osaamisen-kehittaminen")]
    assert len(soup.select("#search-results .card")) == 2


def test_all_facet_parameters_filter(client, corpus):
    params = {
        "teema": "yksilollinen-tuki",
        "kohderyhma": "pitkaaikaistyottomat",
        "maa": "FI",
        "maakunta": "FI-18",
        "naytto": "2",
        "levinneisyys": "regional",
        "aineisto": "pdf",
    }
    soup = page(client, params)
    assert [card.find("a")["href"] for card in soup.select("#search-results .card")] == ["/mallit/tyokokeilu-portaat/"]
    assert len(soup.select("#search-facets input[checked]")) == 7


def test_sort_and_paging_are_in_the_query_string(client, corpus, monkeypatch):
    monkeypatch.setattr(PracticeIndexPage, "page_size", 5)
    soup = page(client, {"jarjestys": "uusin", "sivu": "2"})
    assert soup.find("select", attrs={"name": "jarjestys"}).find("option", selected=True)["value"] == "uusin"
    links = [a["href"] for a in soup.select(".pagination a")]
    assert "?jarjestys=uusin&sivu=1" in links
    assert soup.select_one(".pagination a[aria-current]").get_text(strip=True).endswith("2")


def test_page_without_results_helps(client, corpus):
    soup = page(client, {"q": "xyzzyplugh", "teema": "yhteistyo"})
    empty = soup.select_one("#search-results .empty-state")
    text = empty.get_text(" ", strip=True)
    assert "ei löytynyt malleja" in text
    assert "Tarkista kirjoitusasu" in text
    assert empty.find("a", string="hae ilman rajauksia")["href"] == "/mallit/?q=xyzzyplugh"
    assert "0 mallia" in soup.find(id="search-status").get_text()


def test_suggestion_link(client, corpus):
    soup = page(client, {"q": "työkokelu", "teema": "tyonantajat"})
    link = soup.select_one(".search__suggestion a")
    assert link.get_text() == "työkokeilu"
    assert link["href"] == "?q=ty%C3%B6kokeilu&teema=tyonantajat"


def test_relaxed_notice(client, corpus):
    soup = page(client, {"q": "työkokeilu palkkatuki"})
    assert soup.select_one(".search__notice") is not None


def test_a_word_no_practice_has_is_named_in_a_notice(client, corpus):
    soup = page(client, {"q": "työkokeilu xyzzyqw"})
    notices = [notice.get_text(" ", strip=True) for notice in soup.select(".search__notice")]
    assert notices == ["Hakusanaa ”xyzzyqw” ei ole yhdessäkään mallissa, joten haku tehtiin ilman sitä."]
    assert soup.select("#search-results .card")


def test_browse_without_query(client, corpus):
    soup = page(client)
    assert len(soup.select("#search-results .card")) == 13
    assert soup.find("input", attrs={"name": "q"}).get("value") in (None, "")


def test_script_is_loaded_from_a_file_without_a_nonce_and_no_inline_styles(client, corpus):
    response = client.get(URL, {"q": "sirkus"}, follow=True)
    soup = BeautifulSoup(response.content, "html.parser")
    script = soup.find("script", src=lambda src: src and src.endswith("js/search.js"))
    # 'self' allows it; a nonce would make the page differ for each visitor (core/page_cache.py).
    assert script is not None and not script.get("nonce")
    assert not soup.select("[style]") and not soup.find("style")
    assert "<script>alert" not in response.content.decode()


def test_query_budget(client, corpus, django_assert_max_num_queries):
    page(client, {"q": "työkokeiluun"})  # warm caches (site root paths, Voikko)
    # The redirect: the site and the catalogue page. The page it leads to has
    # its own budget (test_catalogue.test_query_budget).
    with django_assert_max_num_queries(3):
        client.get(URL, {"q": "työkokeilu palkkatuki", "teema": "tyonantajat", "maa": "FI"})
    PracticeIndexPage.objects.update(live=False)
    # Without a catalogue, the page itself. Search: vocabulary check,
    # strict-match count, result count, top-tier count, results, index change
    # log, matched ids (for the facets); labels: themes, countries (2), target
    # groups, regions; cards: pages, target groups, regions, countries;
    # base.html: 2; the catalogue lookup. None of it grows with the number of
    # results.
    client.get(URL, {"q": "työkokeiluun"})
    with django_assert_max_num_queries(21):
        response = client.get(URL, {"q": "työkokeilu palkkatuki", "teema": "tyonantajat", "maa": "FI"})
    assert response.status_code == 200


# --- Hostile input ---------------------------------------------------------------

HOSTILE = [
    '"',
    "'",
    '""',
    '"työ',
    'työ"kokeilu',
    "AND",
    "OR",
    "NOT",
    "työ AND OR NOT",
    "NEAR(työ kokeilu)",
    "NEAR",
    "*",
    "työ*",
    "^työ",
    "terms_a:työ",
    "{terms_a terms_b}:työ",
    ":",
    "-työ",
    "- -",
    "(",
    ")",
    "((työ)",
    "työ\x00kokeilu",
    "\x00",
    "%",
    "%s %(x)s %%",
    "'; DROP TABLE search_searchdocument; --",
    "\\",
    "a" * 10_000,
    "työkokeilu " * 1000,
    "東京 työkokeilu مرحبا Ωmega ⅷ ²",
    "😀🎉",
    "\u202etyö\u200b\ufeff",
    "𞤀𞤁",
    "ＩＰＳ",
    "TYP:n EU:ssa 12:30",
    "nepsy-valmennus----",
    "x" * 59 + " " + "y" * 61,
    "& < > &amp; <script>alert(1)</script>",
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_query_through_the_page(client, corpus, value):
    response = client.get(
        URL, {"q": value, "teema": value, "maa": value, "sivu": value, "jarjestys": value}, follow=True
    )
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


@pytest.mark.parametrize("value", HOSTILE + ["\ud800 työ", "työ\udfff"], ids=range(len(HOSTILE) + 2))
def test_hostile_query_through_search(corpus, value):
    result = search(value, {"theme": [value], "country": [value, "FI"]}, sort=value, page=value, per_page=value)
    assert result.count >= 0


@pytest.mark.parametrize("page_number", ["-1", "0", "abc", "1e9", "9" * 30, "9" * 5000, ""])
def test_hostile_page_numbers(client, corpus, page_number):
    assert client.get(URL, {"q": "työ", "sivu": page_number}, follow=True).status_code == 200


def test_many_values_and_unknown_parameters(client, corpus):
    params = [("teema", f"t{i}") for i in range(500)] + [("tuntematon", "x"), ("q", "työ")]
    query = "&".join(f"{key}={value}" for key, value in params)
    assert client.get(f"{URL}?{query}", follow=True).status_code == 200


def test_post_is_not_allowed(client, corpus):
    assert client.post(URL, {"q": "työ"}).status_code == 405
