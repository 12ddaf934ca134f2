"""Per-process memos of what every public page asks the database the same way:
the view-restricted sections and the main menu (issue 23, rendering speed).

A memo is kept under the *content version*: the page cache's generation
(core/page_cache.py), which every change to public content replaces in the
shared cache once its transaction commits, so every gunicorn worker sees it
on its next read, and a counter of this process that the same signals raise at
once (a change in this process is seen before its commit too). The version is
read before the value is computed, as the page cache does, so a value computed
while a change commits is kept under the version that change replaces.

Nothing is memoised inside a transaction (an atomic block): what it reads may
yet be rolled back. Tests run inside one, so they see the database as it is;
the memo's own tests commit (transaction=True). The memo works whether the page
cache is on or off (PAGE_CACHE=0): the generation is kept either way.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q

from . import page_cache

_memos: dict = {}


def content_version():
    """The version memos are kept under now; None when the shared cache cannot be read."""
    generation = page_cache.current_generation()
    return None if generation is None else (generation, page_cache.local_version())


def memoized(key, compute):
    """compute(), or the value it gave under the current content version."""
    version = content_version()
    if version is None or connection.in_atomic_block:
        return compute()
    kept = _memos.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = compute()
    _memos[key] = (version, value)
    return value


def forget() -> None:
    _memos.clear()


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
