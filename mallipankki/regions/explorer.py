"""What a regional worker sees of the practice catalogue in the admin's page explorer.

Their editing is narrowed to their own regions by the page permission
tester (mallipankki.core.permissions.RegionScopedPermissionTester); the
explorer's listing is narrowed here, through the
construct_explorer_page_queryset hook (see wagtail_hooks).
"""

from mallipankki.core.permissions import regions_for
from mallipankki.practices.models import PracticePage


def practices_of_own_regions(pages, user):
    """Narrows an admin page queryset to the practices of `user`'s regions."""
    own = PracticePage.objects.filter(regions__in=regions_for(user)).values("pk")
    return pages.filter(pk__in=own)
