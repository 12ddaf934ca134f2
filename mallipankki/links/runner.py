"""Checking many links at once: bounded concurrency across hosts.

Links are grouped by host and each group is one task for a pool of
`concurrency` worker threads, so that at most `concurrency` hosts are
asked at a time and each host only one request at a time (its task runs its
links in order; the fetcher's HostGate also spaces them and covers
redirects that land on another task's host). Workers do network work only;
the caller's thread receives the results in completion order and writes
them to the database, which keeps SQLite's single writer happy.
"""

import logging
import queue
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from .fetch import CheckResult, Fetcher

logger = logging.getLogger(__name__)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def run_checks(fetcher: Fetcher, jobs: Iterable[tuple[str, bool]], concurrency: int) -> Iterator[CheckResult]:
    """Checks each (url, keep_document) job; yields the results as they come."""
    by_host: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for url, keep in jobs:
        by_host[_host(url)].append((url, keep))
    total = sum(len(host_jobs) for host_jobs in by_host.values())
    results: queue.Queue = queue.Queue()

    def work(host_jobs):
        for url, keep in host_jobs:
            try:
                result = fetcher.check(url, keep_document=keep)
            except Exception:  # one odd server must not stop the run
                logger.exception("Link check failed unexpectedly: %s", url)
                result = CheckResult(url=url, ok=False, error="internal")
            results.put(result)

    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="check_links") as pool:
        # The hosts with most links first, so that no long queue starts last.
        for host_jobs in sorted(by_host.values(), key=len, reverse=True):
            pool.submit(work, host_jobs)
        for _ in range(total):
            yield results.get()
