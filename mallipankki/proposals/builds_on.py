"""The proposal form's "builds on": published practices named by the visitor.

A visitor types a practice's name (the datalist and, with JavaScript, the
search-as-you-type suggestions offer the published names), or pastes its
address. Only published practices can be chosen: a draft's name must not be
confirmed to a stranger. Two practices may share a name; the suggestions then
read "Nimi (tunnus)", which picks one.
"""

import re

from django.conf import settings
from django.db.models import Q

from mallipankki.practices.listing import published_practices

MAX_BUILDS_ON = 3
# Up to this many published practices the form lists every name in its
# datalist, so that suggestions work without JavaScript too; a larger
# catalogue is searched as the visitor types (static/js/practice_picker.js).
# Setting PROPOSAL_DATALIST_LIMIT.
DATALIST_LIMIT = 500
# "Nimi (tunnus)", or an address ending in /mallit/<tunnus>/.
NAMED_ID = re.compile(r"^(?P<name>.*?)\s*\((?P<id>[a-z0-9][a-z0-9-]{0,99})\)$")
ADDRESS = re.compile(r"^(?:https?://[^/\s]+)?/(?:[\w-]+/)*(?P<id>[a-z0-9][a-z0-9-]{0,99})/?$")


def _normalise(text: str) -> str:
    return " ".join(text.split())


def resolve(text: str):
    """The published practice that `text` names, or None."""
    text = _normalise(text)
    if not text:
        return None
    published = published_practices().specific()
    for pattern in (NAMED_ID, ADDRESS):
        match = pattern.match(text)
        if match:
            page = published.filter(slug=match.group("id")).first()
            if page is not None:
                return page
    by_name = list(published.filter(Q(title__iexact=text) | Q(name_fi__iexact=text)).order_by("path")[:2])
    if len(by_name) == 1:
        return by_name[0]
    if not by_name and re.fullmatch(r"[a-z0-9][a-z0-9-]{0,99}", text):
        return published.filter(slug=text).first()
    return None


def is_ambiguous(text: str) -> bool:
    text = _normalise(text)
    return published_practices().filter(Q(title__iexact=text) | Q(name_fi__iexact=text)).count() > 1


def suggestions(text: str, limit: int = 3) -> list[str]:
    """Names of published practices that contain `text`: "did you mean" for a name not found."""
    words = _normalise(text).split()[:5]
    if not words:
        return []
    query = published_practices()
    for word in words:
        query = query.filter(title__icontains=word[:50])
    return [option_label(page, duplicate=False) for page in query.order_by("title")[:limit]]


def option_label(page, duplicate: bool) -> str:
    return f"{page.title} ({page.slug})" if duplicate else page.title


def datalist_options() -> list[str]:
    """Every published practice's name for the form's datalist, or none past DATALIST_LIMIT."""
    limit = getattr(settings, "PROPOSAL_DATALIST_LIMIT", DATALIST_LIMIT)
    rows = list(published_practices().order_by("title", "slug").values_list("title", "slug")[: limit + 1])
    if len(rows) > limit:
        return []
    counts = {}
    for title, _slug in rows:
        counts[title.casefold()] = counts.get(title.casefold(), 0) + 1
    return [f"{title} ({slug})" if counts[title.casefold()] > 1 else title for title, slug in rows]
