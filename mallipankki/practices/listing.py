"""Queries behind the public listings: the published practices and their cards.

Every listing goes through `published_practices()` so that only live,
public practices are ever listed, and through `with_card_data()` so that a
page of cards costs a fixed number of queries however many cards it shows.
"""

from functools import cache

from django.db import connection
from django.db.models import Prefetch
from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction

from mallipankki.core.memo import memoized, public
from mallipankki.vocabularies.kept import terms_by_id
from mallipankki.vocabularies.models import Country, Region, TargetGroup

from .models import Adoption, PracticeIndexPage, PracticePage, Resource


def published_practices():
    return public(PracticePage.objects.live())


def catalogue_url(request) -> str | None:
    """The address of the live, public catalogue (/mallit/) as `request`'s
    site reaches it; None when there is none (a site being set up)."""
    catalogue = public(PracticeIndexPage.objects.live()).order_by("path").first()
    return catalogue.get_url(request) if catalogue is not None else None


# The page's own fields that a card (templates/includes/practice_card.html),
# its address and its search snippet read; the other texts of a practice
# (evidence, costs, scaling plan, contacts) stay in the database.
CARD_FIELDS = (
    *("title", "slug", "url_path", "path", "depth", "live", "locale", "content_type", "evidence_level"),
    *(f"{name}_{lang}" for name in ("name", "summary", "description") for lang in ("fi", "sv", "en")),
)


def with_card_data(queryset):
    """The page fields a card needs (CARD_FIELDS) and what it shows beyond
    them: its target groups (`card_target_groups`, a list), its regions and
    countries (`card_regions`, `card_countries`), the kind of its first
    material (`PracticePage.resource_kind`) and its adoption count.

    Four queries for any number of cards: the pages with both subqueries, the
    target groups, the regions and the countries. Those are prefetched into
    plain lists: prefetching
    into the relation built a queryset per card, a large part of the time
    a page of results takes to load. The subqueries are SQL written once
    (see `_card_subqueries`): Django compiled the same two Subquery
    expressions again for every listing.
    """
    adoptions, first_kind = _card_subqueries(connection.vendor)
    return (
        queryset.only(*CARD_FIELDS)
        .prefetch_related(
            Prefetch("target_groups", queryset=TargetGroup.objects.all(), to_attr="card_target_groups"),
            Prefetch("regions", queryset=Region.objects.all(), to_attr="card_regions"),
            Prefetch("countries", queryset=Country.objects.all(), to_attr="card_countries"),
        )
        .annotate(
            # Names from the models, no values: nothing from outside reaches the SQL.
            adoption_count=RawSQL(adoptions, []),  # noqa: S611
            first_resource_kind=RawSQL(first_kind, []),  # noqa: S611
        )
    )


@cache
def _card_subqueries(vendor: str) -> tuple[str, str]:
    """(confirmed adoptions per practice, kind of its first material) as SQL
    subqueries on the practice table's row, which every PracticePage
    queryset selects under the table's own name. Names come from the models,
    quoted by the database in use (`vendor` keys the cache)."""
    quote = connection.ops.quote_name
    practice = f"{quote(PracticePage._meta.db_table)}.{quote(PracticePage._meta.pk.column)}"

    def table(model):
        return quote(model._meta.db_table)

    def column(model, name):
        return quote(model._meta.get_field(name).column)

    adoptions = f"(SELECT COUNT(*) FROM {table(Adoption)} WHERE {column(Adoption, 'practice')} = {practice})"  # noqa: S608
    first_kind = (
        f"(SELECT {column(Resource, 'kind')} FROM {table(Resource)} "  # noqa: S608
        f"WHERE {column(Resource, 'practice')} = {practice} "
        f"ORDER BY {column(Resource, 'sort_order')}, {column(Resource, 'id')} LIMIT 1)"
    )
    return adoptions, first_kind


def cards_by_id(ids: list[int]) -> dict[int, PracticePage]:
    """The published, public practices among `ids` as `with_card_data` loads
    them, by id: what a page of search results shows.

    The same rows and values in one statement: the pages, with the ids of
    their target groups, regions and countries as subqueries; those
    three vocabularies' terms are kept per process (`vocabularies.kept`). The
    pages' statement is written once (`_cards_sql`), so nothing is compiled
    per page of results; `published_practices()` asks the database for the
    view restrictions first and the ORM builds three statements, which made
    up much of a results page beyond its ranking.
    """
    if not ids:
        return {}
    sql, params = _cards_sql(connection.vendor, len(ids)), list(ids)
    if connection.vendor == "postgresql":
        params = [params]
    pages = list(PracticePage.objects.raw(sql, params))
    for attribute, model, key in CARD_TERMS:
        term_ids = {page.pk: _term_ids(getattr(page, f"{attribute}_ids")) for page in pages}
        terms = terms_by_id(model) if any(term_ids.values()) else {}
        for page in pages:
            chosen = (terms[pk] for pk in term_ids[page.pk] if pk in terms)
            setattr(page, attribute, sorted(chosen, key=key))
    return {page.pk: page for page in pages}


# What cards_by_id loads beside the pages: (attribute, vocabulary, order), the
# order being the vocabulary's own (Meta.ordering), as with_card_data has it.
CARD_TERMS = (
    ("card_target_groups", TargetGroup, lambda term: (term.sort_order, term.code)),
    ("card_regions", Region, lambda term: (term.sort_order, term.code)),
    ("card_countries", Country, lambda term: term.name_fi),
)


