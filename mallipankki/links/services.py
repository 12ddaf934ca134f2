"""The link checker's database side: which links to check, and what a check leaves behind.

`check_links()` is what `manage.py check_links` runs. It gathers the
links of live practices (materials and organisation sites), checks the due
ones through `runner.run_checks`, and for each result updates the link by
the three-strikes rule (rules.py), keeps the check in the history, and
keeps a copy of a document material when its content is new.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from mallipankki.core.page_cache import deferred_bumps
from mallipankki.practices.models import Organisation, PracticePage, Resource

from . import conf
from .documents import DocumentRefused, check_document
from .fetch import CheckResult, Download, Fetcher
from .guard import parse
from .models import ArchivedCopy, Link, LinkCheck
from .rules import apply_check
from .runner import run_checks


def default_fetcher(**overrides) -> Fetcher:
    options = {
        "user_agent": conf.user_agent(),
        "allow_private": conf.allow_private_networks(),
        "delay": conf.host_delay(),
    }
    options.update(overrides)
    return Fetcher(**options)


def links_to_check(practice_id: int | None = None) -> dict[str, bool]:
    """{url: keep_document} for the live practices' external materials and organisation sites."""
    practices = PracticePage.objects.live()
    if practice_id is not None:
        practices = practices.filter(pk=practice_id)
    ids = practices.values("pk")
    found: dict[str, bool] = {}
    for url in Organisation.objects.filter(practice__in=ids).exclude(url="").values_list("url", flat=True):
        found.setdefault(url, False)
    # Only materials are documents worth keeping; an organisation's home page is not.
    for url in Resource.objects.filter(practice__in=ids).exclude(url="").values_list("url", flat=True):
        found[url] = True
    return found


def _host_of(url: str) -> str:
    try:
        return parse(url)[1][:255]
    except Exception:
        return ""


@dataclass
class RunSummary:
    checked: int = 0
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    new_copies: int = 0
    unchanged_copies: int = 0
    refused_copies: Counter = field(default_factory=Counter)


# One change of the page cache's generation for the whole run, not one per link.
@deferred_bumps()
def check_links(
    *,
    practice_id: int | None = None,
    now=None,
    dry_run: bool = False,
    fetcher: Fetcher | None = None,
    concurrency: int | None = None,
    progress=None,
) -> RunSummary:
    """Checks the links that are due (with `practice_id`, all of that practice's).

    `now` fixes the clock for every check of the run (tests); by default each
    check is stamped when its answer arrives. With `dry_run` nothing is
    written and no document is downloaded. `progress(result, link)` hears of
    each check.
    """
    clock = (lambda: now) if now is not None else timezone.now
    started = clock()
    wanted = links_to_check(practice_id)
    if not dry_run:
        Link.objects.bulk_create(
            [Link(url=url, host=_host_of(url)) for url in wanted], ignore_conflicts=True, batch_size=500
        )
    known = {link.url: link for link in Link.objects.filter(url__in=list(wanted))} if wanted else {}
    links = {url: known.get(url) or Link(url=url, host=_host_of(url)) for url in wanted}
    due = [
        (url, keep and not dry_run)
        for url, keep in wanted.items()
        if practice_id is not None or links[url].next_check_at is None or links[url].next_check_at <= started
    ]
    fetcher = fetcher or default_fetcher()
    summary = RunSummary()
    for result in run_checks(fetcher, due, concurrency or conf.concurrency()):
        link = links[result.url]
        checked_at = clock()
        if dry_run:
            apply_check(link, result.ok, checked_at)
        else:
            outcome = record_result(link, result, checked_at)
            if outcome == "new":
                summary.new_copies += 1
            elif outcome == "same":
                summary.unchanged_copies += 1
            elif outcome:
                summary.refused_copies[outcome] += 1
        summary.checked += 1
        summary.statuses[link.status] += 1
        if result.error:
            summary.errors[result.error] += 1
        if progress:
            progress(result, link)
    return summary


def record_result(link: Link, result: CheckResult, now) -> str:
    """Saves one check; returns what became of its document: "new", "same", a refusal code, or ""."""
    with transaction.atomic():
        apply_check(link, result.ok, now)
        link.save(update_fields=["status", "strikes", "last_strike_at", "checked_at", "next_check_at"])
        copy_outcome = result.download_error
        if result.download is not None:
            copy_outcome = keep_copy(link, result.download, now)
        LinkCheck.objects.create(
            link=link,
            checked_at=now,
            ok=result.ok,
            status_code=result.status_code,
            error=result.error or (f"copy:{copy_outcome}"[:40] if copy_outcome not in ("", "new", "same") else ""),
            final_url=result.final_url[:1000],
            content_type=result.content_type,
            size=result.size,
        )
    return copy_outcome


SAFE_NAME = re.compile(r"[^\w.()-]+")


def copy_file_name(url: str, suffix: str) -> str:
    base = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    base = SAFE_NAME.sub("-", base).strip("-.")[:100] or "asiakirja"
    if not base.lower().endswith(f".{suffix}"):
        base = f"{base}.{suffix}"
    return base


def keep_copy(link: Link, download: Download, now) -> str:
    """Stores the document unless this version is already kept: "new", "same" or a refusal code."""
    existing = ArchivedCopy.objects.filter(link=link, source_sha256=download.sha256).first()
    if existing is not None:
        existing.last_seen_at = now
        existing.save(update_fields=["last_seen_at"])
        return "same"
    try:
        document = check_document(download.data)
    except DocumentRefused as refused:
        return refused.code

    name = copy_file_name(download.source_url, document.suffix)
    copy = ArchivedCopy(
        link=link,
        file_name=name,
        sha256=hashlib.sha256(document.data).hexdigest(),
        source_sha256=download.sha256,
        source_url=download.source_url[:1000],
        retrieved_at=now,
        last_seen_at=now,
        content_type=document.content_type,
        size=len(document.data),
    )
    copy.file.save(name, ContentFile(document.data), save=False)
    copy.save()
    return "new"
