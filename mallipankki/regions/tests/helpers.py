"""Shared test data for the region pages and support requests: form posts and requests.

Regional workers and stored support requests come from
`mallipankki.regions.factories`; regions from `mallipankki.vocabularies.factories.region`.
"""

from django.test import RequestFactory


def support_post(**overrides) -> dict:
    """A valid POST of the support request form."""
    data = {
        "name": "Pyytäjä Esimerkki",
        "organisation": "Esimerkkikunta",
        "email": "pyytaja@example.org",
        "phone": "040 123 4567",
        "region": "FI-10",
        "message": "Haluamme ottaa työhönvalmennuksen käyttöön kunnassamme. Miten aloitamme?",
        "consent": "on",
        "practice": "",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def fake_request(address: str = "192.0.2.1"):
    return RequestFactory().post("/alueet/tukipyynto/", REMOTE_ADDR=address)
