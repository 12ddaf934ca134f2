"""What the planning page shows for each match: the practice and its context.

The matcher gives ids, scores and reasons; this loads the practices with
their evidence, readiness, continuity, adoptions and the public contacts of
the regional workers of their regions, in a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from mallipankki.practices.listing import published_practices
from mallipankki.regions.models import RegionalWorker
from mallipankki.search.snippets import snippet_for

from .matcher import PracticeMatch


@dataclass
class MatchView:
    practice: object
    match: PracticeMatch
    snippet: object
    workers: list


def load_matches(matches: list[PracticeMatch], language: str = "fi") -> list[MatchView]:
    if not matches:
        return []
    pages = {
        page.pk: page
        for page in published_practices()
        .filter(pk__in=[match.page_id for match in matches])
        .annotate(adoption_total=Count("adoptions", distinct=True))
        .prefetch_related("target_groups", "themes", "regions")
    }
    region_ids = {region.pk for page in pages.values() for region in page.regions.all()}
    workers_by_region: dict[int, list] = {}
    if region_ids:
        workers = (
            RegionalWorker.objects.filter(regions__in=region_ids, public_contact=True, user__is_active=True)
            .select_related("user")
            .prefetch_related("regions")
            .distinct()
            .order_by("user__last_name", "user__first_name", "pk")
        )
        for worker in workers:
            for region in worker.regions.all():
                workers_by_region.setdefault(region.pk, []).append(worker)
    views = []
    for match in matches:
        page = pages.get(match.page_id)
        if page is None:
            continue  # unpublished since the index was read
        workers = list(
            dict.fromkeys(worker for region in page.regions.all() for worker in workers_by_region.get(region.pk, []))
        )
        snippet = snippet_for(page, match.terms, language) if match.terms else None
        views.append(MatchView(page, match, snippet, workers))
    return views
