"""System checks of the search: `manage.py check` says what it lacks."""

from django.core.checks import Warning

from .analysis import voikko_available


def voikko_check(app_configs, **kwargs):
    """Search quality depends on Voikko; say so plainly when it is missing."""
    if voikko_available():
        return []
    return [
        Warning(
            "Voikko (libvoikko1 + voikko-fi) is not installed: Finnish search falls back to "
            "the Snowball stemmer and misses inflected compounds.",
            hint="Install it: apt-get install libvoikko1 voikko-fi",
            id="mallipankki.W001",
        )
    ]
