"""Ranking: one page of practice ids in order, and how many match.

Ranking, in order: how many query words a practice has (so complete matches
come first in a relaxed search); how many of them it has in an exact form
rather than only through an expansion (so "työkokeilu" beats
"kokeilukulttuuri" for "työkokeiluun"); then bm25 / ts_rank with the field
weights (see backends/). By relevance, the practices with every word in an
exact form in their name, keywords or target groups (the top tier) come
before the rest of a strict match.

`ranked_page_ids` runs the steps below in turn: count the statements of the
match (`statements_to_count`, `count_statements`), then build the page's
statement, from the top tier alone when the page lies within it
(`tier_covers`, `tier_page_sql`) and else from the whole match
(`match_page_sql`, ordered by `ranking_order`).

The statements are composed from constants (table names, placeholders),
hence the S608 exemptions; every value is a query parameter.
"""

from __future__ import annotations

from collections.abc import Hashable

from django.db import connection

from .backends import backend
from .backends.base import DOCUMENT_TABLE, FACET_TABLE
from .facet_bitmaps import document_count, match_counts, passing_ids
from .words import Match, Word

# A filtered match of at most this many documents is ranked from the list of
# their ids where the database can (see PostgreSQLBackend.ranks_given_ids).
RANK_IDS_MAX = 20_000

Statements = dict[Hashable, tuple[str, list]]

# Key of the statement of a match's exact forms (see `exact_covers`).
EXACT = "exact"


def count_rows(source_sql: str, params: list, filter_sql: str = "", filter_params: list | None = None) -> int:
    """How many rows the SELECT ``source_sql`` gives that pass ``filter_sql`` (on ``m``)."""
    where = f"WHERE {filter_sql}" if filter_sql else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({source_sql}) m {where}", [*params, *(filter_params or [])])  # noqa: S608
        return cursor.fetchone()[0]


