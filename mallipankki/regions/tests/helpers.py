"""Shared test data for the region pages and support requests."""

from django.test import RequestFactory
from django.utils import timezone

from mallipankki.core import permissions
from mallipankki.proposals.tests.helpers import make_user
from mallipankki.regions.models import RegionalWorker, SupportRequest
from mallipankki.vocabularies.models import Region


def region(slug: str) -> Region:
    return Region.objects.get(slug=slug)


def make_worker(username: str, *slugs: str, public: bool = False, **extra) -> RegionalWorker:
    user = make_user(username, permissions.REGIONAL_WORKERS, last_name=extra.pop("last_name", "Työntekijä"))
    worker = RegionalWorker.objects.create(user=user, public_contact=public, **extra)
    worker.regions.set([region(slug) for slug in slugs])
    return worker


def make_request(slug: str = "lappi", **overrides) -> SupportRequest:
    values = {
        "region": region(slug),
        "message": "Haluamme ottaa työhönvalmennuksen käyttöön kunnassamme.",
        "name": "Pyytäjä Esimerkki",
        "organisation": "Esimerkkikunta",
        "email": "pyytaja@example.org",
        "phone": "040 123 4567",
        "consent_at": timezone.now(),
        "ip_hash": "0" * 64,
    }
    values.update(overrides)
    return SupportRequest.objects.create(**values)


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
