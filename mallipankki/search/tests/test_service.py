"""search() end to end over the module corpus (see conftest.py): Finnish
matching, browsing and paging, facets and snippets, and rank_practices."""

import pytest

from mallipankki.practices.listing import published_practices
from mallipankki.search.service import rank_practices, search
from mallipankki.search.snippets import highlight, plain_text

from .conftest import PUBLISHED, slugs

pytestmark = pytest.mark.django_db


# --- Finnish matching: the five examples of the issue ------------------------


def test_illative_finds_the_base_form(corpus):
    # The text has työkokeilulla, työkokeilu and työkokeilujakso, never this form.
    assert slugs(search("työkokeiluun"))[0] == "tyokokeilu-portaat"


def test_inflected_compound_finds_its_plural_partitive(corpus):
    # The text has "maahanmuuttajanaisia"; practices for immigrants in
    # general match only through the expansion "maahanmuuttaja", below it.
    found = slugs(search("maahanmuuttajanaisille"))
    assert found[0] == "hoiva-alan-polku"
    assert "kielikahvila" in found[1:]


def test_genitive_compound_and_derived_verb_find_both_words(corpus):
    found = slugs(search("mielenterveyskuntoutujien työllistyminen"))
    # Only tuettu-tyo has both words ("työllistyvät"); the photography group
    # has just the first and may follow, but never before it.
    assert found[0] == "tuettu-tyo"


def test_word_finds_the_compound_it_starts(corpus):
    assert slugs(search("kokemusasiantuntija")) == ["kokemusasiantuntijat"]


def test_consonant_gradation_is_undone(corpus):
    # palkkatuen -> palkkatuki (keyword of one practice, summary of another).
    assert set(slugs(search("palkkatuen"))) == {"tyokokeilu-portaat", "rekrytukipiste"}


def test_swedish_and_english_practices_are_found_in_their_language(corpus):
    assert slugs(search("arbetsträning", expand=False)) == ["arbetsprovning"]
    # The thesaurus widens it to Finnish practices too, after the Swedish one.
    assert slugs(search("arbetsträning"))[0] == "arbetsprovning"
    assert slugs(search("supported employment"))[0] == "supported-employment"
    # English stemming: "supports" meets "support" and "supported".
    assert "supported-employment" in slugs(search("supports"))


def test_project_code_is_searchable(corpus):
    assert slugs(search("S30577")) == ["tyokokeilu-portaat"]
    assert slugs(search("s30577")) == ["tyokokeilu-portaat"]


def test_organisation_is_searchable(corpus):
    assert slugs(search("Portaiden säätiö")) == ["tyokokeilu-portaat"]


def test_link_addresses_in_descriptions_are_not_indexed(corpus):
    assert search("example").count == 0


# --- Browsing and paging ----------------------------------------------------------


def test_empty_query_browses_every_published_practice_newest_first(corpus):
    result = search("", per_page=100)
    assert slugs(result) == list(reversed(PUBLISHED))
    assert result.count == len(PUBLISHED)


def test_drafts_are_never_found(corpus):
    assert search("kummitusmalli").count == 0
    assert "luonnos" not in slugs(search("", per_page=100))


def test_paging(corpus):
    first = search("", per_page=5, page=1)
    second = search("", per_page=5, page=2)
    assert first.count == second.count == len(PUBLISHED)
    assert not set(slugs(first)) & set(slugs(second))
    past_end = search("", per_page=5, page=999)
    assert past_end.page == past_end.num_pages == 3
    assert slugs(past_end) == list(reversed(PUBLISHED))[10:]


# --- Facets ---------------------------------------------------------------------


def facet(result, key) -> dict[str, tuple[int, bool]]:
    return {value["code"]: (value["count"], value["selected"]) for value in result.facets[key]}


def test_facets_count_the_current_results(corpus):
    result = search("")
    assert facet(result, "theme")["osaamisen-kehittaminen"] == (2, False)
    assert facet(result, "country") == {"FI": (5, False), "SE": (1, False), "IE": (1, False)}
    assert facet(result, "region") == {"FI-18": (3, False), "FI-01": (1, False), "FI-15": (1, False)}
    assert facet(result, "evidence_level") == {"2": (1, False), "4": (1, False)}
    assert facet(result, "scaling_stage") == {"local": (1, False), "regional": (1, False)}
    assert facet(result, "resource_type") == {"pdf": (1, False), "link": (1, False)}
    labels = {value["code"]: value["label"] for value in result.facets["country"]}
    assert labels["SE"] == "Ruotsi"