def read_ids(sql: str, params: list) -> list[int]:
    """The first column of every row of ``sql``."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def read_page(sql: str, params: list, limit: int, offset: int) -> list[int]:
    """The first column of rows ``[offset:offset + limit]`` of ``sql``."""
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset])
        return [row[0] for row in cursor.fetchall()]


def _filter_sql(
    filters: dict[str, list[str]], column: str, skip: str | None = None, within: tuple[str, list] | None = None
) -> tuple[str, list]:
    """`column IN (documents with a selected value)` for each filtered facet,
    and `column IN (within)` for a SELECT of page ids."""
    clauses, params = [], []
    if within:
        clauses.append(f"+{column} IN ({within[0]})")
        params += list(within[1])
    for facet, codes in sorted(filters.items()):
        if facet == skip or not codes:
            continue
        placeholders = ", ".join(["%s"] * len(codes))
        # The unary + keeps SQLite from pushing "rowid IN (...)" into the
        # FTS5 scan, which would run the full-text query once per value.
        clauses.append(
            f"+{column} IN (SELECT document_id FROM {FACET_TABLE} WHERE facet = %s AND code IN ({placeholders}))"  # noqa: S608
        )
        params += [facet, *codes]
    return " AND ".join(clauses), params


def count_matches(match: Match, limit: int) -> int:
    """How many documents match, counting no further than ``limit``."""
    sql, params = backend().match_ids_sql(match)
    return count_rows(f"{sql} LIMIT %s", [*params, limit])


def has_match(match: Match) -> bool:
    return count_matches(match, 1) > 0


def ranked_page_ids(
    match: Match | None,
    filters: dict[str, list[str]],
    sort: str,
    limit: int,
    offset: int,
    within: tuple[str, list] | None = None,
) -> tuple[list[int], int, int]:
    """One page of practice ids in order, how many match in all, and how
    many of those lack some query word (only a relaxed match has any).

    ``match`` None lists every indexed practice (browsing); browsing is
    always newest first. Whatever the sort, practices with more of the query
    words come first, and then those with more of them in exact form. By
    relevance, the practices that have every word in an exact form in their
    name, keywords or target groups (the top tier) come next, and then the
    score decides. ``within`` is (sql, params) of a SELECT of page ids to
    stay within.

    Why the tier: a broad word matches a large share of a big catalogue,
    and scoring every match is slow. Pages within the top tier are ranked
    among its members only, which is the same order because the tier comes
    first.
    """
    if match is None:
        return browse_page_ids(filters, limit, offset, within)
    statements = statements_to_count(match, sort)
    counts = count_statements(statements, filters, within)
    count = counts[match]
    partial = count - counts[Match(match.words)] if match.relaxed else 0
    if not count or offset >= count:
        return [], count, partial
    if tier_covers(counts, match, limit, offset):
        sql, params = tier_page_sql(match, filters, within)
    elif exact_covers(counts, match, limit, offset):
        sql, params = exact_page_sql(match, filters, within, counts[EXACT, match], statements[EXACT, match])
    else:
        sql, params = match_page_sql(match, filters, sort, within, count, statements[match])
    return read_page(sql, params, limit, offset), count, partial


def browse_page_ids(
    filters: dict[str, list[str]], limit: int, offset: int, within: tuple[str, list] | None = None
) -> tuple[list[int], int, int]:
    """`ranked_page_ids` without a match: every indexed practice, newest first."""
    filter_sql, params = _filter_sql(filters, "d.page_id", within=within)
    where = f"WHERE {filter_sql}" if filter_sql else ""
    documents = f"SELECT d.page_id FROM {DOCUMENT_TABLE} d {where}"  # noqa: S608
    count = document_count(filters) if within is None else count_rows(documents, params)
    sql = f"{documents} ORDER BY d.published_at DESC NULLS LAST, d.page_id DESC"
    return read_page(sql, params, limit, offset), count, 0


def statements_to_count(match: Match, sort: str) -> Statements:
    """``{key: (sql, params)}`` of the documents to count, keyed ``match``
    for the match itself, its strict form for the complete matches of a
    relaxed match, and ``("top", match)`` for the top tier of a strict
    match ranked by relevance."""
    statements = {match: backend().match_ids_sql(match)}
    if match.relaxed:
        statements[Match(match.words)] = backend().match_ids_sql(Match(match.words))
    elif sort != "newest":
        statements["top", match] = backend().top_ids_sql(match)
        if backend().ranks_given_ids and any(word.has_weaker for word in match.words):
            statements[EXACT, match] = backend().match_ids_sql(exact_match(match))
    return statements


def count_statements(
    statements: Statements, filters: dict[str, list[str]], within: tuple[str, list] | None = None
) -> dict[Hashable, int]:
    """``{key: documents}``: how many documents of each statement pass the
    filters and stay ``within``."""
    if within is None:
        # Counted on the matches' bitmaps (facet_bitmaps.py), which the
        # facets of the same query read anyway: a COUNT(*) of a broad match
        # costs what reading its ids does, every time. `within` is
        # arbitrary SQL, so that is counted by the database.
        return match_counts({key: (lambda ids=ids: read_ids(*ids)) for key, ids in statements.items()}, filters)
    filter_sql, filter_params = _filter_sql(filters, "m.doc_id", within=within)
    return {key: count_rows(*ids, filter_sql, filter_params) for key, ids in statements.items()}


def tier_covers(counts: dict[Hashable, int], match: Match, limit: int, offset: int) -> bool:
    """Whether the page ``[offset:offset + limit]`` lies within the counted top tier."""
    return ("top", match) in counts and offset + limit <= counts["top", match]


def exact_match(match: Match) -> Match:
    """``match`` with each word's exact forms only: no compound parts,
    spelling corrections or thesaurus labels."""
    return Match(tuple(Word(word.original, word.terms, frozenset(), word.phrase) for word in match.words))


def exact_covers(counts: dict[Hashable, int], match: Match, limit: int, offset: int) -> bool:
    """Whether the page ``[offset:offset + limit]`` lies among the practices
    that have every word in an exact form (counted when some word has weaker forms).

    By relevance those come first (`ranking_order`: ``m.exact DESC`` before
    the score), so such a page is the same whether the whole match is
    ranked or only they are. A widened query ("palkkatuki" with
    "lönesubvention" and "wage subsidy") matches many more practices than
    the words themselves, and ranking reads every match's vector: ranking
    only the exact ones keeps the widening's cost to its count.
    """
    return (EXACT, match) in counts and offset + limit <= counts[EXACT, match]


def exact_page_sql(
    match: Match,
    filters: dict[str, list[str]],
    within: tuple[str, list] | None,
    count: int,
    exact_ids: tuple[str, list],
) -> tuple[str, list]:
    """The whole match's ranking (its score, with every alternative) over the
    exact-form matches that pass the filters and stay ``within``; ``count``
    is how many those are, ``exact_ids`` their statement.

    Counted only where the database ranks just the rows it is given
    (`Backend.ranks_given_ids`): SQLite's FTS5 scores every match in its
    scan whatever the restriction, so there it would save nothing.
    """
    chosen = backend()
    if within is None and count <= RANK_IDS_MAX:
        ids = passing_ids((EXACT, match), lambda: read_ids(*exact_ids), filters)
        match_sql, params = chosen.match_sql(match, with_top=True, ids=ids)
    else:
        if within is not None:
            exact_sql, exact_params = exact_ids
            exact_ids = (f"SELECT x.doc_id FROM ({exact_sql}) x WHERE x.doc_id IN ({within[0]})",  # noqa: S608
                         [*exact_params, *within[1]])  # fmt: skip
        restrict = _filter_sql(filters, "d.page_id", within=exact_ids)
        match_sql, params = chosen.match_sql(match, with_top=True, restrict=restrict)
    source, order = ranking_order(match, "relevance", match_sql)
    return f"SELECT m.doc_id FROM {source} ORDER BY {order}", params  # noqa: S608


def tier_page_sql(
    match: Match, filters: dict[str, list[str]], within: tuple[str, list] | None = None
) -> tuple[str, list]:
    """The ids of the top tier that pass the filters, best first."""
    filter_sql, filter_params = _filter_sql(filters, "m.doc_id", within=within)
    where = f"WHERE {filter_sql}" if filter_sql else ""
    tier_sql, tier_params = backend().top_tier_sql(match)
    sql = f"SELECT m.doc_id FROM ({tier_sql}) m {where} ORDER BY m.score DESC, m.doc_id DESC"  # noqa: S608
    return sql, [*tier_params, *filter_params]


def match_page_sql(
    match: Match,
    filters: dict[str, list[str]],
    sort: str,
    within: tuple[str, list] | None,
    count: int,
    match_ids: tuple[str, list],
) -> tuple[str, list]:
    """The ids of the whole match that pass the filters, in order.

    ``count`` is how many pass, as counted; ``match_ids`` is the match's
    statement from `statements_to_count`. Where the backend ranks given ids,
    a filtered match that is not too large is ranked from the ids that pass,
    read from the bitmaps the count came from; otherwise the filters go
    into the statement.
    """
    filter_sql, filter_params = _filter_sql(filters, "m.doc_id", within=within)
    where = f"WHERE {filter_sql}" if filter_sql else ""
    chosen = backend()
    restrict, ids = None, None
    if filter_sql and within is None and chosen.ranks_given_ids and count <= RANK_IDS_MAX:
        # From the bitmaps the count came from: the filters are applied.
        ids = passing_ids(match, lambda: read_ids(*match_ids), filters)
        where, filter_params = "", []
    elif filter_sql:
        restrict = _filter_sql(filters, "d.page_id", within=within)
    with_top = sort != "newest" and not match.relaxed
    match_sql, params = chosen.match_sql(match, with_top=with_top, restrict=restrict, ids=ids)
    source, order = ranking_order(match, sort, match_sql)
    sql = f"SELECT m.doc_id FROM {source} {where} ORDER BY {order}"  # noqa: S608
    return sql, [*params, *filter_params]


def ranking_order(match: Match, sort: str, match_sql: str) -> tuple[str, str]:
    """(FROM source, ORDER BY) for the rows of ``match_sql`` (`Backend.match_sql`) as ``m``."""
    if sort == "newest":
        source = f"({match_sql}) m JOIN {DOCUMENT_TABLE} d ON d.page_id = m.doc_id"
        return source, "m.words DESC, d.published_at DESC NULLS LAST, m.doc_id DESC"
    if match.relaxed:
        return f"({match_sql}) m", "m.words DESC, m.exact DESC, m.score DESC, m.doc_id DESC"
    # Ties (rare with bm25) go to the newer page; no join needed.
    return f"({match_sql}) m", "m.words DESC, m.exact DESC, m.top DESC, m.score DESC, m.doc_id DESC"
