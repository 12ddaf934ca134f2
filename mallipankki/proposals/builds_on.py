"""The proposal form's "builds on": published practices named by the visitor.

A visitor types a practice's name (the datalist and, with JavaScript, the
search-as-you-type suggestions offer the published names), or pastes its
address. Only published practices can be chosen: a draft's name must not be
confirmed to a stranger. Two practices may share a name; the suggestions then
read "Nimi (tunnus)", which picks one. The names offered are in the form's
language (a Swedish form offers Swedish names where they exist); a name in any
of the three languages is accepted.
"""

import re

from django.conf import settings
from django.db.models import Q

from mallipankki.core.languages import LANGUAGES, active_language, first_version
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


def _named(text: str) -> Q:
    """Practices whose admin title or name in any language is `text`."""
    query = Q(title__iexact=text)
    for language in LANGUAGES:
        query |= Q(**{f"name_{language}__iexact": text})
    return query


def _display_name(title: str, names: dict[str, str]) -> str:
    found = first_version(names.get, active_language())
    return found[0] if found else title


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
    by_name = list(published.filter(_named(text)).order_by("path")[:2])
    if len(by_name) == 1:
        return by_name[0]
    if not by_name and re.fullmatch(r"[a-z0-9][a-z0-9-]{0,99}", text):
        return published.filter(slug=text).first()
    return None


def is_ambiguous(text: str) -> bool:
    text = _normalise(text)
    return published_practices().filter(_named(text)).count() > 1


def suggestions(text: str, limit: int = 3) -> list[str]:
    """Names of published practices that contain `text`: "did you mean" for a name not found."""
    words = _normalise(text).split()[:5]
    if not words:
        return []
    query = published_practices()
    for word in words:
        word = word[:50]
        in_any_name = Q(title__icontains=word)
        for language in LANGUAGES:
            in_any_name |= Q(**{f"name_{language}__icontains": word})
        query = query.filter(in_any_name)
    rows = query.order_by("title").values_list("title", *NAME_FIELDS)[:limit]
    return [_display_name(title, dict(zip(LANGUAGES, names, strict=True))) for title, *names in rows]


NAME_FIELDS = tuple(f"name_{language}" for language in LANGUAGES)


def datalist_options() -> list[str]:
    """Every published practice's name in the active language for the form's datalist, or none past DATALIST_LIMIT."""
    limit = getattr(settings, "PROPOSAL_DATALIST_LIMIT", DATALIST_LIMIT)
    rows = list(published_practices().order_by("title", "slug").values_list("title", "slug", *NAME_FIELDS)[: limit + 1])
    if len(rows) > limit:
        return []
    named = [(_display_name(title, dict(zip(LANGUAGES, names, strict=True))), slug) for title, slug, *names in rows]
    counts = {}
    for name, _slug in named:
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    options = [f"{name} ({slug})" if counts[name.casefold()] > 1 else name for name, slug in named]
    return sorted(options, key=str.casefold)
