"""System checks of the search: registered by SearchConfig.ready."""

from django.core.checks import Warning, register

from .analysis import voikko_available


@register()
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
