"""Queries behind the public listings: cards, theme sections, the catalogue.

Every listing goes through `published_practices()` so that only live,
public practices are ever listed, and through `with_card_data()` so that a
page of cards costs a fixed number of queries however many cards it shows.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q

from mallipankki.vocabularies.models import TargetGroup, Theme

from .models import PracticePage, Resource


def published_practices():
    return PracticePage.objects.live().public()


def with_card_data(queryset):
    return queryset.prefetch_related(
        "themes",
        "target_groups",
        Prefetch("resources", queryset=Resource.objects.order_by("sort_order")),
    )


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
    """The /mallit/ listing with plain-link filters by theme and target group."""
    themes = list(Theme.objects.all())
    target_groups = list(TargetGroup.objects.all())
    selected_theme = next((t for t in themes if t.code == request.GET.get("teema")), None)
    selected_group = next((g for g in target_groups if g.code == request.GET.get("kohderyhma")), None)

    queryset = published_practices()
    if selected_theme:
        queryset = queryset.filter(themes=selected_theme)
    if selected_group:
        queryset = queryset.filter(target_groups=selected_group)
    queryset = with_card_data(queryset.order_by("title", "pk"))

    paginator = Paginator(queryset, index_page.page_size)
    page = paginator.get_page(request.GET.get("sivu"))
    return {
        "themes": themes,
        "target_groups": target_groups,
        "selected_theme": selected_theme,
        "selected_group": selected_group,
        "page_obj": page,
        "practices": list(page.object_list),
    }
