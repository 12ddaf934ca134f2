"""The "Linkkien kunto" report and the continuity rule: broken and failing links by practice.

Plain functions over querysets; the admin views, the dashboard panel and the
continuity app call them.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from mallipankki.practices.models import Organisation, PracticePage, Resource

from .models import ArchivedCopy, CopyPermission, Link

PROBLEMS = (Link.Status.FAILING, Link.Status.BROKEN)


@dataclass
class ProblemLink:
    url: str
    title: str  # the material's title, or the organisation's name
    kind: str  # "resource" or "organisation"
    link: Link


@dataclass
class PracticeProblems:
    practice: PracticePage
    links: list[ProblemLink] = field(default_factory=list)

    @property
    def broken(self) -> int:
        return sum(item.link.status == Link.Status.BROKEN for item in self.links)

    @property
    def failing(self) -> int:
        return sum(item.link.status == Link.Status.FAILING for item in self.links)


def problems_by_practice(practices: QuerySet) -> list[PracticeProblems]:
    """The practices among `practices` with failing or broken links, by title, each with those links."""
    bad_urls = Link.objects.filter(status__in=PROBLEMS).values("url")
    ids = practices.values("pk")
    resources = Resource.objects.filter(practice__in=ids, url__in=bad_urls).order_by("sort_order", "pk")
    organisations = Organisation.objects.filter(practice__in=ids, url__in=bad_urls).order_by("sort_order", "pk")
    rows = [(item.practice_id, item.url, item.title, "resource") for item in resources]
    rows += [(item.practice_id, item.url, item.name, "organisation") for item in organisations]
    if not rows:
        return []
    links = {link.url: link for link in Link.objects.filter(url__in={url for _pk, url, *_ in rows})}
    pages = (
        PracticePage.objects.filter(pk__in={pk for pk, *_ in rows}).prefetch_related("regions").order_by("title", "pk")
    )
    found = {page.pk: PracticeProblems(page) for page in pages}
    for practice_id, url, title, kind in rows:
        found[practice_id].links.append(ProblemLink(url, title, kind, links[url]))
    return list(found.values())


def materials_lost(practices: QuerySet) -> QuerySet:
    """Practices whose every material is a broken link with no public copy.

    A practice without materials, or with an uploaded PDF (ours, never
    broken), is not flagged.
    """
    broken_urls = Link.objects.filter(status=Link.Status.BROKEN).values("url")
    copied_urls = ArchivedCopy.objects.values("link__url")
    public_copy = CopyPermission.objects.filter(
        practice=OuterRef("practice"), url=OuterRef("url"), public=True, url__in=copied_urls
    )
    saved_or_working = Resource.objects.filter(practice=OuterRef("pk")).filter(
        Q(url="") | ~Q(url__in=broken_urls) | Exists(public_copy)
    )
    return practices.filter(Exists(Resource.objects.filter(practice=OuterRef("pk")))).exclude(Exists(saved_or_working))


def broken_materials(practice: PracticePage) -> list[Resource]:
    """The practice's materials whose links are broken (for the continuity reminder)."""
    broken_urls = Link.objects.filter(status=Link.Status.BROKEN).values("url")
    return list(practice.resources.filter(url__in=broken_urls).order_by("sort_order", "pk"))
