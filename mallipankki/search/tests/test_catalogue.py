"""The catalogue /mallit/ over the module corpus: the same engine and the same
search-and-filter page as /haku/, and every old catalogue address still works."""

import pytest
from bs4 import BeautifulSoup

from mallipankki.practices.models import PracticeIndexPage
from mallipankki.search.presentation import address
from mallipankki.search.service import search

pytestmark = pytest.mark.django_db

URL = "/mallit/"


def page(client, params=None) -> BeautifulSoup:
    response = client.get(URL, params or {})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def hrefs(soup) -> list[str]:
    return [card.find("a")["href"] for card in soup.select("#search-results .card")]


def test_query_ranks_with_the_engine_and_marks_the_snippet(client, corpus):
    soup = page(client, {"q": "työkokeiluun"})
    assert hrefs(soup)[0] == "/mallit/tyokokeilu-portaat/"
    assert soup.select_one("#search-results .card mark").get_text() == "työkokeilulla"
    box = soup.find("input", attrs={"name": "q"})
    assert box["value"] == "työkokeiluun"
    assert soup.find("form", id="search-form")["action"] == URL
    assert soup.find(id="search-status")["role"] == "status"
    assert "”työkokeiluun”" in soup.title.get_text()


def test_browsing_lists_every_published_practice_newest_first(client, corpus):
    soup = page(client)
    assert len(hrefs(soup)) == 13
    assert hrefs(soup)[0] == "/mallit/arbetsprovning/"
    assert "/mallit/luonnos/" not in hrefs(soup)


def checked(soup) -> list[tuple[str, str]]:
    return [(box["name"], box["value"]) for box in soup.select("#search-facets input[checked]")]


def counts(soup, param) -> dict[str, str]:
    return {
        box["value"]: soup.find("label", attrs={"for": box["id"]}).select_one(".facet__count").get_text()
        for box in soup.select(f"#search-facets input[name={param}]")
    }


def test_facets_count_the_query(client, corpus):
    soup = page(client, {"q": "mielenterveyskuntoutujat"})
    themes = counts(soup, "teema")
    # Both mielenterveyskuntoutujat practices have toimintakyky; one also yksilollinen-tuki.
    assert themes["toimintakyky"].startswith("(2")
    assert themes["yksilollinen-tuki"].startswith("(1")
    assert "yhteistyo" not in themes


def test_catalogue_is_the_one_search_and_filter_page(client, corpus):
    """Checkbox facets in fieldsets that combine (not the former one-value
    links), and the search box's help; /haku/ leads here."""
    params = {"teema": "toimintakyky"}
    catalogue = page(client, params)
    assert [legend.get_text(strip=True) for legend in catalogue.select("#search-facets legend")][:2] == [
        "Teema",
        "Kohderyhmä",
    ]
    assert catalogue.select_one("#filters-heading").get_text() == "Rajaa tuloksia"
    assert not catalogue.select("#search-facets a[aria-current]")
    assert catalogue.find("input", attrs={"name": "q"})["aria-describedby"] == "search-help"
    assert catalogue.find(id="search-help").get_text().startswith("Kirjoita sana missä muodossa tahansa")
    assert checked(catalogue) == [("teema", "toimintakyky")]
    followed = client.get("/haku/", params, follow=True)
    assert followed.redirect_chain == [("/mallit/?teema=toimintakyky", 301)]
    assert hrefs(BeautifulSoup(followed.content, "html.parser")) == hrefs(catalogue)


def test_old_filter_addresses_select_and_clear(client, corpus):
    soup = page(client, {"teema": "osaamisen-kehittaminen", "kohderyhma": "maahanmuuttajat"})
    assert sorted(hrefs(soup)) == ["/mallit/hoiva-alan-polku/", "/mallit/kielikahvila/"]
    assert checked(soup) == [("teema", "osaamisen-kehittaminen"), ("kohderyhma", "maahanmuuttajat")]
    assert soup.select_one(".filters__clear a")["href"] == "/mallit/"
    assert "Osaamisen kehittäminen" in soup.title.get_text()


