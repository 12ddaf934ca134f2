"""Full-text matching and ranking over the index in models.py.

The analysis in analysis.py does the language work; the database only has to
find documents that contain whole terms and rank them. That keeps the two
databases equivalent:

- SQLite: FTS5 ``MATCH`` with every term double-quoted, ranked with
  ``bm25()`` and one weight per term column.
- PostgreSQL: ``@@`` against ``to_tsquery('simple', ...)`` with every term
  single-quoted, ranked with ``ts_rank()`` and the same weights. (Not
  ts_rank_cd(): cover density rewards terms that stand close together,
  which says little about lists of analysed terms with their compound parts;
  on bench/relevance ts_rank scores nDCG@10 0.866 against 0.856, and it is
  a third faster.) The top tier is ranked on ``vector_top`` (name, keywords
  and target groups) rather than the whole vector, which PostgreSQL reads
  from TOAST row by row: 75 ms for a tier of 8 600 at 100 000 practices.
  nDCG@10 on bench/relevance went from 0.867 to 0.859 with it.

The SQL statements are composed from this module's constants (table names,
weights, placeholders), hence the S608 exemptions; every value is a query
parameter. The match expressions are built only from analysed terms, which
are lowercase letters and digits and nothing else (checked again here), each
one quoted. So quotes, operators, NUL bytes and other hostile input in a
query cannot change the meaning of the SQL or of the match expression.

Query semantics: a query word matches any of its alternatives (its own base
forms and, as weaker matches, its compound-part expansions and spelling
corrections); all words must match; when fewer than RELAX_BELOW documents
have them all, words that no document has are left out (``missing``, and
the reader is told), and if that is not enough, documents with any of the
words are found too (``relaxed``).

Ranking, in order: how many query words a practice has (so complete matches
come first in a relaxed search); how many of them it has in an exact form
rather than only through an expansion (so "työkokeilu" beats
"kokeilukulttuuri" for "työkokeiluun"); then bm25 / ts_rank with the
field weights.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from django.db import connection
from django.utils import translation

from .analysis import LANGUAGES, analyse_query

# Weight groups: name > keywords and target groups > summary > description etc.
FIELD_WEIGHTS = {"a": 8.0, "b": 4.0, "c": 2.0, "d": 1.0}
# With fewer complete matches than this, practices that have only some of
# the query words are shown too (after the complete ones).
RELAX_BELOW = 5
# A filtered match of at most this many documents is ranked from the list of
# their ids where the database can (see _PostgreSQL.ranks_given_ids).
RANK_IDS_MAX = 20_000
# Longer input is not a search query; cutting it bounds the analysis work.
MAX_QUERY_CHARS = 500

FTS_TABLE = "search_fts"
DOCUMENT_TABLE = "search_searchdocument"
FACET_TABLE = "search_searchfacet"
# The ids of the documents that an FTS5 expression (the parameter) matches.
FTS_IDS = f"SELECT rowid AS doc_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608


# --------------------------------------------------------------------------
# Query words


@dataclass(frozen=True)
class Word:
    """A query word with its alternatives in every language."""

    original: str
    terms: frozenset[str]
    expansions: frozenset[str]

    @property
    def alternatives(self) -> frozenset[str]:
        return self.terms | self.expansions


def _safe(term: str) -> bool:
    # The analyser promises this shape; the SQL depends on it, so check again.
    return 0 < len(term) <= 100 and term.isalnum() and term == term.lower()


def parse_query(text: str) -> list[Word]:
    """The query's words, each analysed as Finnish, Swedish and English.

    The reader's language says nothing about the language of what they type
    (Finnish users search for "supported employment" too), and a practice
    stores each of its languages analysed in that language. So each word's
    alternatives are the union of its analyses in all three languages. A
    word that any language treats as a stop word (Swedish "och", English
    "in") is dropped, unless that would leave nothing.
    """
    if not isinstance(text, str):
        return []
    text = text[:MAX_QUERY_CHARS]
    analyses = {lang: {word.original: word for word in analyse_query(text, lang)} for lang in LANGUAGES}
    originals: list[str] = []
    for lang in LANGUAGES:
        originals += [original for original in analyses[lang] if original not in originals]
    kept = [original for original in originals if all(original in analyses[lang] for lang in LANGUAGES)]
    words: list[Word] = []
    for original in kept or originals:
        found = [analyses[lang][original] for lang in LANGUAGES if original in analyses[lang]]
        terms = frozenset(term for word in found for term in word.terms if _safe(term))
        expansions = frozenset(term for word in found for term in word.expansions if _safe(term)) - terms
        word = Word(original, terms, expansions)
        if terms and all((w.terms, w.expansions) != (terms, expansions) for w in words):
            words.append(word)
    words.sort(key=lambda word: _position(text, word.original))
    return words


def _position(text: str, original: str) -> int:
    position = text.find(original)
    return position if position >= 0 else len(text)


# --------------------------------------------------------------------------
# Match expressions


@dataclass(frozen=True)
class Match:
    """What to look for: every word, or (relaxed) any word.

    ``missing`` are query words that no practice has, left out of ``words``
    (see `choose_match`); they change neither what matches nor the order,
    so a match is the same with or without them.
    """

    words: tuple[Word, ...]
    relaxed: bool = False
    missing: tuple[Word, ...] = field(default=(), compare=False)


def _fts_group(terms) -> str:
    return "(" + " OR ".join(f'"{term}"' for term in sorted(terms)) + ")"


def _tsquery_group(terms) -> str:
    return "(" + " | ".join(f"'{term}'" for term in sorted(terms)) + ")"


class _Backend:
    """The statements that differ between the databases."""

    # Whether match_sql can rank a given list of documents (``ids``).
    ranks_given_ids = False

    def match_sql(
        self,
        match: Match,
        with_top: bool = False,
        restrict: tuple[str, list] | None = None,
        ids: list[int] | None = None,
    ) -> tuple[str, list]:
        """SELECT doc_id, score, words, exact, top FROM ... for the documents that match.

        ``doc_id`` is the practice's page id. ``score`` is higher for better
        matches. ``words`` is how many query words a document has (0 when
        the match is strict: then all have all), ``exact`` how many of them
        it has in an exact form rather than only as an expansion; ``top`` is
        1 for a document in the top tier (see top_ids_sql) when ``with_top``,
        else 0. ``restrict`` is (condition on ``d.page_id``, params): the
        caller filters the result anyway; a backend may apply it early too.
        ``ids``, for a backend that ``ranks_given_ids``, are the documents
        to rank instead: all of them match and pass the caller's filters.
        """
        raise NotImplementedError

    def match_ids_sql(self, match: Match) -> tuple[str, list]:
        """SELECT doc_id FROM ... for the documents that match (no ranking)."""
        raise NotImplementedError

    def top_ids_sql(self, match: Match) -> tuple[str, list]:
        """SELECT doc_id FROM ... for the documents in the top tier of a
        strict match: every query word in an exact form in the name,
        keywords or target groups (see `ranked_page_ids`)."""
        raise NotImplementedError

    def top_tier_sql(self, match: Match) -> tuple[str, list]:
        """SELECT doc_id, score FROM ... for the top tier, scored as in match_sql."""
        raise NotImplementedError


class _SQLite(_Backend):
    def _expression(self, match: Match) -> str:
        joiner = " OR " if match.relaxed else " AND "
        return joiner.join(_fts_group(word.alternatives) for word in match.words)

    def _count_sql(self, groups: list[str]) -> tuple[str, list]:
        """How many of the FTS5 expressions ``groups`` a row matches."""
        if not groups:
            return "0", []
        # Each IN (subquery) is evaluated once, into a temporary index.
        sql = " + ".join(f"(CASE WHEN rowid IN ({FTS_IDS}) THEN 1 ELSE 0 END)" for _group in groups)
        return sql, groups

    def _scored(self, words_sql: str, exact_sql: str, top_sql: str) -> str:
        """The scored rows of the FTS5 expression given as the last parameter."""
        weights = ", ".join(str(FIELD_WEIGHTS[group]) for group in "abcd")
        # bm25() is lower for better matches; negated so that higher is
        # better on both databases.
        return (
            f"SELECT rowid AS doc_id, -bm25({FTS_TABLE}, {weights}) AS score, "  # noqa: S608
            f"{words_sql} AS words, {exact_sql} AS exact, {top_sql} AS top "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        )

    def match_sql(
        self,
        match: Match,
        with_top: bool = False,
        restrict: tuple[str, list] | None = None,
        ids: list[int] | None = None,
    ) -> tuple[str, list]:
        # `restrict` is left to the caller's filter: inside, SQLite would run
        # it in the FTS5 scan, once per row. So would a list of ids.
        words_sql, words_params = self._count_sql(
            [_fts_group(word.alternatives) for word in match.words] if match.relaxed else []
        )
        exact_sql, exact_params = self._count_sql([_fts_group(word.terms) for word in match.words if word.expansions])
        sql = self._scored(words_sql, exact_sql, "0")
        params = [*words_params, *exact_params, self._expression(match)]
        if not with_top:
            return sql, params
        # The tier scored as in top_tier_sql, then every other match.
        tier_sql, tier_params = self.top_tier_sql(match)
        sql = (
            f"SELECT doc_id, score, 0 AS words, {self._tier_exact(match)} AS exact, 1 AS top FROM ({tier_sql}) "  # noqa: S608
            f"UNION ALL SELECT * FROM ({sql}) WHERE +doc_id NOT IN ({FTS_IDS})"
        )
        return sql, [*tier_params, *params, self._top_expression(match)]

    def match_ids_sql(self, match: Match) -> tuple[str, list]:
        return FTS_IDS, [self._expression(match)]

    def _top_expression(self, match: Match) -> str:
        return " AND ".join("{terms_a terms_b} : " + _fts_group(word.terms) for word in match.words)

    def _tier_exact(self, match: Match) -> int:
        # A tier member has every word in an exact form.
        return sum(1 for word in match.words if word.expansions)

    def top_ids_sql(self, match: Match) -> tuple[str, list]:
        return FTS_IDS, [self._top_expression(match)]

    def top_tier_sql(self, match: Match) -> tuple[str, list]:
        # Scored on the words' exact forms and the tier's own terms together,
        # so that bm25 runs over the tier's members only, not over every
        # match of a broad word (82 000 of 85 000 practices for
        # "työnantajayhteistyö", 8 500 in the tier). The name, keywords and
        # target groups weigh more within the tier, as on PostgreSQL. Every
        # member has every word in an exact form; scoring their expansions
        # too doubled the time ("kokemusasiantuntija", a tier of 5 100: 46
        # -> 24 ms) for no better order (nDCG@10 0.863 either way).
        exact = " AND ".join(_fts_group(word.terms) for word in match.words)
        sql = self._scored("0", "0", "1")
        return f"SELECT doc_id, score FROM ({sql})", [f"({exact}) AND ({self._top_expression(match)})"]  # noqa: S608


class _PostgreSQL(_Backend):
    # The planner guesses a match at a fixed 20 000 rows and its distinct
    # ids at 200, so with facet filters it read every matched row before
    # filtering: "kokemusasiantuntijuus" in one region, 61 560 rows for
    # 1 111, 0.6 s. The caller knows the filtered ids from its bitmaps.
    ranks_given_ids = True

    # Through the function of migration 0004, which keeps the planner on the
    # GIN index: it prices `vector @@ query` far below the TOAST read it is.
    _IDS = "SELECT doc_id FROM search_matches(to_tsquery('simple', %s)) AS doc_id"
    _TOP_IDS = f"SELECT page_id AS doc_id FROM {DOCUMENT_TABLE} WHERE vector_top @@ to_tsquery('simple', %s)"  # noqa: S608

    def _expression(self, match: Match) -> str:
        joiner = " | " if match.relaxed else " & "
        return joiner.join(_tsquery_group(word.alternatives) for word in match.words)

    def _weights(self) -> str:
        # ts_rank takes {D, C, B, A} and no weight above 1.
        top = max(FIELD_WEIGHTS.values())
        return "'{" + ", ".join(str(FIELD_WEIGHTS[group] / top) for group in "dcba") + "}'"

    def _count_sql(self, groups: list[str], column: str = "vector") -> tuple[str, list]:
        if not groups:
            return "0", []
        return " + ".join(f"(v.{column} @@ to_tsquery('simple', %s))::int" for _group in groups), groups

    def match_sql(
        self,
        match: Match,
        with_top: bool = False,
        restrict: tuple[str, list] | None = None,
        ids: list[int] | None = None,
    ) -> tuple[str, list]:
        words_sql, words_params = self._count_sql(
            [_tsquery_group(word.alternatives) for word in match.words] if match.relaxed else []
        )
        exact_sql, exact_params = self._count_sql(
            [_tsquery_group(word.terms) for word in match.words if word.expansions]
        )
        top_sql, top_params = self._count_sql([self._top_expression(match)] if with_top else [], "vector_top")
        score, score_params = f"ts_rank({self._weights()}, v.vector, q.query)", []
        if with_top:
            # The top tier is ranked on its own fields (see top_tier_sql).
            tier_score = f"ts_rank({self._weights()}, v.vector_top, to_tsquery('simple', %s))"
            score = f"CASE WHEN ({top_sql}) = 1 THEN {tier_score} ELSE {score} END"
            score_params = [*top_params, self._tier_rank_expression(match)]
        # `vector || ''` is the vector read from TOAST once a row (the OFFSET
        # keeps the subquery apart): each expression that reads the column
        # itself would fetch and decompress it again. The restriction comes
        # before that read, since the fence keeps the planner from moving it.
        expression = self._expression(match)
        if ids is not None:
            documents, documents_params = "d.page_id = ANY(%s)", [ids]
        else:
            restrict_sql, restrict_params = (f"AND {restrict[0]}", list(restrict[1])) if restrict else ("", [])
            documents, documents_params = f"d.page_id IN ({self._IDS}) {restrict_sql}", [expression, *restrict_params]
        sql = (
            f"SELECT v.doc_id, {score} AS score, "  # noqa: S608
            f"{words_sql} AS words, {exact_sql} AS exact, {top_sql} AS top "
            f"FROM (SELECT d.page_id AS doc_id, d.vector || ''::tsvector AS vector, d.vector_top "
            f"FROM {DOCUMENT_TABLE} d WHERE {documents} OFFSET 0) v, "
            "(SELECT to_tsquery('simple', %s) AS query) q"
        )
        return sql, [
            *score_params,
            *words_params,
            *exact_params,
            *top_params,
            *documents_params,
            expression,
        ]

    def match_ids_sql(self, match: Match) -> tuple[str, list]:
        return self._IDS, [self._expression(match)]

    def _top_expression(self, match: Match) -> str:
        # vector_top holds just the name, keywords and target groups.
        return " & ".join(_tsquery_group(word.terms) for word in match.words)

    def top_ids_sql(self, match: Match) -> tuple[str, list]:
        return self._TOP_IDS, [self._top_expression(match)]

    def _tier_rank_expression(self, match: Match) -> str:
        # The exact forms of every word, OR-ed. With the words AND-ed (the
        # match's expression), ts_rank weighs each pair of terms by their
        # distance: 10 µs a member for three words of several forms each,
        # 0.14 s for a tier of 13 600 ("heikossa työmarkkina-asemassa
        # oleville"), 65 ms now. Every member has every word in a few short
        # fields, where distance says little; OR-ed, each term's weights are
        # summed. As on SQLite, the expansions are left out: each member has
        # the exact forms (nDCG@10 0.858 against 0.859 with them).
        return " | ".join(_tsquery_group(word.terms) for word in match.words)

    def top_tier_sql(self, match: Match) -> tuple[str, list]:
        # Every member of the tier matches. Its members are ranked by their
        # name, keywords and target groups alone, on the small vector_top
        # kept in the row: the full vectors of a large tier take longer to
        # read from TOAST than a results page may (see migration 0004).
        sql = (
            f"SELECT page_id AS doc_id, ts_rank({self._weights()}, vector_top, to_tsquery('simple', %s)) AS score "  # noqa: S608
            f"FROM {DOCUMENT_TABLE} WHERE vector_top @@ to_tsquery('simple', %s)"
        )
        return sql, [self._tier_rank_expression(match), self._top_expression(match)]


def backend() -> _Backend:
    if connection.vendor == "sqlite":
        return _SQLite()
    if connection.vendor == "postgresql":
        return _PostgreSQL()
    raise NotImplementedError(f"search supports SQLite and PostgreSQL, not {connection.vendor}")


# --------------------------------------------------------------------------
# Statements


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
    return _count(f"{sql} LIMIT %s", [*params, limit], "", [])


def has_match(match: Match) -> bool:
    return count_matches(match, 1) > 0


def choose_match(words: list[Word]) -> Match | None:
    """The match to run: None when there are no words.

    Every word is required, unless fewer than RELAX_BELOW documents have
    them all: then documents with any of the words are found too, ranked
    after the complete matches. A word that no document has is left out
    first (``missing``), and the rest chosen for again.

    Why: such a word adds nothing to any document's words, exact forms or
    score, so the order is that of the other words; but it made every query
    with it relaxed, and a relaxed match scores every document with any
    word: "ESR+ hanke" (no practice says "ESR") scored 45 000 practices, over
    a second on PostgreSQL, where "hanke" alone ranks its top tier.
    """
    if not words:
        return None
    strict = Match(tuple(words))
    if len(words) == 1 or count_matches(strict, RELAX_BELOW) >= RELAX_BELOW:
        return strict
    found = [word for word in words if has_match(Match((word,)))]
    if found and len(found) < len(words):
        missing = tuple(word for word in words if word not in found)
        return replace(choose_match(found), missing=missing)
    return Match(tuple(words), relaxed=True)


def _count(source_sql: str, params: list, filter_sql: str, filter_params: list) -> int:
    where = f"WHERE {filter_sql}" if filter_sql else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({source_sql}) m {where}", [*params, *filter_params])  # noqa: S608
        return cursor.fetchone()[0]


def _ids(sql: str, params: list) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _page(sql: str, params: list, limit: int, offset: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset])
        return [row[0] for row in cursor.fetchall()]


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

    Why the tier: a broad word matches a large share of a big catalogue
    ("koulutus" 80 000 of 85 000 practices), and scoring every match took
    0.1–0.3 s. Pages within the top tier are ranked among its members only,
    which is the same order because the tier comes first.
    """
    if match is None:
        filter_sql, params = _filter_sql(filters, "d.page_id", within=within)
        where = f"WHERE {filter_sql}" if filter_sql else ""
        documents = f"SELECT d.page_id FROM {DOCUMENT_TABLE} d {where}"  # noqa: S608
        if within is None:
            from .facet_bitmaps import document_count

            count = document_count(filters)
        else:
            count = _count(documents, params, "", [])
        sql = f"{documents} ORDER BY d.published_at DESC NULLS LAST, d.page_id DESC"
        return _page(sql, params, limit, offset), count, 0

    filter_sql, filter_params = _filter_sql(filters, "m.doc_id", within=within)
    where = f"WHERE {filter_sql}" if filter_sql else ""

    statements = {match: backend().match_ids_sql(match)}
    if match.relaxed:
        statements[Match(match.words)] = backend().match_ids_sql(Match(match.words))
    elif sort != "newest":
        statements["top", match] = backend().top_ids_sql(match)
    if within is None:
        # Counted on the matches' bitmaps (facet_bitmaps.py), which the
        # facets of the same query read anyway: a COUNT(*) of a broad match
        # costs what reading its ids does, every time. `within` is
        # arbitrary SQL, so that is counted by the database.
        from .facet_bitmaps import match_counts

        counts = match_counts({key: (lambda ids=ids: _ids(*ids)) for key, ids in statements.items()}, filters)
    else:
        counts = {key: _count(*ids, filter_sql, filter_params) for key, ids in statements.items()}
    count = counts[match]
    partial = count - counts[Match(match.words)] if match.relaxed else 0
    if not count or offset >= count:
        return [], count, partial

    if ("top", match) in counts and offset + limit <= counts["top", match]:
        tier_sql, tier_params = backend().top_tier_sql(match)
        sql = f"SELECT m.doc_id FROM ({tier_sql}) m {where} ORDER BY m.score DESC, m.doc_id DESC"  # noqa: S608
        return _page(sql, [*tier_params, *filter_params], limit, offset), count, partial

    restrict, ids = None, None
    if filter_sql and within is None and backend().ranks_given_ids and count <= RANK_IDS_MAX:
        from .facet_bitmaps import passing_ids

        # From the bitmaps the count came from: the filters are applied.
        ids = passing_ids(match, lambda: _ids(*statements[match]), filters)
        where, filter_params = "", []
    elif filter_sql:
        restrict = _filter_sql(filters, "d.page_id", within=within)
    with_top = sort != "newest" and not match.relaxed
    match_sql, params = backend().match_sql(match, with_top=with_top, restrict=restrict, ids=ids)
    if sort == "newest":
        source = f"({match_sql}) m JOIN {DOCUMENT_TABLE} d ON d.page_id = m.doc_id"
        order = "m.words DESC, d.published_at DESC NULLS LAST, m.doc_id DESC"
    elif match.relaxed:
        source, order = f"({match_sql}) m", "m.words DESC, m.exact DESC, m.score DESC, m.doc_id DESC"
    else:
        # Ties (rare with bm25) go to the newer page; no join needed.
        source, order = f"({match_sql}) m", "m.words DESC, m.exact DESC, m.top DESC, m.score DESC, m.doc_id DESC"
    sql = f"SELECT m.doc_id FROM {source} {where} ORDER BY {order}"  # noqa: S608
    return _page(sql, [*params, *filter_params], limit, offset), count, partial