def _term_ids(value) -> list[int]:
    # An array on PostgreSQL, a comma-separated string (or NULL) on SQLite.
    if isinstance(value, list):
        return value
    return [int(pk) for pk in value.split(",")] if value else []


@cache
def _cards_sql(vendor: str, how_many: int) -> str:
    """The statement of `cards_by_id` for `how_many` ids (one array on PostgreSQL)."""
    quote = connection.ops.quote_name
    practice_table, page_table = quote(PracticePage._meta.db_table), quote(Page._meta.db_table)
    practice = f"{practice_table}.{quote(PracticePage._meta.pk.column)}"
    columns = [
        f"{page_table if field.model is Page else practice_table}.{quote(field.column)}"
        for field in (PracticePage._meta.get_field(name) for name in (*CARD_FIELDS, "page_ptr"))
    ]
    term_ids = []
    for attribute, model, _key in CARD_TERMS:
        field = next(field for field in PracticePage._meta.many_to_many if field.related_model is model)
        through = quote(field.remote_field.through._meta.db_table)
        of_practice = f"FROM {through} WHERE {quote(field.m2m_column_name())} = {practice}"
        term = quote(field.m2m_reverse_name())
        if vendor == "postgresql":
            term_ids.append(f"ARRAY(SELECT {term} {of_practice}) AS {attribute}_ids")
        else:
            term_ids.append(f"(SELECT group_concat({term}) {of_practice}) AS {attribute}_ids")
    adoptions, first_kind = _card_subqueries(vendor)
    restriction = quote(PageViewRestriction._meta.db_table)
    restricted_page = quote(PageViewRestriction._meta.get_field("page").column)
    page_id = quote(Page._meta.pk.column)
    ids = "= ANY(%s)" if vendor == "postgresql" else "IN ({})".format(", ".join(["%s"] * how_many))
    # Public as Page.objects.public() has it: not at or below a page with a
    # view restriction.
    return (
        f"SELECT {', '.join(columns)}, {adoptions} AS adoption_count, {first_kind} AS first_resource_kind, "  # noqa: S608
        f"{', '.join(term_ids)} "
        f"FROM {practice_table} JOIN {page_table} ON {page_table}.{page_id} = {practice} "
        f"WHERE {page_table}.live AND {practice} {ids} AND NOT EXISTS ("
        f"SELECT 1 FROM {restriction} r JOIN {page_table} restricted ON restricted.{page_id} = r.{restricted_page} "
        f"WHERE substr({page_table}.path, 1, length(restricted.path)) = restricted.path)"
    )


def cards_in_order(queryset) -> list:
    """The cards of `queryset`'s practices in its order, loaded by `cards_by_id`.

    For a whole listing (a theme page lists every practice of its theme): the
    ids in one plain query, then the cards in four. with_card_data's prefetch
    builds a model instance for every term of every card, most of such a
    page's loading time (bench/README.md, "Rendering and load").
    """
    ids = list(queryset.values_list("pk", flat=True))
    cards = cards_by_id(ids)
    return [cards[pk] for pk in ids if pk in cards]


def newest_practices(limit: int = 6):
    return cards_in_order(published_practices().order_by("-first_published_at", "-pk")[:limit])


# A theme page shows this many cards at most; the rest are one link away in the
# catalogue filtered by the theme. At 1,000 practices a theme has some 190,
# which no visitor scrolls through and which cost a theme page most of its
# rendering (bench/README.md, "Rendering and load").
THEME_PAGE_CARDS = 24


def practices_of_theme(theme_id: int, featured: list, limit: int = THEME_PAGE_CARDS) -> tuple[list, list, int | None]:
    """Editors' featured practices first, then other published ones of the theme
    by name, `limit` cards in all; and, when some are left out, how many
    published practices the theme has (None when all are shown)."""
    featured_ids = [practice.pk for practice in featured]
    return memoized(
        ("theme-practices", theme_id, tuple(featured_ids), limit), lambda: _theme_cards(theme_id, featured_ids, limit)
    )


def _theme_cards(theme_id: int, featured_ids: list[int], limit: int) -> tuple[list, list, int | None]:
    other_ids, count = _theme_ids(theme_id, featured_ids, limit)
    cards = cards_by_id([*featured_ids, *other_ids])
    featured = [cards[pk] for pk in featured_ids if pk in cards]
    room = max(limit - len(featured), 0)
    shown = [cards[pk] for pk in other_ids if pk in cards]
    if len(shown) <= room:
        return featured, shown, None
    return featured, shown[:room], count


def _theme_ids(theme_id: int, featured_ids: list[int], limit: int) -> tuple[list[int], int | None]:
    """The ids of a theme's other published practices by name, one more than
    fits beside no featured ones (so that it is known whether any is left
    out, before it is known how many of the featured are public), and the
    theme's count of published practices when some may be left out. With
    their cards, kept per process until content changes (practices_of_theme):
    at 10,000 practices these statements were a third of a theme page."""
    of_theme = published_practices().filter(themes=theme_id)
    others = of_theme.exclude(pk__in=featured_ids).order_by("title")
    other_ids = list(others[: limit + 1].values_list("pk", flat=True))
    count = of_theme.count() if len(other_ids) + len(featured_ids) > limit else None
    return other_ids, count