def test_old_addresses_of_both_pages_give_the_same_results(client, corpus):
    old = [
        {},
        {"teema": "toimintakyky"},
        {"kohderyhma": "maahanmuuttajat", "sivu": "1"},
        {"teema": "yksilollinen-tuki", "maa": "FI", "jarjestys": "uusin"},
        {"q": "työkokeilu", "maakunta": "FI-18", "naytto": "2"},
        {"levinneisyys": "regional", "aineisto": "pdf"},
        {"jatkuvuus": "embedded", "kayttoonotot": "1"},
    ]
    for params in old:
        catalogue = page(client, params)
        response = client.get("/haku/", params, follow=True)
        assert response.status_code == 200, params
        assert [status for _url, status in response.redirect_chain] == [301], params
        assert hrefs(catalogue) == hrefs(BeautifulSoup(response.content, "html.parser")), params


def test_every_facet_of_the_engine_filters_the_catalogue(client, corpus):
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
    assert hrefs(soup) == ["/mallit/tyokokeilu-portaat/"]
    assert len(checked(soup)) == 7


def test_pagination_keeps_query_filters_and_sort(client, corpus, monkeypatch):
    monkeypatch.setattr(PracticeIndexPage, "page_size", 2)
    soup = page(client, {"teema": "yksilollinen-tuki", "jarjestys": "uusin", "sivu": "2"})
    assert len(hrefs(soup)) == 2
    links = {a["href"] for a in soup.select(".pagination a")}
    assert "?teema=yksilollinen-tuki&jarjestys=uusin&sivu=3" in links
    assert "sivu 2" in soup.title.get_text()
    # Past the end: the last page, not an error.
    last = page(client, {"teema": "yksilollinen-tuki", "sivu": "99"})
    assert len(hrefs(last)) == 2 and "sivu 3" in last.title.get_text()


def test_zero_results_help_and_suggestion(client, corpus):
    soup = page(client, {"q": "xyzzyplugh", "teema": "yhteistyo"})
    empty = soup.select_one("#search-results .empty-state")
    assert "Tarkista kirjoitusasu" in empty.get_text()
    assert empty.find("a", string="hae ilman rajauksia")["href"] == "/mallit/?q=xyzzyplugh"
    assert empty.find("a", href="/ehdota/") is not None
    suggested = page(client, {"q": "työkokelu"}).select_one(".search__suggestion a")
    assert suggested.get_text() == "työkokeilu"


@pytest.mark.parametrize("value", ['"', "\x00", "NEAR(työ*", "a" * 10_000, "東京 työ مرحبا", "%00<script>"])
def test_hostile_input_never_fails(client, corpus, value):
    response = client.get(URL, {"q": value, "teema": value, "maakunta": value, "sivu": value, "jarjestys": value})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


def test_query_budget(client, corpus, django_assert_max_num_queries):
    page(client, {"q": "työkokeiluun"})  # warm caches (site root paths, Voikko)
    # As /haku/ (see test_views.test_query_budget, 21) plus Wagtail's page
    # routing (site, three page reads, aliases, view restrictions).
    with django_assert_max_num_queries(27):
        page(client, {"q": "työkokeilu palkkatuki", "teema": "tyonantajat", "maa": "FI"})


def test_address_is_built_from_the_cleaned_state(corpus):
    result = search("työ", {"theme": ["yhteistyo", "olematon"]}, sort="newest")
    assert address("/mallit/", result, {}) == "/mallit/?q=ty%C3%B6&teema=yhteistyo&jarjestys=uusin"
    assert address("/mallit/", result, {"theme": []}) == "/mallit/?q=ty%C3%B6&jarjestys=uusin"
    assert address("/x/", search(""), {}) == "/x/"


def test_a_long_facet_is_marked_for_the_filter_box(client, corpus, monkeypatch):
    from mallipankki.search import presentation

    monkeypatch.setattr(presentation, "LONG_FACET", 3)
    soup = page(client)
    long = {fieldset["data-filter-choices"] for fieldset in soup.select("#search-facets fieldset[data-filter-choices]")}
    short = {
        fieldset.select_one("input")["name"]
        for fieldset in soup.select("#search-facets fieldset:not([data-filter-choices])")
    }
    assert long and short and not long & short
    for name in long:
        assert len(soup.select(f"#search-facets input[name={name}]")) > 3
    for name in short:
        assert len(soup.select(f"#search-facets input[name={name}]")) <= 3
    assert soup.find("script", src=lambda src: src and src.endswith("js/filter-choices.js"))
