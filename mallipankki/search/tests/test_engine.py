"""search() end to end over the module corpus (see conftest.py): Finnish
matching, ranking, relaxation, suggestions, facets and snippets."""

import pytest

from mallipankki.practices.listing import published_practices
from mallipankki.search import engine
from mallipankki.search.engine import parse_query, prepare_query, rank_practices, ranked_page_ids, search
from mallipankki.search.snippets import highlight, plain_text

from .conftest import PUBLISHED

pytestmark = pytest.mark.django_db


def slugs(result) -> list[str]:
    return [page.slug for page in result.items]


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
    assert slugs(search("arbetsträning")) == ["arbetsprovning"]
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


# --- Ranking ------------------------------------------------------------------


def test_name_match_ranks_above_description_match(corpus):
    assert slugs(search("mentorointi")) == ["mentorointi-nuorille", "nuorten-tukiverkko"]


def test_exact_term_ranks_above_expansion(corpus):
    # kokeilukulttuuri shares only the part "kokeilu" with työkokeilu.
    found = slugs(search("työkokeiluun"))
    assert found.index("tyokokeilu-portaat") < found.index("kokeilukulttuuri")


def test_newest_sort(corpus):
    found = slugs(search("maahanmuuttajanaisille", sort="newest"))
    assert found == ["kielikahvila", "hoiva-alan-polku"]


# --- Query semantics -------------------------------------------------------------


def test_every_word_is_required_when_enough_practices_have_them_all(corpus, monkeypatch):
    monkeypatch.setattr(engine, "RELAX_BELOW", 1)
    result = search("työkokeilu palkkatuki")
    assert slugs(result) == ["tyokokeilu-portaat"]
    assert not result.relaxed


def test_relaxes_to_any_word_with_complete_matches_first(corpus):
    result = search("työkokeilu palkkatuki")
    assert result.relaxed
    assert slugs(result)[0] == "tyokokeilu-portaat"
    assert "rekrytukipiste" in slugs(result)


def test_relaxes_when_no_practice_has_every_word(corpus, monkeypatch):
    monkeypatch.setattr(engine, "RELAX_BELOW", 1)
    result = search("sirkustaide mentorointi")
    assert result.relaxed
    assert set(slugs(result)) == {"sirkus", "mentorointi-nuorille", "nuorten-tukiverkko"}


def test_relaxed_is_false_when_nothing_more_was_found(corpus):
    # Both words are only in this practice: relaxing adds nothing.
    result = search("sirkustaide uskallus")
    assert slugs(result) == ["sirkus"]
    assert not result.relaxed


def test_a_word_no_practice_has_is_left_out_and_named(corpus):
    alone = search("työkokeilu")
    result = search("työkokeilu xyzzyqw")
    assert result.missing == ["xyzzyqw"]
    assert (slugs(result), result.count, result.relaxed) == (slugs(alone), alone.count, False)
    assert alone.missing == []


def test_the_words_found_are_still_relaxed_when_few_have_them_all(corpus):
    relaxed = search("työkokeilu palkkatuki")
    result = search("työkokeilu xyzzyqw palkkatuki")
    assert result.missing == ["xyzzyqw"]
    assert result.relaxed
    assert (slugs(result), result.count) == (slugs(relaxed), relaxed.count)


def test_a_query_of_words_no_practice_has_finds_nothing(corpus):
    result = search("xyzzyqw qqzzvvk")
    assert (result.count, result.items, result.missing) == (0, [], [])


def test_stop_words_of_any_language_are_dropped():
    words = parse_query("arbetsträning för unga och IPS in Finland ja muuta")
    assert [word.original for word in words] == ["arbetsträning", "unga", "IPS", "Finland", "muuta"]


def test_query_of_only_stop_words_finds_nothing(corpus):
    result = search("ja tai the och")
    assert result.count == 0 and result.items == []


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


# --- Suggestions ------------------------------------------------------------------


def test_mistyped_word_gets_a_suggestion_and_still_finds(corpus):
    result = search("työkokelu")
    assert result.suggestion == "työkokeilu"
    assert slugs(result)[0] == "tyokokeilu-portaat"


def test_suggestion_keeps_the_rest_of_the_query(corpus):
    # The typed inflection is kept when the texts have the word in that form.
    assert search("hoiva-alan mielenterveyskuntotujat").suggestion == "hoiva-alan mielenterveyskuntoutujat"


def test_typo_in_a_compound_with_known_parts_gets_a_suggestion(corpus):
    # "asiantuntija" and "koulutus" are indexed, the word as typed is not.
    result = search("kokeusasiantuntijakoulutus")
    assert result.suggestion == "kokemusasiantuntijakoulutus"
    assert slugs(result)[0] == "kokemusasiantuntijat"


