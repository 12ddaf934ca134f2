"""SQLite: the FTS5 table ``search_fts`` over the four term columns.

Matching is FTS5 ``MATCH`` with every term double-quoted, ranked with
``bm25()`` and one weight per term column (see base.py). This module also
holds the schema: the FTS5 table and the triggers that keep it in sync with
the documents. Migration 0002 creates the same objects; `rebuild_index`
recreates them, so a later migration that rebuilds the document table
(which drops its triggers on SQLite) is repaired by a rebuild.
"""

from __future__ import annotations

from ..words import Match
from .base import DOCUMENT_TABLE, FIELD_WEIGHTS, Backend

FTS_TABLE = "search_fts"
# The ids of the documents that an FTS5 expression (the parameter) matches.
FTS_IDS = f"SELECT rowid AS doc_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608


def _fts_group(terms) -> str:
    return "(" + " OR ".join(f'"{term}"' for term in sorted(terms)) + ")"


def _fts_clauses(clauses) -> str:
    """An OR of clauses (see words.Clause), each an AND of term groups."""
    parts = [
        _fts_group(clause[0]) if len(clause) == 1 else "(" + " AND ".join(_fts_group(g) for g in clause) + ")"
        for clause in clauses
    ]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


# Schema: the FTS5 table over the documents and the triggers that keep it in sync.
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


class SQLiteBackend(Backend):
    def _expression(self, match: Match) -> str:
        joiner = " OR " if match.relaxed else " AND "
        return joiner.join(_fts_clauses(word.clauses()) for word in match.words)

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
            [_fts_clauses(word.clauses()) for word in match.words] if match.relaxed else []
        )
        exact_sql, exact_params = self._count_sql(
            [_fts_clauses(word.exact_clauses()) for word in match.words if word.has_weaker]
        )
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
        return " AND ".join("{terms_a terms_b} : " + _fts_clauses(word.exact_clauses()) for word in match.words)

    def _tier_exact(self, match: Match) -> int:
        # A tier member has every word in an exact form.
        return sum(1 for word in match.words if word.has_weaker)

    def top_ids_sql(self, match: Match) -> tuple[str, list]:
        return FTS_IDS, [self._top_expression(match)]

    def top_tier_sql(self, match: Match) -> tuple[str, list]:
        # Scored on the words' exact forms and the tier's own terms together,
        # so that bm25 runs over the tier's members only, not over every
        # match of a broad word (which can be nearly every practice). The
        # name, keywords and target groups weigh more within the tier, as on
        # PostgreSQL. Every member has every word in an exact form; scoring
        # their expansions too cost time for no better order.
        exact = " AND ".join(_fts_clauses(word.exact_clauses()) for word in match.words)
        sql = self._scored("0", "0", "1")
        return f"SELECT doc_id, score FROM ({sql})", [f"({exact}) AND ({self._top_expression(match)})"]  # noqa: S608

    def before_bulk_load(self, cursor) -> None:
        # Row-by-row FTS5 upkeep stops while every document is rewritten.
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")

    def after_bulk_load(self, cursor) -> None:
        # The FTS5 table is filled from the documents in one pass, then upkeep resumes.
        cursor.execute(SQLITE_FTS_TABLE)
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")  # noqa: S608
        for statement in SQLITE_TRIGGERS.values():
            cursor.execute(statement)
