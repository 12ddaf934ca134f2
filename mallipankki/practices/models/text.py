"""The multilingual texts of the catalogue: languages, the reader's version of
a text, and the one-per-line lists (keywords, evidence sources)."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from mallipankki.core.languages import localized as core_localized

LANGS = ("fi", "sv", "en")


def localized(obj, field: str) -> str:
    """The value of `field_<lang>` in the active language, else Finnish, Swedish, English
    (core.languages.localized, which also says which language it found)."""
    return core_localized(obj, field).text


def validate_http_urls(value: str):
    """One http(s) URL per line, as evidence sources are edited in the admin."""
    validator = URLValidator(schemes=["http", "https"])
    for number, line in enumerate(value.splitlines(), start=1):
        if line.strip():
            try:
                validator(line.strip())
            except ValidationError:
                raise ValidationError(
                    _("Rivi %(line)s ei ole http- tai https-osoite."), params={"line": number}
                ) from None


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]
