"""Ranking over the module corpus (see conftest.py): the order of the
results, the top tier, and the steps of ranked_page_ids."""

import pytest
from django.db import connection

from mallipankki.practices.listing import published_practices
from mallipankki.search import query, ranking
from mallipankki.search.backends import backend
from mallipankki.search.query import prepare_query
from mallipankki.search.ranking import (
    EXACT,
    browse_page_ids,
    count_rows,
    count_statements,
    exact_covers,
    exact_page_sql,
    match_page_sql,
    ranked_page_ids,
    ranking_order,
    read_ids,
    read_page,
    statements_to_count,
    tier_covers,
    tier_page_sql,
)
from mallipankki.search.service import search
from mallipankki.search.words import Match

from .conftest import PUBLISHED, slugs

pytestmark = pytest.mark.django_db


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


# --- Ranking in tiers --------------------------------------------------------------


@pytest.mark.parametrize("text", ["työkokeilu", "tuki", "maahanmuuttajat", "nuoret", "palkkatuki", "mentorointimalli"])
def test_pages_from_the_top_tier_follow_the_full_ranking(corpus, text):
    """Short pages are ranked within the top tier when it is long enough;
    read one result at a time, they must give the order of the full ranking."""
    match = prepare_query(text)[2]
    whole, count, _partial = ranked_page_ids(match, {}, "relevance", 100, 0)
    assert count == len(whole) > 0
    one_by_one = [ranked_page_ids(match, {}, "relevance", 1, offset)[0][0] for offset in range(count)]
    assert one_by_one == whole


@pytest.mark.parametrize("text", ["työkokeilu", "nuoret tuki", "työkokeilu tuki", "maahanmuuttajat kieli"])
def test_tier_members_score_the_same_alone_and_in_the_full_ranking(corpus, monkeypatch, text):
    """What keeps pages of the tier in the full ranking's order: each member
    gets the same score from the tier's own statement as from the full one."""
    monkeypatch.setattr(query, "RELAX_BELOW", 1)
    query.forget_prepared_queries()
    try:
        match = prepare_query(text)[2]
    finally:
        query.forget_prepared_queries()
    assert not match.relaxed
    with connection.cursor() as cursor:
        cursor.execute(*backend().top_tier_sql(match))
        alone = dict(cursor.fetchall())
        cursor.execute(*backend().match_sql(match, with_top=True))
        in_full = {doc: score for doc, score, _words, _exact, top in cursor.fetchall() if top}
    assert alone
    assert in_full == pytest.approx(alone)


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("työkokeilu", {"theme": ["yksilollinen-tuki"]}),
        ("tuki", {"country": ["FI", "SE"]}),
        ("työkokeilu palkkatuki", {"theme": ["yksilollinen-tuki", "tyonantajat"]}),
        ("nuoret", {"target_group": ["nuoret"], "theme": ["yksilollinen-tuki", "osaamisen-kehittaminen"]}),
    ],
)
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_filtered_match_ranked_from_its_ids_keeps_the_order(corpus, monkeypatch, text, filters, sort):
    """Where the database ranks the filtered ids that the bitmaps give
    (PostgreSQL), the order is the one that filtering in SQL gives."""
    match = prepare_query(text)[2]
    from_ids = ranked_page_ids(match, filters, sort, 100, 0)
    monkeypatch.setattr(ranking, "RANK_IDS_MAX", -1)
    assert ranked_page_ids(match, filters, sort, 100, 0) == from_ids
    assert from_ids[1] == len(from_ids[0]) > 0


def test_top_tier_is_the_head_of_the_ranking(corpus):
    match = prepare_query("työkokeilu")[2]
    sql, params = backend().top_ids_sql(match)
    tier = count_rows(sql, params)
    assert 0 < tier < ranked_page_ids(match, {}, "relevance", 100, 0)[1]
    # The practice with the word in its name and keywords comes first.
    assert ranked_page_ids(match, {}, "relevance", 1, 0)[0] == [corpus["tyokokeilu-portaat"].pk]


