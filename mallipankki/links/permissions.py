"""Recording the right to republish kept copies."""

from .models import CopyPermission


def grant_by_owner(practice, now) -> int:
    """The practice's owner allows every material's copies to be public; returns how many materials."""
    urls = {url for url in practice.resources.values_list("url", flat=True) if url}
    for url in urls:
        CopyPermission.objects.update_or_create(
            practice=practice,
            url=url,
            defaults={"public": True, "source": CopyPermission.Source.OWNER, "decided_at": now, "decided_by": None},
        )
    return len(urls)
