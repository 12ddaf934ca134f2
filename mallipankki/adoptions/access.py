"""Who decides on an adoption report: the regional workers of its region; editors on every report.

A report without a Finnish region belongs to the editors only
(core.permissions.can_handle).
"""

from django.contrib.auth import get_user_model

from mallipankki.core.permissions import REGIONAL_WORKERS, can_handle, handles_all_regions, has_regions, regions_for

from .models import PendingAdoption


def deciders_of(pending: PendingAdoption) -> list:
    """The region's active regional workers (members of Aluetyöntekijät); none when there is no region."""
    if pending.region_id is None:
        return []
    users = (
        get_user_model()
        .objects.filter(is_active=True, regional_worker__regions=pending.region_id, groups__name=REGIONAL_WORKERS)
        .exclude(email="")
    )
    return list(users.distinct().order_by("pk"))


def queue_for(user):
    """The reports `user` may see and decide on: their regions; editors all."""
    queryset = PendingAdoption.objects.select_related("practice", "region", "country", "decided_by")
    if handles_all_regions(user):
        return queryset
    return queryset.filter(region__in=regions_for(user))


def may_use_queue(user) -> bool:
    return bool(user and user.is_authenticated) and (handles_all_regions(user) or has_regions(user))


def may_decide(user, pending: PendingAdoption) -> bool:
    return can_handle(user, [pending.region] if pending.region_id else [])
