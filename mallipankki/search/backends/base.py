"""What every database backend of the search provides, and what they share.

The analysis in analysis.py does the language work; the database only has to
find documents that contain whole terms and rank them. That keeps the two
databases equivalent:

- SQLite (sqlite.py): FTS5 ``MATCH`` with every term double-quoted, ranked
  with ``bm25()`` and one weight per term column.
- PostgreSQL (postgresql.py): ``@@`` against ``to_tsquery('simple', ...)``
  with every term single-quoted, ranked with ``ts_rank()`` and the same
  weights. (Not ts_rank_cd(): cover density rewards terms that stand close
  together, which says little about lists of analysed terms with their
  compound parts; ts_rank ranks better on bench/relevance, and faster.) The
  top tier is ranked on ``vector_top`` (name, keywords and target groups)
  rather than the whole vector, which PostgreSQL reads from TOAST row by
  row.

The SQL statements are composed from the backends' constants (table names,
weights, placeholders), hence the S608 exemptions; every value is a query
parameter. The match expressions are built only from analysed terms, each
one quoted (see words.py).
"""

from __future__ import annotations

from ..words import Match

# Weight groups: name > keywords and target groups > summary > description etc.
FIELD_WEIGHTS = {"a": 8.0, "b": 4.0, "c": 2.0, "d": 1.0}

DOCUMENT_TABLE = "search_searchdocument"
FACET_TABLE = "search_searchfacet"


class Backend:
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
        keywords or target groups (see `ranking.ranked_page_ids`)."""
        raise NotImplementedError

    def top_tier_sql(self, match: Match) -> tuple[str, list]:
        """SELECT doc_id, score FROM ... for the top tier, scored as in match_sql."""
        raise NotImplementedError

    def before_bulk_load(self, cursor) -> None:
        """Prepare the index tables for `rebuild.rebuild_index`, which rewrites every row."""

    def after_bulk_load(self, cursor) -> None:
        """Bring the database's own structures up to date after a bulk load."""
