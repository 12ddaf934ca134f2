"""The vocabularies as pages read them, kept per process until content changes.

The vocabularies are small and read on every catalogue, theme and practice
page: the facets want a vocabulary's terms in its own order, the cards want
them by id. Both come from one read (core/memo.py), so an edit of a term,
which replaces the content version, renews both at once.
"""

from __future__ import annotations

from mallipankki.core.memo import memoized


def terms_in_order(model) -> list:
    """The vocabulary's terms in its own order (Meta.ordering). Shared: copy before sorting."""
    return memoized(("vocabulary", model._meta.label), lambda: list(model.objects.all()))


def terms_by_id(model) -> dict:
    """The vocabulary's terms by primary key."""
    return memoized(("vocabulary-by-id", model._meta.label), lambda: {term.pk: term for term in terms_in_order(model)})
