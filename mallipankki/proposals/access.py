"""Who sees which proposals.

Reading proposals needs `proposals.view_proposal` (Toimittajat, Ylläpitäjät,
Aluetyöntekijät). Within that, region scoping decides: editors and admins see
every proposal; a regional worker sees those placed in one of their regions
(a proposal with no region is for editors only, as in `core.permissions.can_handle`).
"""

from mallipankki.core.permissions import VIEW_PROPOSALS_PERMISSION, handles_all_regions, regions_for

from .models import Proposal


def can_read_proposals(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(VIEW_PROPOSALS_PERMISSION))


def visible_proposals(user, queryset=None):
    """`queryset` (default: all proposals) narrowed to what `user` may read."""
    queryset = Proposal.objects.all() if queryset is None else queryset
    if not can_read_proposals(user):
        return queryset.none()
    if handles_all_regions(user):
        return queryset
    # A subquery rather than a join: no duplicates from proposals in several regions.
    return queryset.filter(pk__in=Proposal.objects.filter(regions__in=regions_for(user)).values("pk"))


def can_read(user, proposal) -> bool:
    return visible_proposals(user, Proposal.objects.filter(pk=proposal.pk)).exists()
