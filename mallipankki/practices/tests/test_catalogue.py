"""The catalogue's results come from the provider a higher app registers."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from mallipankki.practices.catalogue import catalogue_context, register_results_provider


@pytest.fixture
def provider():
    """Registers the provider a test gives and puts the app's own back afterwards."""
    replaced = []

    def register(new):
        replaced.append(register_results_provider(new))

    yield register
    register_results_provider(replaced[0])


def test_the_catalogue_context_is_what_the_registered_provider_returns(provider):
    calls = []

    def fake(request, index_page):
        calls.append((request, index_page))
        return {"result": "tulokset"}

    provider(fake)
    request, index_page = RequestFactory().get("/mallit/"), object()

    assert catalogue_context(request, index_page) == {"result": "tulokset"}
    assert calls == [(request, index_page)]


def test_without_a_provider_the_catalogue_says_what_is_missing(provider):
    provider(None)
    with pytest.raises(ImproperlyConfigured, match="register_results_provider"):
        catalogue_context(RequestFactory().get("/mallit/"), object())


def test_an_installed_app_provides_the_catalogue_listing():
    replaced = register_results_provider(None)
    register_results_provider(replaced)
    assert replaced is not None
