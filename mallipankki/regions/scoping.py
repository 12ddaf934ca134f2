"""Who may act on what, region by region.

Editors and admins (the `evaluation.manage_evaluations` permission) act in
every region; a regional worker acts only in the regions of their
RegionalWorker record; everyone else in none.
"""

from django.db.models import QuerySet

from mallipankki.evaluation.roles import is_editor
from mallipankki.vocabularies.models import Region


def regions_for(user) -> QuerySet[Region]:
    """The regions whose practices, proposals and requests `user` handles."""
    if not (user and user.is_authenticated and user.is_active):
        return Region.objects.none()
    if user.is_superuser or is_editor(user):
        return Region.objects.all()
    return Region.objects.filter(regional_workers__user=user)


def handles_all_regions(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or is_editor(user)))


def can_handle(user, regions) -> bool:
    """True when `user` may act on something placed in any of `regions`.

    Something with no region at all (a practice from abroad, say) is for
    editors only.
    """
    if handles_all_regions(user):
        return True
    codes = {region.code for region in regions}
    return bool(codes) and regions_for(user).filter(code__in=codes).exists()
