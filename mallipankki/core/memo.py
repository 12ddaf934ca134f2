"""Per-process memos of what every public page asks the database the same way:
the view-restricted sections and the main menu (issue 23, rendering speed).

A memo is kept under the *content version*: the page cache's generation
(core/page_cache.py), which every change to public content replaces in the
shared cache once its transaction commits, so every gunicorn worker sees it
on its next read, and a counter of this process that the same signals raise at
once (a change in this process is seen before its commit too). The version is
read before the value is computed (once a request, by KnownSiteMiddleware), as
the page cache does, so a value computed while a change commits is kept under
the version that change replaces. A memo is renewed after MAX_AGE in any case.

Nothing is memoised inside a transaction (an atomic block): what it reads may
yet be rolled back. Tests run inside one, so they see the database as it is;
the memo's own tests commit (transaction=True). The memo works whether the page
cache is on or off (PAGE_CACHE=0): the generation is kept either way.
"""

from __future__ import annotations

import contextvars
import time

from django.db import DatabaseError, connection
from django.db.models import Q

from . import page_cache

_memos: dict = {}
# What content alone does not say, the clock does ("funded until" turning
# past): a memo is also renewed after this many seconds, as the page cache's
# entries expire (PAGE_CACHE_TIMEOUT).
MAX_AGE = 300
# Routes are kept per address: at most this many a process.
MAX_ROUTES = 1000


# The generation read once per request (KnownSiteMiddleware), not once per memo.
_request_generation: contextvars.ContextVar = contextvars.ContextVar("memo_generation", default=None)


def content_version():
    """The version memos are kept under now; None when the shared cache cannot be read."""
    generation = _request_generation.get() or page_cache.current_generation()
    return None if generation is None else (generation, page_cache.local_version())


def memoized(key, compute, memos=_memos, limit=None):
    """compute(), or the value it gave under the current content version."""
    version = content_version()
    if version is None or connection.in_atomic_block:
        return compute()
    now = time.monotonic()
    kept = memos.get(key)
    if kept is not None and kept[0] == version and now - kept[1] < MAX_AGE:
        return kept[2]
    value = compute()
    if limit is not None and len(memos) >= limit:
        memos.clear()
    memos[key] = (version, now, value)
    return value


def forget() -> None:
    _memos.clear()
    _routes.clear()


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction (a password, a login, groups)."""
    from wagtail.models import PageViewRestriction

    def compute():
        return tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))))

    return memoized("restricted_paths", compute)


def public(queryset):
    """`queryset.public()`, Wagtail's "not at or below a restricted page", without
    asking the database for the restrictions on each call (2 to 5 times a page)."""
    paths = restricted_paths()
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def any_aliases() -> bool:
    from wagtail.models import Page

    return memoized("any_aliases", lambda: Page.objects.filter(alias_of__isnull=False).exists())


class KnownViewRestrictions:
    """A page mixin: Wagtail asks every page it serves for the view restrictions
    at or above it (2 statements); when the memo knows there are none, the
    answer is the empty queryset without asking. Aliases take their source's
    restrictions, so with any alias on the site Wagtail's own lookup answers."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id is None and self.path and not any_aliases():
            if not any(self.path.startswith(path) for path in restricted_paths()):
                return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


_routes: dict = {}


class KnownRoutes:
    """A mixin for the site's root page: the page (and Wagtail route) an address
    leads to, kept per process under the content version, as the page cache
    keeps the whole page. Routing an address two levels down costs Wagtail
    four statements (each level's child, then its specific instance).

    The page instance is shared by the requests to that address until content
    changes; what a view caches on it (prefetched terms) is content too. An
    address that leads nowhere (404) is not kept.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        key = (self.pk, tuple(path_components))
        return memoized(key, lambda: super(KnownRoutes, self).route(request, path_components), _routes, MAX_ROUTES)


class KnownSiteMiddleware:
    """Wagtail's site for the request's host and port, with its root page, kept
    per process (core/memo.py) instead of a statement (and the root page's
    specific instance, another) on every page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        try:
            key = ("site", request._get_raw_host(), request.get_port())
        except Exception:  # a malformed host: Wagtail and Django answer it as before
            return self.get_response(request)
        token = _request_generation.set(page_cache.current_generation())
        try:
            if not connection.in_atomic_block:
                # Otherwise Wagtail finds it if the view asks, as it did.
                try:
                    request._wagtail_site = memoized(key, lambda: Site._find_for_request(request))
                except DatabaseError:
                    # An unmigrated or unreachable database: left to the view,
                    # whose failure DatabaseUnavailableMiddleware turns into its 503 page.
                    pass
            return self.get_response(request)
        finally:
            _request_generation.reset(token)
