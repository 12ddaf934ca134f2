"""PostgreSQL: the generated ``tsvector`` columns ``vector`` and ``vector_top``.

Matching is ``@@`` against ``to_tsquery('simple', ...)`` with every term
single-quoted, ranked with ``ts_rank()`` and the weights of base.py. The
columns, their GIN index and the ``search_matches`` function are made by
migrations 0002 and 0004; after a bulk load the planner's statistics are
refreshed.
"""

from __future__ import annotations

from ..words import Match
from .base import DOCUMENT_TABLE, FACET_TABLE, FIELD_WEIGHTS, Backend


def _tsquery_group(terms) -> str:
    return "(" + " | ".join(f"'{term}'" for term in sorted(terms)) + ")"


def _tsquery_clauses(clauses) -> str:
    """An OR of clauses (see words.Clause), each an AND of term groups."""
    parts = [
        _tsquery_group(clause[0]) if len(clause) == 1 else "(" + " & ".join(_tsquery_group(g) for g in clause) + ")"
        for clause in clauses
    ]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def _exact_terms(word) -> frozenset[str]:
    return frozenset().union(*(group for clause in word.exact_clauses() for group in clause))


class PostgreSQLBackend(Backend):
    # The planner guesses a match at a fixed 20 000 rows and its distinct
    # ids at 200, so with facet filters it read every matched row before
    # filtering, many times the rows that pass. The caller knows the
    # filtered ids from its bitmaps.
    ranks_given_ids = True

    # Through the function of migration 0004, which keeps the planner on the
    # GIN index: it prices `vector @@ query` far below the TOAST read it is.
    _IDS = "SELECT doc_id FROM search_matches(to_tsquery('simple', %s)) AS doc_id"
    _TOP_IDS = f"SELECT page_id AS doc_id FROM {DOCUMENT_TABLE} WHERE vector_top @@ to_tsquery('simple', %s)"  # noqa: S608

    def _expression(self, match: Match) -> str:
        joiner = " | " if match.relaxed else " & "
        return joiner.join(_tsquery_clauses(word.clauses()) for word in match.words)

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
            [_tsquery_clauses(word.clauses()) for word in match.words] if match.relaxed else []
        )
        exact_sql, exact_params = self._count_sql(
            [_tsquery_clauses(word.exact_clauses()) for word in match.words if word.has_weaker]
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
        return " & ".join(_tsquery_clauses(word.exact_clauses()) for word in match.words)

    def top_ids_sql(self, match: Match) -> tuple[str, list]:
        return self._TOP_IDS, [self._top_expression(match)]

    def _tier_rank_expression(self, match: Match) -> str:
        # The exact forms of every word, OR-ed. With the words AND-ed (the
        # match's expression), ts_rank weighs each pair of terms by their
        # distance, which is slow for a large tier of words with several
        # forms each. Every member has every word in a few short fields,
        # where distance says little; OR-ed, each term's weights are summed.
        # As on SQLite, the expansions are left out: each member has the
        # exact forms, and ranking with them was no better.
        return " | ".join(_tsquery_group(_exact_terms(word)) for word in match.words)

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

    def after_bulk_load(self, cursor) -> None:
        # After a bulk load the statistics describe the old tables until autovacuum comes round.
        cursor.execute(f"ANALYZE {DOCUMENT_TABLE}, {FACET_TABLE}")
