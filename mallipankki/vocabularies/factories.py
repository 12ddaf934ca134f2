"""Vocabulary terms for tests: looked up, never made.

Themes, target groups, regions and countries come from the data migration
(vocabularies 0002_load_vocabularies), so tests take the terms it loaded. A
code that is not there fails the lookup instead of making a new term.
"""

from django.db.models import Q

from .models import Country, Region, Theme


def region(key: str) -> Region:
    """The region with code or slug `key`, e.g. "FI-10" or "lappi"."""
    return Region.objects.get(Q(code=key) | Q(slug=key))


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def theme(code: str) -> Theme:
    return Theme.objects.get(code=code)
