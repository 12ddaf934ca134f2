"""The catalogue /mallit/ shows the search engine's results panel, which lives
in the search app, a layer above this one.

The search app hands its panel over in its AppConfig.ready() with
`register_results_provider`; PracticeIndexPage asks for it through
`catalogue_context`. So practices names no search module, and this module
imports nothing from the models, which is why the page model can import it.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

# Called as provider(request, index_page); returns the listing's context.
ResultsProvider = Callable[[HttpRequest, Any], dict]

_provider: ResultsProvider | None = None


def register_results_provider(provider: ResultsProvider | None) -> ResultsProvider | None:
    """Make `provider(request, index_page) -> dict` the catalogue's listing.

    The last registration wins, so that a repeated ready() does no harm.
    Returns the provider it replaces, so that a test can put that back.
    """
    global _provider
    replaced, _provider = _provider, provider
    return replaced


def catalogue_context(request, index_page) -> dict:
    """The listing's template context for `index_page` (a PracticeIndexPage):
    the results panel with the catalogue's link filters, so that its addresses
    (?teema=…&kohderyhma=…&sivu=…) keep working and gain q."""
    if _provider is None:
        raise ImproperlyConfigured(
            "The practice catalogue has no results provider: the app that lists practices "
            "(mallipankki.search) must be in INSTALLED_APPS and call "
            "mallipankki.practices.catalogue.register_results_provider() in its AppConfig.ready()."
        )
    return _provider(request, index_page)
