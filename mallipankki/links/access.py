"""Who may see a kept copy: everyone when editors (or the owner) allowed it, staff always."""

from .models import ArchivedCopy, CopyPermission


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin"))


def material_urls(practice) -> set[str]:
    return {url for url in practice.resources.values_list("url", flat=True) if url}


def visible_copy(practice, copy_id: int, user) -> ArchivedCopy | None:
    """The copy, when it is a copy of one of `practice`'s materials and `user` may see it."""
    copy = ArchivedCopy.objects.select_related("link").filter(pk=copy_id).first()
    if copy is None or copy.link.url not in material_urls(practice):
        return None
    if is_staff(user):
        return copy
    public = CopyPermission.objects.filter(practice=practice, url=copy.link.url, public=True).exists()
    return copy if public else None
