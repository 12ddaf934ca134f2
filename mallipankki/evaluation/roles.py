"""Keeping the role groups' permissions in step with the site.

The roles themselves (group and permission names, `is_editor` …) are the
project's permission policy in mallipankki.core.permissions; this module
only grants what the groups need as the site grows: the practice index's
page permissions for Aluetyöntekijät, and every model permission for
Ylläpitäjät (the data migrations 0002_roles and regions 0003 refer to it).
"""

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from wagtail.models import GroupPagePermission

from mallipankki.core.permissions import ADMINS, REGIONAL_WORKERS

# Page permission types (see wagtail.models.pages.PAGE_PERMISSION_TYPES).
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
REGIONAL_PAGE_PERMISSIONS = ("add", "change")
ADMIN_PAGE_PERMISSIONS = ("add", "bulk_delete", "change", "lock", "publish", "unlock")


def grant_regional_page_permissions(index_page) -> None:
    """Aluetyöntekijät may add and edit drafts in the practice catalogue."""
    group = Group.objects.filter(name=REGIONAL_WORKERS).first()
    if group is None:
        return
    for kind in REGIONAL_PAGE_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=f"{kind}_page").first()
        if permission is not None:
            GroupPagePermission.objects.get_or_create(group=group, page=index_page, permission=permission)


def sync_admin_permissions(**kwargs) -> None:
    """Ylläpitäjät have every model permission, also of models added later.

    Connected to post_migrate; does nothing when the group does not exist
    (e.g. right after a test flush, before the database is restored).
    """
    using = kwargs.get("using", DEFAULT_DB_ALIAS)
    group = Group.objects.using(using).filter(name=ADMINS).first()
    if group is None:
        return
    missing = Permission.objects.using(using).exclude(group=group)
    if missing.exists():
        group.permissions.add(*missing)