def facet_counts(match: Match | None, filters: dict[str, list[str]], facets: list[str]) -> dict[str, dict[str, int]]:
    """``{facet: {code: documents}}`` for the match and the filters.

    Standard faceting: a facet's counts apply every filter except its own,
    so that its other values show how many results choosing them would add.
    The database finds the matched documents; the counting is done on the
    bitmaps of facet_bitmaps.py (a GROUP BY over their facet rows is what
    made broad queries slow). Browsing (no match) counts every document.
    """
    from .facet_bitmaps import facet_counts as count

    return count(match, (lambda: _ids(*backend().match_ids_sql(match))) if match is not None else None, filters, facets)


def known_terms(terms: set[str]) -> set[str]:
    """The terms that the index vocabulary has."""
    from .models import SearchTerm

    if not terms:
        return set()
    return set(SearchTerm.objects.filter(term__in=sorted(terms)).values_list("term", flat=True))


# --------------------------------------------------------------------------
# Schema on SQLite: the FTS5 table and the triggers that keep it in sync.
# Migration 0002 creates the same objects; `rebuild_index` recreates them,
# so a later migration that rebuilds the document table (which drops its
# triggers on SQLite) is repaired by a rebuild.

SQLITE_FTS_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "terms_a, terms_b, terms_c, terms_d, "
    f"content='{DOCUMENT_TABLE}', content_rowid='page_id', "
    # Diacritics are letters in Finnish and Swedish ("saa" is not "sää");
    # analysis.py has already lowercased every term.
    "tokenize='unicode61 remove_diacritics 0')"
)
_COLUMNS = "terms_a, terms_b, terms_c, terms_d"
_OLD = "old.terms_a, old.terms_b, old.terms_c, old.terms_d"
_NEW = "new.terms_a, new.terms_b, new.terms_c, new.terms_d"
SQLITE_TRIGGERS = {
    "search_document_ai": (
        f"CREATE TRIGGER IF NOT EXISTS search_document_ai AFTER INSERT ON {DOCUMENT_TABLE} BEGIN "  # noqa: S608
        f"INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES (new.page_id, {_NEW}); END"
    ),
    "search_document_ad": (
        f"CREATE TRIGGER IF NOT EXISTS search_document_ad AFTER DELETE ON {DOCUMENT_TABLE} BEGIN "  # noqa: S608
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.page_id, {_OLD}); END"
    ),
    "search_document_au": (
        f"CREATE TRIGGER IF NOT EXISTS search_document_au AFTER UPDATE ON {DOCUMENT_TABLE} BEGIN "  # noqa: S608
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.page_id, {_OLD}); "
        f"INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES (new.page_id, {_NEW}); END"
    ),
}


