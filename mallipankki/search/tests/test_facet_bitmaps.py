"""Facet counts from the per-process bitmaps give the same numbers as
counting the facet rows in SQL. (That they follow every change of the index
is tested in test_indexing.py, which has no module-wide corpus.)"""

import itertools

import pytest
from django.db import connection

from mallipankki.search.backends import backend
from mallipankki.search.facet_bitmaps import bitmap, ids_of
from mallipankki.search.facets import FACETS
from mallipankki.search.models import SearchDocument, SearchFacet
from mallipankki.search.query import choose_match
from mallipankki.search.service import facet_counts
from mallipankki.search.words import parse_query

pytestmark = pytest.mark.django_db


def test_bitmap_sets_one_bit_per_id():
    assert bitmap([]) == 0
    assert bitmap([0, 3, 9]) == 0b1000001001
    assert bitmap([70, 70]).bit_count() == 1


def test_ids_of_reads_a_bitmap_back():
    assert ids_of(0) == []
    assert ids_of(bitmap([9, 0, 3, 70000])) == [0, 3, 9, 70000]


def sql_counts(page_ids: set[int], filters: dict[str, list[str]]) -> dict[str, dict[str, int]]:
    """The reference: each facet counted over its rows in SQL, every filter
    but its own applied."""
    counts = {}
    for facet in FACETS:
        documents = set(page_ids)
        for other, codes in filters.items():
            if other != facet:
                documents &= set(
                    SearchFacet.objects.filter(facet=other, code__in=codes).values_list("document_id", flat=True)
                )
        rows = SearchFacet.objects.filter(facet=facet, document_id__in=documents).values_list("code", flat=True)
        counted = {}
        for code in rows:
            counted[code] = counted.get(code, 0) + 1
        counts[facet] = counted
    return counts


QUERIES = ["", "työkokeilu", "maahanmuuttajanaisille", "kokemusasiantuntija", "valmennus"]
FILTERS = [
    {},
    {"theme": ["yksilollinen-tuki"]},
    {"country": ["FI", "SE"]},
    {"theme": ["osaamisen-kehittaminen"], "country": ["FI"]},
    {"region": ["FI-18"], "evidence_level": ["2", "4"]},
]


@pytest.mark.parametrize(("query", "filters"), list(itertools.product(QUERIES, FILTERS)))
def test_bitmap_counts_equal_counting_rows_in_sql(corpus, query, filters):
    match = choose_match(parse_query(query)) if query else None
    if match is None:
        matched = set(SearchDocument.objects.values_list("page_id", flat=True))
    else:
        sql, params = backend().match_ids_sql(match)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            matched = {row[0] for row in cursor.fetchall()}
    assert matched or query == "valmennus"  # the corpus has matches for the others
    assert facet_counts(match, filters, list(FACETS)) == sql_counts(matched, filters)


def test_kept_match_bitmaps_stay_within_their_byte_budget_oldest_first(corpus, monkeypatch):
    """A big catalogue's bitmaps are large: the kept ones are bounded in
    bytes, the least recently used go first, and a count is the same
    whether its bitmap was kept or read again."""
    from mallipankki.search import facet_bitmaps

    facet_bitmaps.forget_matches()
    wide = list(range(0, 400_000, 7))  # about 50 kB as a bitmap
    monkeypatch.setattr(facet_bitmaps, "MATCHED_BYTES", 120_000)
    reads = []

    def reader(key):
        return lambda: reads.append(key) or wide

    for key in ("a", "b", "c"):
        facet_bitmaps.match_counts({key: reader(key)}, {})
    facet_bitmaps.match_counts({"a": reader("a")}, {})  # "a" is the oldest: read again
    assert reads == ["a", "b", "c", "a"]
    assert facet_bitmaps._matched_bytes <= 120_000
    facet_bitmaps.match_counts({"c": reader("c")}, {})  # still kept
    assert reads == ["a", "b", "c", "a"]
    facet_bitmaps.forget_matches()
    assert facet_bitmaps._matched_bytes == 0
