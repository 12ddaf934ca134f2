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

from mallipankki.vocabularies.models import TargetGroup

from .models import Adoption, PracticePage, Resource


def published_practices():
    return PracticePage.objects.live().public()


# The page's own fields that a card (templates/includes/practice_card.html),
# its address and its search snippet read; the other texts of a practice
# (evidence, costs, scaling plan, contacts) stay in the database.
CARD_FIELDS = (
    *("title", "slug", "url_path", "path", "depth", "live", "locale", "content_type"),
    *(f"{name}_{lang}" for name in ("name", "summary", "description") for lang in ("fi", "sv", "en")),
)


def with_card_data(queryset):
    """The page fields a card needs (CARD_FIELDS) and what it shows beyond
    them: its target groups (`card_target_groups`, a list), the kind of its
    first material (`PracticePage.resource_kind`) and its adoption count.

    Two queries for any number of cards: the pages with both subqueries, and
    the target groups. Those are prefetched into a plain list: prefetching
    into the relation built a queryset per card, a large part of the time
    a page of results takes to load. The subqueries are SQL written once
    (see `_card_subqueries`): Django compiled the same two Subquery
    expressions again for every listing.
    """
    adoptions, first_kind = _card_subqueries(connection.vendor)
    return (
        queryset.only(*CARD_FIELDS)
        .prefetch_related(Prefetch("target_groups", queryset=TargetGroup.objects.all(), to_attr="card_target_groups"))
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

    The same rows and values in two statements: the pages, with their
    target group ids as a third subquery, and those target groups. The
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
    group_ids = {page.pk: _target_group_ids(page.card_target_group_ids) for page in pages}
    wanted = {pk for ids_of_page in group_ids.values() for pk in ids_of_page}
    groups = TargetGroup.objects.in_bulk(wanted) if wanted else {}
    for page in pages:
        chosen = (groups[pk] for pk in group_ids[page.pk] if pk in groups)
        page.card_target_groups = sorted(chosen, key=lambda group: (group.sort_order, group.code))
    return {page.pk: page for page in pages}


def _target_group_ids(value) -> list[int]:
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
    through = PracticePage._meta.get_field("target_groups").remote_field.through
    through_table = quote(through._meta.db_table)
    practice_column = quote(through._meta.get_field("practicepage").column)
    group_column = quote(through._meta.get_field("targetgroup").column)
    of_practice = f"FROM {through_table} WHERE {practice_column} = {practice}"
    if vendor == "postgresql":
        group_ids = f"ARRAY(SELECT {group_column} {of_practice})"
    else:
        group_ids = f"(SELECT group_concat({group_column}) {of_practice})"
    adoptions, first_kind = _card_subqueries(vendor)
    restriction = quote(PageViewRestriction._meta.db_table)
    restricted_page = quote(PageViewRestriction._meta.get_field("page").column)
    page_id = quote(Page._meta.pk.column)
    ids = "= ANY(%s)" if vendor == "postgresql" else "IN ({})".format(", ".join(["%s"] * how_many))
    # Public as Page.objects.public() has it: not at or below a page with a
    # view restriction.
    return (
        f"SELECT {', '.join(columns)}, {adoptions} AS adoption_count, {first_kind} AS first_resource_kind, "  # noqa: S608
        f"{group_ids} AS card_target_group_ids "
        f"FROM {practice_table} JOIN {page_table} ON {page_table}.{page_id} = {practice} "
        f"WHERE {page_table}.live AND {practice} {ids} AND NOT EXISTS ("
        f"SELECT 1 FROM {restriction} r JOIN {page_table} restricted ON restricted.{page_id} = r.{restricted_page} "
        f"WHERE substr({page_table}.path, 1, length(restricted.path)) = restricted.path)"
    )


def newest_practices(limit: int = 6):
    return list(with_card_data(published_practices().order_by("-first_published_at", "-pk")[:limit]))


def practices_of_theme(theme_id: int, featured: list) -> tuple[list, list]:
    """Editors' featured practices first, then every other published one of the theme."""
    featured_ids = [practice.pk for practice in featured]
    featured_cards = {p.pk: p for p in with_card_data(published_practices().filter(pk__in=featured_ids))}
    others = with_card_data(
        published_practices().filter(themes=theme_id).exclude(pk__in=featured_ids).order_by("title")
    )
    return [featured_cards[pk] for pk in featured_ids if pk in featured_cards], list(others)