def before_bulk_load() -> None:
    """Stop row-by-row FTS5 upkeep while `rebuild_index` rewrites everything."""
    forget_prepared_queries()
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def after_bulk_load() -> None:
    """Fill the FTS5 table from the documents in one pass, then resume upkeep.

    On PostgreSQL, refresh the planner's statistics instead: after a bulk
    load they describe the old tables until autovacuum comes round.
    """
    forget_prepared_queries()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {DOCUMENT_TABLE}, {FACET_TABLE}")
        return
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(SQLITE_FTS_TABLE)
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")  # noqa: S608
        for statement in SQLITE_TRIGGERS.values():
            cursor.execute(statement)


# --------------------------------------------------------------------------
# The search the site, the catalogue and the API use

SORTS = ("relevance", "newest")
MAX_PER_PAGE = 100
# Nobody pages this far; the cap keeps OFFSET within the databases' integers.
MAX_PAGE = 10_000


@dataclass
class SearchResult:
    """One page of results, with everything a results page shows.

    ``items`` are PracticePage objects with card data prefetched and a
    ``search_snippet`` attribute (a snippets.Snippet, or None when nothing in
    the summary or description matched or there was no query). ``facets`` is
    ``{facet key: [{"code", "label", "count", "selected"}]}`` in display
    order (see facets.FACETS). ``relaxed`` says that no practice had every
    query word, so practices with any of them are shown. ``missing`` are
    the query words (as written) that no practice has, which the search
    went without.
    """

    items: list
    count: int
    facets: dict[str, list[dict]]
    suggestion: str | None
    relaxed: bool
    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    words: list[Word] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(term for word in self.words for term in word.alternatives)


