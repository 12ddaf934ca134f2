"""Queries behind the public listings: cards, theme sections, the catalogue.

Every listing goes through `published_practices()` so that only live,
public practices are ever listed, and through `with_card_data()` so that a
page of cards costs a fixed number of queries however many cards it shows.
"""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from mallipankki.vocabularies.models import Theme

from .models import Adoption, PracticePage, Resource


def published_practices():
    return PracticePage.objects.live().public()


def with_card_data(queryset):
    """What a card shows beyond the page's own fields: target groups, the
    kind of the first material (`PracticePage.resource_kind`) and the
    adoption count. The last two are subqueries: prefetching the materials
    (and formerly the themes, which no card shows) built a queryset per card
    and relation, half the time of loading a page of results."""
    return queryset.prefetch_related("target_groups").annotate(
        adoption_count=adoption_count(), first_resource_kind=first_resource_kind()
    )


def first_resource_kind():
    rows = Resource.objects.filter(practice=OuterRef("pk")).order_by("sort_order", "pk").values("kind")
    return Subquery(rows[:1])


def adoption_count():
    """Confirmed adoptions (Adoption rows) per practice, as a subquery: no extra query, no GROUP BY."""
    rows = Adoption.objects.filter(practice=OuterRef("pk")).order_by().values("practice")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def newest_practices(limit: int = 6):
    return list(with_card_data(published_practices().order_by("-first_published_at", "-pk")[:limit]))


def theme_practice_counts() -> dict[int, int]:
    """Published practices per theme id, in one query."""
    live_ids = published_practices().values("pk")
    rows = Theme.objects.annotate(
        published=Count("practices", filter=Q(practices__in=live_ids), distinct=True)
    ).values_list("pk", "published")
    return dict(rows)


def theme_sections():
    """The six sections for the home page: theme page and its practice count."""
    from mallipankki.pages.models import ThemePage

    counts = theme_practice_counts()
    pages = ThemePage.objects.live().public().select_related("theme").order_by("theme__sort_order")
    return [{"page": page, "count": counts.get(page.theme_id, 0)} for page in pages]


def practices_of_theme(theme_id: int, featured: list) -> tuple[list, list]:
    """Editors' featured practices first, then every other published one of the theme."""
    featured_ids = [practice.pk for practice in featured]
    featured_cards = {p.pk: p for p in with_card_data(published_practices().filter(pk__in=featured_ids))}
    others = with_card_data(
        published_practices().filter(themes=theme_id).exclude(pk__in=featured_ids).order_by("title")
    )
    return [featured_cards[pk] for pk in featured_ids if pk in featured_cards], list(others)


def catalogue_context(request, index_page) -> dict:
    """The /mallit/ listing: the search engine's results panel (see
    search/presentation.py) with the catalogue's link filters, so that its
    addresses (?teema=…&kohderyhma=…&sivu=…) keep working and gain q."""
    from mallipankki.search.presentation import results_context

    return results_context(
        request.GET, url=index_page.get_url(request), per_page=index_page.page_size, facet_links=True
    )