def test_continuity_status_and_adoption_facets(corpus):
    result = search("")
    assert facet(result, "continuity_status") == {"embedded": (1, False), "ended": (1, False)}
    assert facet(result, "has_adoptions") == {"yes": (1, False)}
    adopted = search("", {"has_adoptions": ["yes"]})
    assert slugs(adopted) == ["tuettu-tyo"]
    assert facet(adopted, "continuity_status") == {"embedded": (1, False)}
    assert slugs(search("", {"continuity_status": ["ended"]})) == ["kokeilukulttuuri"]


def test_facets_follow_the_query(corpus):
    result = search("maahanmuuttajanaisille")
    assert facet(result, "country") == {"FI": (1, False), "SE": (1, False)}
    assert "pitkaaikaistyottomat" not in facet(result, "target_group")


def test_filter_narrows_and_other_facets_count_within_it(corpus):
    result = search("", {"theme": ["osaamisen-kehittaminen"]})
    assert set(slugs(result)) == {"hoiva-alan-polku", "kielikahvila"}
    # Other values of the filtered facet count without that filter ...
    assert facet(result, "theme")["osaamisen-kehittaminen"] == (2, True)
    assert facet(result, "theme")["toimintakyky"] == (4, False)
    # ... and the other facets count within it.
    assert facet(result, "country") == {"FI": (1, False), "SE": (1, False)}


def test_values_of_a_facet_are_ored_and_facets_anded(corpus):
    either = search("", {"theme": ["osaamisen-kehittaminen", "tyonantajat"]})
    assert set(slugs(either)) == {"hoiva-alan-polku", "kielikahvila", "tyokokeilu-portaat", "rekrytukipiste"}
    both = search("", {"theme": ["osaamisen-kehittaminen", "tyonantajat"], "country": ["SE"]})
    assert slugs(both) == ["kielikahvila"]
    assert facet(both, "country") == {"FI": (2, False), "SE": (1, True)}


def test_unknown_filters_are_ignored(corpus):
    result = search("", {"theme": ["ei-ole", "x" * 5000], "nonsense": ["1"], "country": "FI"})
    assert result.count == len(PUBLISHED)
    assert result.filters == {}


def test_selected_value_without_results_is_still_shown(corpus):
    result = search("mentorointi", {"country": ["SE"]})
    assert result.count == 0
    assert facet(result, "country") == {"SE": (0, True)}


# --- Snippets --------------------------------------------------------------------


def test_snippet_marks_inflected_matches(corpus):
    result = search("työkokeiluun")
    snippet = result.items[0].search_snippet
    assert snippet.lang == "fi"
    assert "<mark>työkokeilulla</mark>" in snippet.html


def test_snippet_escapes_everything_but_the_marks(corpus):
    result = search("sirkustaide")
    html = result.items[0].search_snippet.html
    assert "<mark>Sirkustaide</mark>" in html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&amp; &quot;uskallus&quot; &lt;img src=x onerror=alert(1)&gt;" in html


def test_snippet_comes_from_the_description_when_the_summary_has_no_match(corpus):
    html = search("mentorointi").items[1].search_snippet.html
    assert html == "Toiminnassa käytetään myös <mark>mentorointia</mark>."


def test_snippet_of_a_long_text_is_a_window_around_the_match():
    text = " ".join(["sana"] * 50 + ["työkokeilu"] + ["loppu"] * 50)
    html = highlight(text, "fi", frozenset({"työkokeilu"}))
    assert html.startswith("… sana") and html.endswith(" …")
    assert html.count("sana") == 8 and "<mark>työkokeilu</mark>" in html


def test_plain_text_drops_markdown():
    assert plain_text("**Portaat**\n\n1. Alku [linkki](https://x.fi)\n- `koodi`") == "Portaat Alku linkki koodi"


# --- rank_practices: the entry point for the API ------------------------------------


def test_rank_practices_pages_through_ids_best_first(corpus):
    ranked = rank_practices("työkokeiluun", limit=1)
    assert ranked.ids == [corpus["tyokokeilu-portaat"].pk]
    assert ranked.count == search("työkokeiluun").count
    rest = rank_practices("työkokeiluun", limit=10, offset=1)
    assert rest.ids == [page.pk for page in search("työkokeiluun").items][1:]


def test_rank_practices_stays_within_a_queryset(corpus):
    within = published_practices().filter(themes__code="tyonantajat")
    ranked = rank_practices("palkkatuen", within=within)
    assert set(ranked.ids) == {corpus["tyokokeilu-portaat"].pk, corpus["rekrytukipiste"].pk}
    ranked = rank_practices("palkkatuen", within=published_practices().filter(countries__code="FI"))
    assert ranked.ids == [corpus["tyokokeilu-portaat"].pk]


def test_rank_practices_reports_relaxation_and_suggestions(corpus):
    assert rank_practices("työkokeilu palkkatuki").relaxed
    assert rank_practices("työkokelu").suggestion == "työkokeilu"
    assert rank_practices("ja tai").ids == []
    assert rank_practices("x" * 10_000 + "\x00").count == 0