@dataclass
class RankedIds:
    """One page of practice ids, best first, for callers with their own
    rendering and paging (the API). ``facets`` is ``{facet key: {code:
    count}}`` when asked for, else empty."""

    ids: list[int]
    count: int
    relaxed: bool
    suggestion: str | None
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def rank_practices(
    query: str,
    within=None,
    limit: int = 20,
    offset: int = 0,
    filters: dict[str, list[str]] | None = None,
    with_facets: bool = False,
) -> RankedIds:
    """Rank published practices for ``query``: ids ``[offset:offset + limit]``.

    ``within`` is an optional PracticePage queryset to stay within; only its
    ids are used, inside the same SQL statement. ``filters`` are facet
    filters as in `search` (codes are taken as given: the caller validates
    them). An empty query lists newest first; a query that analyses to
    nothing finds nothing. ``with_facets`` counts the facets of the match
    and the filters (not of ``within``). Load the pages with
    ``PracticePage.objects.filter(pk__in=ranked.ids)`` and order them by
    ``ranked.ids``.
    """
    from .facets import FACETS

    filters = {key: list(codes) for key, codes in (filters or {}).items() if key in FACETS and codes}
    query = query.replace("\x00", " ")[:MAX_QUERY_CHARS].strip() if isinstance(query, str) else ""
    prepared = prepare_query(query)
    if prepared is None:
        return RankedIds([], 0, False, None, {key: {} for key in FACETS} if with_facets else {})
    words, corrections, match = prepared
    restriction = within.values("pk").query.sql_with_params() if within is not None else None
    limit, offset = _int_in_range(limit, 1, MAX_PER_PAGE, 20), _int_in_range(offset, 0, 10**12, 0)
    ids, count, partial = ranked_page_ids(match, filters, "relevance", limit, offset, within=restriction)
    facets = {}
    if with_facets:
        facets = facet_counts(match, filters, list(FACETS))
    return RankedIds(ids, count, partial > 0, _respell(query, corrections) if corrections else None, facets)


