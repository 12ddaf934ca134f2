"""The catalogue /mallit/ shows results that a higher app provides.

practices sits below search in the layers, so it cannot call the search
itself: the search app registers a results provider in its AppConfig.ready()
(`register_results_provider`), and `catalogue_context` calls it.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

# provider(request, index_page) -> template context of the results panel
results_provider: Callable[..., dict] | None = None


def register_results_provider(provider: Callable[..., dict]) -> None:
    global results_provider
    results_provider = provider


def catalogue_context(request, index_page) -> dict:
    """The /mallit/ listing: the registered provider's results panel."""
    if results_provider is None:
        raise ImproperlyConfigured("No catalogue results provider is registered (is mallipankki.search installed?)")
    return results_provider(request, index_page)
