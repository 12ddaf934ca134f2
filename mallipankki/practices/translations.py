"""Which languages a practice is missing, for the admin's "Käännökset" column, filter and dashboard counts.

A practice has a language when both its name and its summary are written in
it: those two make its card and its page heading, the least a reader in that
language needs. The longer texts may follow later.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import LANGS

REQUIRED_FIELDS = ("name", "summary")
LANGUAGE_NAMES = {"fi": _("suomi"), "sv": _("ruotsi"), "en": _("englanti")}


def practice_has_language(practice, lang: str) -> bool:
    return all(getattr(practice, f"{name}_{lang}", "").strip() for name in REQUIRED_FIELDS)


def missing_languages(practice) -> list[str]:
    """The language codes, in fi, sv, en order, the practice has no name and summary in."""
    return [lang for lang in LANGS if not practice_has_language(practice, lang)]


def missing_language_q(lang: str) -> Q:
    """Practices without a name or a summary in `lang`, as a filter.

    Whitespace-only texts count as written here, unlike in
    practice_has_language: the admin forms strip them, so none are stored.
    """
    condition = Q()
    for name in REQUIRED_FIELDS:
        condition |= Q(**{f"{name}_{lang}": ""})
    return condition