@pytest.mark.parametrize("sort", ["relevance", "newest"])
@pytest.mark.parametrize("text", ["työkokeilu", "tuki", "nuoret", "työkokeilu palkkatuki"])
def test_a_filter_keeps_the_order_of_the_unfiltered_results(corpus, text, sort):
    """A filter only drops practices (PostgreSQL applies it before scoring)."""
    everything = search(text, sort=sort, per_page=100)
    assert everything.count > 1
    for code in {entry["code"] for entry in everything.facets["theme"]}:
        members = set(slugs(search("", {"theme": [code]}, per_page=100)))
        filtered = search(text, {"theme": [code]}, sort=sort, per_page=100)
        assert slugs(filtered) == [slug for slug in slugs(everything) if slug in members], code
        assert filtered.count == len(slugs(filtered)) > 0


def test_a_compound_no_practice_has_ranks_its_parts_as_its_forms(corpus):
    """No practice says "mentorointimalli": its part "mentorointi" stands
    in for it, so the practice with that in its name is a top tier to rank
    first, rather than every match being scored."""
    match = prepare_query("mentorointimalli")[2]
    assert slugs(search("mentorointimalli")) == ["mentorointi-nuorille", "nuorten-tukiverkko"]
    assert read_ids(*backend().top_ids_sql(match)) == [corpus["mentorointi-nuorille"].pk]


# --- The steps of ranked_page_ids ---------------------------------------------------


def test_the_statements_counted_depend_on_the_match_and_the_sort(corpus, monkeypatch):
    strict = prepare_query("työkokeilu")[2]
    assert any(word.has_weaker for word in strict.words)  # its compound parts
    exact = {(EXACT, strict)} if backend().ranks_given_ids else set()
    assert set(statements_to_count(strict, "relevance")) == {strict, ("top", strict), *exact}
    assert set(statements_to_count(strict, "newest")) == {strict}
    relaxed = prepare_query("työkokeilu palkkatuki")[2]
    assert relaxed.relaxed
    assert set(statements_to_count(relaxed, "relevance")) == {relaxed, Match(relaxed.words)}


def test_counts_on_the_bitmaps_equal_counts_in_sql(corpus):
    match = prepare_query("tuki")[2]
    statements = statements_to_count(match, "relevance")
    within = published_practices().values("pk").query.sql_with_params()
    assert count_statements(statements, {}) == count_statements(statements, {}, within=within)


def test_a_page_is_ranked_within_the_tier_only_when_the_tier_holds_it():
    match = Match(())
    counts = {match: 10, ("top", match): 4}
    assert tier_covers(counts, match, limit=2, offset=2)
    assert not tier_covers(counts, match, limit=2, offset=3)
    assert not tier_covers({match: 10}, match, limit=1, offset=0)


def test_the_tier_statement_gives_the_head_of_the_whole_ranking(corpus):
    match = prepare_query("työkokeilu")[2]
    statements = statements_to_count(match, "relevance")
    counts = count_statements(statements, {})
    tier = counts["top", match]
    whole = read_page(*match_page_sql(match, {}, "relevance", None, counts[match], statements[match]), 100, 0)
    assert read_page(*tier_page_sql(match, {}), tier, 0) == whole[:tier]
    assert whole == ranked_page_ids(match, {}, "relevance", 100, 0)[0]


def test_ranking_order_by_sort_and_match():
    strict, relaxed = Match(()), Match((), relaxed=True)
    assert ranking_order(strict, "newest", "S") == (
        "(S) m JOIN search_searchdocument d ON d.page_id = m.doc_id",
        "m.words DESC, d.published_at DESC NULLS LAST, m.doc_id DESC",
    )
    assert ranking_order(relaxed, "relevance", "S") == (
        "(S) m",
        "m.words DESC, m.exact DESC, m.score DESC, m.doc_id DESC",
    )
    assert ranking_order(strict, "relevance", "S") == (
        "(S) m",
        "m.words DESC, m.exact DESC, m.top DESC, m.score DESC, m.doc_id DESC",
    )