def _int_in_range(value, low: int, high: int, default: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return min(max(number, low), high)


def search(
    query: str = "",
    filters: dict[str, list[str]] | None = None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 20,
    language: str | None = None,
    with_facets: bool = True,
) -> SearchResult:
    """Search the published practices.

    An empty query lists every published practice (newest first) with its
    facets; a query that analyses to nothing (only stop words or symbols)
    finds nothing. ``filters`` is ``{facet key: [codes]}`` with the keys of
    facets.FACETS; unknown keys and codes are ignored. ``page`` past the end
    gives the last page. ``language`` picks the snippet language (default:
    the active language). ``with_facets=False`` skips counting the facets
    (``facets`` is then empty), for callers that do not show them.
    """
    from mallipankki.practices.listing import cards_by_id

    from .facets import FACETS, FacetLabels, clean_filters, facet_values
    from .snippets import snippet_for

    query = query if isinstance(query, str) else ""
    query = query.replace("\x00", " ")[:MAX_QUERY_CHARS].strip()
    labels = FacetLabels()
    filters = clean_filters(filters, labels)
    sort = sort if sort in SORTS else "relevance"
    per_page = _int_in_range(per_page, 1, MAX_PER_PAGE, 20)
    page = _int_in_range(page, 1, MAX_PAGE, 1)
    language = (language or translation.get_language() or "fi")[:2]
    result = SearchResult(
        items=[], count=0, facets={}, suggestion=None, relaxed=False, query=query, filters=filters, sort=sort
    )
    result.page, result.per_page = page, per_page

    prepared = prepare_query(query)
    if prepared is None:
        result.facets = facet_values({}, filters, labels) if with_facets else {}
        return result
    words, corrections, match = prepared
    result.words = list(words)
    result.missing = [word.original for word in match.missing] if match else []

    ids, result.count, partial = ranked_page_ids(match, filters, sort, per_page, (page - 1) * per_page)
    if not ids and result.count:
        result.page = result.num_pages
        ids, result.count, partial = ranked_page_ids(match, filters, sort, per_page, (result.page - 1) * per_page)
    # Relaxed only when something short of a complete match is shown.
    result.relaxed = partial > 0
    if with_facets:
        result.facets = facet_values(facet_counts(match, filters, list(FACETS)), filters, labels)
    if corrections:
        result.suggestion = _respell(query, corrections)

    practices = cards_by_id(ids)
    # A practice missing here went offline after the index was read; skip it.
    result.items = [practices[pk] for pk in ids if pk in practices]
    terms = result.terms
    for item in result.items:
        item.search_snippet = snippet_for(item, terms, language) if terms else None
    return result


# Preparing a query (analysis, spelling against the index vocabulary, the
# choice between a strict and a relaxed match) costs several index lookups,
# and a scan of similar vocabulary words for an unknown word; live search
# asks for the same query again as a reader types, filters and pages. So
# prepared queries are kept per process, for PREPARED_TTL seconds at most
# and until the index changes in this process (signals.py and the bulk
# load hooks call forget_prepared_queries). The results themselves are
# always read afresh.
PREPARED_TTL = 30.0
PREPARED_MAX = 500
_prepared: OrderedDict[tuple[str, str], tuple[float, tuple]] = OrderedDict()
_prepared_lock = threading.Lock()


def forget_prepared_queries() -> None:
    with _prepared_lock:
        _prepared.clear()


def prepare_query(query: str) -> tuple[tuple[Word, ...], dict[str, str], Match | None] | None:
    """(words, spelling corrections, match) for a cleaned query; None when a
    non-empty query analyses to nothing (it finds nothing)."""
    if not query:
        return (), {}, None
    key = (connection.settings_dict["NAME"], query)
    now = time.monotonic()
    with _prepared_lock:
        cached = _prepared.get(key)
        if cached and now - cached[0] < PREPARED_TTL:
            _prepared.move_to_end(key)
            return cached[1]
    words = parse_query(query)
    if not words:
        return None
    words, corrections = correct_spelling(words)
    prepared = (tuple(words), corrections, choose_match(words))
    with _prepared_lock:
        _prepared[key] = (now, prepared)
        while len(_prepared) > PREPARED_MAX:
            _prepared.popitem(last=False)
    return prepared


def correct_spelling(words: list[Word]) -> tuple[list[Word], dict[str, str]]:
    """Words whose own terms the index does not know get the closest known word's terms and expansions.

    So a mistyped word finds and ranks what it was meant to (its own terms
    match nothing: that is why it was corrected), and the correction is
    offered as “Tarkoititko: …”. A word that no practice has and that has
    no correction keeps its compound parts as its forms. Returns the words
    and ``{original: correction}`` for the corrected ones.
    """
    from .suggestions import closest_word

    known = known_terms({term for word in words for term in word.alternatives})
    corrected, corrections = [], {}
    for word in words:
        # Known only through its compound parts ("yhteipalvelu" through
        # "palvelu") is not known: such a word is more likely a typo than a
        # compound that no practice uses.
        replacement = None if word.terms & known else closest_word(word.original)
        fixed = parse_query(replacement or "")
        terms = frozenset(term for fixed_word in fixed for term in fixed_word.terms)
        expansions = frozenset(term for fixed_word in fixed for term in fixed_word.expansions) - terms
        # The vocabulary keeps words of practices that have since gone.
        if terms and has_match(Match((Word(replacement, terms | expansions, frozenset()),))):
            corrections[word.original] = replacement
            word = Word(word.original, word.terms | terms, (word.expansions | expansions) - terms)
        elif not word.terms & known:
            # No practice has the word in a form asked, so its compound parts
            # are the best matches there are: ranked as its forms, they give
            # it a top tier (practices with them in the name, keywords or
            # target groups), where it had none and every match was scored.
            # Nothing else changes: the same practices match, and no practice
            # had an exact form to rank first. "nepsy-valmennus" (no practice
            # says "nepsyvalmennus", 5 900 have "valmennus") took 0.17 s on
            # PostgreSQL at 100 000 practices.
            word = Word(word.original, word.alternatives, frozenset())
        corrected.append(word)
    return corrected, corrections


def _respell(query: str, corrections: dict[str, str]) -> str:
    from .suggestions import replace_word

    for original, term in corrections.items():
        query = replace_word(query, original, term)
    return query