def test_no_suggestion_for_known_words_or_far_ones(corpus):
    assert search("työkokeilu").suggestion is None
    assert search("xyzzyplugh").suggestion is None
    # One edit away is too far for a short word that may be spelt right.
    assert search("mentor").suggestion is None


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


# --- Ranking in tiers --------------------------------------------------------------


@pytest.mark.parametrize("query", ["työkokeilu", "tuki", "maahanmuuttajat", "nuoret", "palkkatuki", "mentorointimalli"])
def test_pages_from_the_top_tier_follow_the_full_ranking(corpus, query):
    """Short pages are ranked within the top tier when it is long enough;
    read one result at a time, they must give the order of the full ranking."""
    match = prepare_query(query)[2]
    whole, count, _partial = ranked_page_ids(match, {}, "relevance", 100, 0)
    assert count == len(whole) > 0
    one_by_one = [ranked_page_ids(match, {}, "relevance", 1, offset)[0][0] for offset in range(count)]
    assert one_by_one == whole


@pytest.mark.parametrize("query", ["työkokeilu", "nuoret tuki", "työkokeilu tuki", "maahanmuuttajat kieli"])
def test_tier_members_score_the_same_alone_and_in_the_full_ranking(corpus, monkeypatch, query):
    """What keeps pages of the tier in the full ranking's order: each member
    gets the same score from the tier's own statement as from the full one."""
    from django.db import connection

    from mallipankki.search.engine import backend

    monkeypatch.setattr(engine, "RELAX_BELOW", 1)
    engine.forget_prepared_queries()
    try:
        match = prepare_query(query)[2]
    finally:
        engine.forget_prepared_queries()
    assert not match.relaxed
    with connection.cursor() as cursor:
        cursor.execute(*backend().top_tier_sql(match))
        alone = dict(cursor.fetchall())
        cursor.execute(*backend().match_sql(match, with_top=True))
        in_full = {doc: score for doc, score, _words, _exact, top in cursor.fetchall() if top}
    assert alone
    assert in_full == pytest.approx(alone)


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("työkokeilu", {"theme": ["yksilollinen-tuki"]}),
        ("tuki", {"country": ["FI", "SE"]}),
        ("työkokeilu palkkatuki", {"theme": ["yksilollinen-tuki", "tyonantajat"]}),
        ("nuoret", {"target_group": ["nuoret"], "theme": ["yksilollinen-tuki", "osaamisen-kehittaminen"]}),
    ],
)
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_filtered_match_ranked_from_its_ids_keeps_the_order(corpus, monkeypatch, query, filters, sort):
    """Where the database ranks the filtered ids that the bitmaps give
    (PostgreSQL), the order is the one that filtering in SQL gives."""
    match = prepare_query(query)[2]
    from_ids = ranked_page_ids(match, filters, sort, 100, 0)
    monkeypatch.setattr(engine, "RANK_IDS_MAX", -1)
    assert ranked_page_ids(match, filters, sort, 100, 0) == from_ids
    assert from_ids[1] == len(from_ids[0]) > 0


def test_top_tier_is_the_head_of_the_ranking(corpus):
    from mallipankki.search.engine import _count, backend

    match = prepare_query("työkokeilu")[2]
    sql, params = backend().top_ids_sql(match)
    tier = _count(sql, params, "", [])
    assert 0 < tier < ranked_page_ids(match, {}, "relevance", 100, 0)[1]
    # The practice with the word in its name and keywords comes first.
    assert ranked_page_ids(match, {}, "relevance", 1, 0)[0] == [corpus["tyokokeilu-portaat"].pk]


@pytest.mark.parametrize("sort", ["relevance", "newest"])
@pytest.mark.parametrize("query", ["työkokeilu", "tuki", "nuoret", "työkokeilu palkkatuki"])
def test_a_filter_keeps_the_order_of_the_unfiltered_results(corpus, query, sort):
    """A filter only drops practices (PostgreSQL applies it before scoring)."""
    everything = search(query, sort=sort, per_page=100)
    assert everything.count > 1
    for code in {entry["code"] for entry in everything.facets["theme"]}:
        members = set(slugs(search("", {"theme": [code]}, per_page=100)))
        filtered = search(query, {"theme": [code]}, sort=sort, per_page=100)
        assert slugs(filtered) == [slug for slug in slugs(everything) if slug in members], code
        assert filtered.count == len(slugs(filtered)) > 0


def test_a_compound_no_practice_has_ranks_its_parts_as_its_forms(corpus):
    """No practice says "mentorointimalli": its part "mentorointi" stands
    in for it, so the practice with that in its name is a top tier to rank
    first, rather than every match being scored."""
    from mallipankki.search.engine import _ids, backend

    match = prepare_query("mentorointimalli")[2]
    assert slugs(search("mentorointimalli")) == ["mentorointi-nuorille", "nuorten-tukiverkko"]
    assert _ids(*backend().top_ids_sql(match)) == [corpus["mentorointi-nuorille"].pk]
