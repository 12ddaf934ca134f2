"""The search the site, the catalogue and the API use.

`search` gives one page of results with everything a results page shows
(cards, facet counts, snippets, the spelling suggestion); `rank_practices`
gives one page of ids for callers with their own rendering (the API).
Both clean their input themselves: they answer any query string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import translation

from mallipankki.practices.listing import cards_by_id

from . import facet_bitmaps
from .backends import backend
from .facets import FACETS, FacetLabels, clean_filters, facet_values
from .query import prepare_query, respell
from .ranking import ranked_page_ids, read_ids
from .snippets import snippet_for
from .words import MAX_QUERY_CHARS, Match, Word

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
    # expansion.Widening: the thesaurus concepts that widened the query.
    widenings: list = field(default_factory=list)
    expand: bool = True

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
    widenings: list = field(default_factory=list)


def rank_practices(
    query: str,
    within=None,
    limit: int = 20,
    offset: int = 0,
    filters: dict[str, list[str]] | None = None,
    with_facets: bool = False,
    expand: bool = True,
) -> RankedIds:
    """Rank published practices for ``query``: ids ``[offset:offset + limit]``.

    ``within`` is an optional PracticePage queryset to stay within; only its
    ids are used, inside the same SQL statement. ``filters`` are facet
    filters as in `search` (codes are taken as given: the caller validates
    them). ``expand`` widens the query through the thesaurus. An empty
    query lists newest first; a query that analyses to
    nothing finds nothing. ``with_facets`` counts the facets of the match
    and the filters (not of ``within``). Load the pages with
    ``PracticePage.objects.filter(pk__in=ranked.ids)`` and order them by
    ``ranked.ids``.
    """
    filters = {key: list(codes) for key, codes in (filters or {}).items() if key in FACETS and codes}
    query = query.replace("\x00", " ")[:MAX_QUERY_CHARS].strip() if isinstance(query, str) else ""
    prepared = prepare_query(query, expand)
    if prepared is None:
        return RankedIds([], 0, False, None, {key: {} for key in FACETS} if with_facets else {})
    words, corrections, match, widenings = prepared
    restriction = within.values("pk").query.sql_with_params() if within is not None else None
    limit, offset = _int_in_range(limit, 1, MAX_PER_PAGE, 20), _int_in_range(offset, 0, 10**12, 0)
    ids, count, partial = ranked_page_ids(match, filters, "relevance", limit, offset, within=restriction)
    facets = {}
    if with_facets:
        facets = facet_counts(match, filters, list(FACETS))
    suggestion = respell(query, corrections) if corrections else None
    return RankedIds(ids, count, partial > 0, suggestion, facets, list(widenings))


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
    expand: bool = True,
) -> SearchResult:
    """Search the published practices.

    An empty query lists every published practice (newest first) with its
    facets; a query that analyses to nothing (only stop words or symbols)
    finds nothing. ``filters`` is ``{facet key: [codes]}`` with the keys of
    facets.FACETS; unknown keys and codes are ignored. ``page`` past the end
    gives the last page. ``language`` picks the snippet language (default:
    the active language). ``with_facets=False`` skips counting the facets
    (``facets`` is then empty), for callers that do not show them.
    ``expand`` widens the query through the thesaurus (``widenings`` then
    names the concepts that did).
    """
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
    result.expand = bool(expand)

    prepared = prepare_query(query, result.expand)
    if prepared is None:
        result.facets = facet_values({}, filters, labels) if with_facets else {}
        return result
    words, corrections, match, widenings = prepared
    result.words = list(words)
    result.widenings = list(widenings)
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
        result.suggestion = respell(query, corrections)

    practices = cards_by_id(ids)
    # A practice missing here went offline after the index was read; skip it.
    result.items = [practices[pk] for pk in ids if pk in practices]
    terms = result.terms
    for item in result.items:
        item.search_snippet = snippet_for(item, terms, language) if terms else None
    return result


def facet_counts(match: Match | None, filters: dict[str, list[str]], facets: list[str]) -> dict[str, dict[str, int]]:
    """``{facet: {code: documents}}`` for the match and the filters.

    Standard faceting: a facet's counts apply every filter except its own,
    so that its other values show how many results choosing them would add.
    The database finds the matched documents; the counting is done on the
    bitmaps of facet_bitmaps.py (a GROUP BY over their facet rows is what
    made broad queries slow). Browsing (no match) counts every document.
    """
    matched_ids = (lambda: read_ids(*backend().match_ids_sql(match))) if match is not None else None
    return facet_bitmaps.facet_counts(match, matched_ids, filters, facets)