def test_browsing_lists_every_indexed_practice_newest_first(corpus):
    ids, count, partial = browse_page_ids({}, 100, 0)
    assert (count, partial) == (len(ids), 0)
    assert ids == ranked_page_ids(None, {}, "relevance", 100, 0)[0]
    assert [corpus[slug].pk for slug in reversed(PUBLISHED)] == ids


# --- The exact-form head of a widened match (PostgreSQL) -----------------------------------

WIDENED = ["työkokeilu", "palkkatuki", "tuettu työllistyminen", "arbetsprövning", "work trial", "nuoret tuki"]


@pytest.fixture
def widening_concepts(db):
    from mallipankki.search.expansion import forget_table
    from mallipankki.thesaurus.models import Concept

    Concept.objects.all().delete()
    Concept.objects.create(
        slug="test-tyokokeilu", group="palvelut", labels_fi="työkokeilu", labels_sv="arbetsprövning",
        labels_en="work trial",
    )  # fmt: skip
    Concept.objects.create(
        slug="test-palkkatuki", group="etuudet", labels_fi="palkkatuki", labels_sv="lönesubvention",
        labels_en="wage subsidy\npay subsidy",
    )  # fmt: skip
    Concept.objects.create(
        slug="test-tuettu", group="menetelmat", labels_fi="tuettu työllistyminen", labels_sv="stödd anställning",
        labels_en="supported employment",
    )  # fmt: skip
    forget_table()
    query.forget_prepared_queries()
    yield
    forget_table()
    query.forget_prepared_queries()


@pytest.mark.parametrize("text", WIDENED)
@pytest.mark.parametrize(
    "filters", [{}, {"theme": ["yksilollinen-tuki", "tyonantajat"]}, {"country": ["FI", "SE", "GB"]}]
)
def test_the_exact_head_of_a_widened_match_is_the_head_of_its_whole_ranking(corpus, widening_concepts, text, filters):
    """Where only the practices with every word in an exact form are ranked
    (the page lies among them), they come in the whole match's order."""
    match = prepare_query(text)[2]
    statements = statements_to_count(match, "relevance")
    if (EXACT, match) not in statements:
        assert not backend().ranks_given_ids or match.relaxed or not any(w.has_weaker for w in match.words)
        return
    counts = count_statements(statements, filters)
    head = counts[EXACT, match]
    assert head <= counts[match]
    if text in ("työkokeilu", "palkkatuki", "arbetsprövning") and not filters:
        assert head > 0  # practices that use these words themselves
    whole = read_page(*match_page_sql(match, filters, "relevance", None, counts[match], statements[match]), 100, 0)
    assert read_page(*exact_page_sql(match, filters, None, head, statements[EXACT, match]), head, 0) == whole[:head]
    within = published_practices().values("pk").query.sql_with_params()
    in_sql = read_page(*exact_page_sql(match, filters, within, head, statements[EXACT, match]), head, 0)
    assert in_sql == whole[:head]


@pytest.mark.parametrize("text", WIDENED)
def test_pages_of_a_widened_match_read_one_by_one_follow_its_whole_ranking(corpus, widening_concepts, text):
    match = prepare_query(text)[2]
    whole, count, _partial = ranked_page_ids(match, {}, "relevance", 100, 0)
    assert count == len(whole) > 0
    assert [ranked_page_ids(match, {}, "relevance", 1, offset)[0][0] for offset in range(count)] == whole


def test_a_widened_query_finds_the_other_languages_after_its_own_words(corpus, widening_concepts):
    found = slugs(search("arbetsprövning"))
    assert found[0] == "arbetsprovning"
    assert "tyokokeilu-portaat" in found[1:]


def test_a_page_is_ranked_among_the_exact_forms_only_when_they_hold_it():
    match = Match(())
    counts = {match: 10, (EXACT, match): 4}
    assert exact_covers(counts, match, limit=2, offset=2)
    assert not exact_covers(counts, match, limit=2, offset=3)
    assert not exact_covers({match: 10}, match, limit=1, offset=0)
