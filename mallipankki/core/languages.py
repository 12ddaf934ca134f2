"""The site's three languages, and which version of a translated text a reader sees.

Translations sit beside the original as fields: pages keep the Finnish text in
`<field>` and the others in `<field>_sv` / `<field>_en`; practices keep all
three as `<field>_fi` / `_sv` / `_en`. `localized()` picks the version for the
reader and says when it had to fall back to another language, so a template
can mark that text with its own `lang` (WCAG 3.1.2) and a label such as
"(englanniksi)".
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
# Who reads a text we lack: Finnish first (the catalogue's own language),
# then Swedish (Finland's other national language), then English.
FALLBACK_ORDER = ("fi", "sv", "en")
# How a language is named in itself, for the language switch: never a flag.
NATIVE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}

# The label put after a text shown in another language than the page's, per
# page language. Written out rather than translated through the catalogues:
# each reader must see the label in the UI language even while the Swedish and
# English catalogues are incomplete.
FALLBACK_LABELS = {
    "fi": {"fi": "(suomeksi)", "sv": "(ruotsiksi)", "en": "(englanniksi)"},
    "sv": {"fi": "(på finska)", "sv": "(på svenska)", "en": "(på engelska)"},
    "en": {"fi": "(in Finnish)", "sv": "(in Swedish)", "en": "(in English)"},
}


def active_language() -> str:
    """The active UI language, one of LANGUAGES (Finnish when none is active)."""
    language = (translation.get_language() or DEFAULT_LANGUAGE)[:2]
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class LocalizedText:
    text: str
    language: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def label(self) -> str:
        """ "(englanniksi)" and the like, in the UI language; empty unless a fallback."""
        if not self.is_fallback:
            return ""
        return FALLBACK_LABELS[active_language()][self.language]


def _version(obj, field: str, language: str):
    if language == DEFAULT_LANGUAGE and not hasattr(obj, f"{field}_fi"):
        name = field
    else:
        name = f"{field}_{language}"
    # A missing attribute counts as empty: templates work on objects that
    # have no translations (yet).
    value = getattr(obj, name, "")
    return value if value else ""


def first_version(text_in: Callable[[str], str | None], language: str) -> tuple[str, str] | None:
    """(text, its language) of the first non-empty `text_in(code)` for a reader of `language`, or None.

    Order: that language, then FALLBACK_ORDER. The one fallback rule of the
    site: pages and templates (`localized`), the API (`api.languages.pick`)
    and the feeds all come here.
    """
    for candidate in (language, *FALLBACK_ORDER):
        value = text_in(candidate)
        if value:
            return value, candidate
    return None


def localized(obj, field: str, language: str | None = None) -> LocalizedText:
    """The version of `obj.<field>` for a reader of `language` (the active one by default).

    Order: that language, then Finnish, Swedish, English. `.language` is the
    language of the text returned; `.is_fallback` is true when it is not the
    reader's. With no text in any language: empty text in the reader's language.
    """
    language = language or active_language()
    found = first_version(lambda code: _version(obj, field, code), language)
    if found is None:
        return LocalizedText("", language, False)
    value, found_in = found
    return LocalizedText(value, found_in, found_in != language)


def language_from_header(header: str) -> str | None:
    """The first of our languages that an Accept-Language header asks for (``sv-FI`` is ``sv``).

    Only the API reads the header (the pages' language is their URL's); the
    page cache keys the API's answers by the same reading.
    """
    for code, _quality in parse_accept_lang_header(header or ""):
        primary = code.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return None


def language_prefix(language: str) -> str:
    """The path prefix of a language's public pages: "" for Finnish, "/sv" for Swedish."""
    return "" if language == DEFAULT_LANGUAGE else f"/{language}"


def split_language(path: str) -> tuple[str, str]:
    """("sv", "/mallit/x/") for "/sv/mallit/x/"; ("fi", path) for a path without a prefix."""
    for language in LANGUAGES:
        prefix = language_prefix(language)
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            return language, path[len(prefix) :] or "/"
    return DEFAULT_LANGUAGE, path


def path_in_language(path: str, language: str) -> str:
    """The same public page in another language: "/mallit/x/" → "/sv/mallit/x/"."""
    _current, unprefixed = split_language(path)
    return language_prefix(language) + unprefixed


def service_language_field() -> models.CharField:
    """The language a visitor used a public form in: the emails that answer them later are in it.

    Set from the active language when the form's record is stored; an admin's
    action (a decision, a status change) then emails the visitor in their
    language, not the admin user's.
    """
    return models.CharField(
        _("asiointikieli"),
        max_length=2,
        choices=[("fi", _("suomi")), ("sv", _("ruotsi")), ("en", _("englanti"))],
        default=DEFAULT_LANGUAGE,
        editable=False,
    )
