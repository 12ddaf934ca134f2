"""What the site says about a practice's links: read from the checker's results, never by checking.

Page views, the API and the export call these; none of them makes a
request to another server (the checker runs only from `manage.py check_links`).
"""

from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse

from .models import ArchivedCopy, CopyPermission, Link


@dataclass(frozen=True)
class LinkHealth:
    status: str | None  # "ok", "failing", "broken"; None when not checked yet
    checked_at: object = None
    copy: ArchivedCopy | None = None  # the newest public copy
    copy_url: str = ""  # its page on this site (path)

    @property
    def copy_absolute_url(self) -> str:
        return settings.BASE_URL + self.copy_url if self.copy_url else ""


def copy_path(practice_id: int, copy_id: int) -> str:
    return reverse("links:copy", args=[practice_id, copy_id])


def public_urls(practice_ids) -> set[tuple[int, str]]:
    return set(
        CopyPermission.objects.filter(practice_id__in=practice_ids, public=True).values_list("practice_id", "url")
    )


def newest_copies(urls) -> dict[str, ArchivedCopy]:
    newest: dict[str, ArchivedCopy] = {}
    copies = (
        ArchivedCopy.objects.filter(link__url__in=list(urls)).select_related("link").order_by("-retrieved_at", "-pk")
    )
    for copy in copies:
        newest.setdefault(copy.link.url, copy)
    return newest


def health_by_practice(pairs: list[tuple[int, str]]) -> dict[tuple[int, str], LinkHealth]:
    """{(practice id, url): LinkHealth} for the given materials, in three queries."""
    urls = {url for _practice_id, url in pairs if url}
    if not urls:
        return {}
    links = {
        link.url: link
        for link in Link.objects.filter(url__in=list(urls))
        .annotate(has_copy=Exists(ArchivedCopy.objects.filter(link=OuterRef("pk"))))
        .only("url", "status", "checked_at")
    }
    # Permissions and copies are read only when some link has a copy: most pages pay one query.
    copied = {url for url, link in links.items() if link.has_copy}
    public = public_urls({practice_id for practice_id, url in pairs if url in copied}) if copied else set()
    copies = newest_copies({url for _practice_id, url in public}) if public else {}
    found = {}
    for practice_id, url in pairs:
        link = links.get(url)
        copy = copies.get(url) if (practice_id, url) in public else None
        if link is None or (link.status == Link.Status.UNCHECKED and copy is None):
            continue
        checked = link.status != Link.Status.UNCHECKED
        found[(practice_id, url)] = LinkHealth(
            status=link.status if checked else None,
            checked_at=link.checked_at if checked else None,
            copy=copy,
            copy_url=copy_path(practice_id, copy.pk) if copy else "",
        )
    return found


def health_of_practice(page, resources=None) -> dict[str, LinkHealth]:
    """{url: LinkHealth} for one practice's materials.

    `resources`: the ones the page has already loaded, so that the page does not load them twice.
    """
    resources = page.resources.all() if resources is None else resources
    pairs = [(page.pk, resource.url) for resource in resources if resource.url]
    return {url: health for (_pk, url), health in health_by_practice(pairs).items()}


def add_to_records(records: list[dict], practice_ids: list[int]) -> None:
    """Adds `status`, `checked_at` and `archived_url` to the records' resources (API and export).

    `records[i]` is the interchange record of practice `practice_ids[i]`.
    """
    pairs = [
        (practice_id, resource.get("url", ""))
        for record, practice_id in zip(records, practice_ids, strict=True)
        for resource in record.get("resources", [])
    ]
    found = health_by_practice(pairs)
    for record, practice_id in zip(records, practice_ids, strict=True):
        for resource in record.get("resources", []):
            health = found.get((practice_id, resource.get("url", "")))
            if health is None:
                continue
            if health.status:
                resource["status"] = health.status
                resource["checked_at"] = health.checked_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
            if health.copy_url:
                resource["archived_url"] = health.copy_absolute_url
