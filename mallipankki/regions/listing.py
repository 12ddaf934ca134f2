"""What the public region pages list: practices developed and adopted in a region, and its public contacts.

Everything goes through `published_practices()`, so nothing unpublished or
private is listed. Adoption rows exist only for confirmed adoptions (pending
ones live in the adoptions app), so "adopted here" needs no status filter.
"""

from django.db.models import Count, Q

from mallipankki.practices.listing import published_practices, with_card_data
from mallipankki.practices.models import Adoption
from mallipankki.vocabularies.models import Region

from .models import RegionalWorker

PREVIEW_SIZE = 6  # cards per list on a region page; the rest are on the list's own paginated page
PAGE_SIZE = 12


def region_overview() -> list[dict]:
    """Every region with its counts of published practices developed and adopted there (two queries)."""
    live_ids = published_practices().values("pk")
    regions = Region.objects.annotate(
        developed=Count("practices", filter=Q(practices__in=live_ids), distinct=True)
    ).order_by("sort_order", "name_fi")
    # Adoption.region has no reverse accessor, so the adopted counts are a query of their own.
    adopted = dict(
        Adoption.objects.filter(practice__in=live_ids, region__isnull=False)
        .values("region")
        .annotate(practices=Count("practice", distinct=True))
        .values_list("region", "practices")
    )
    return [
        {"region": region, "developed": region.developed, "adopted": adopted.get(region.pk, 0)} for region in regions
    ]


# Practices adopted in a region: adoptions.services.adopted_in.


def developed_in(region):
    """Published practices developed in `region` (those that name it among their regions)."""
    return with_card_data(published_practices().filter(regions=region).order_by("title", "pk"))


def public_workers(region):
    """The region's active workers who have agreed to their contact details being public."""
    return (
        RegionalWorker.objects.filter(regions=region, public_contact=True, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
