"""Shared test data: users in roles, regional workers, reports."""

from mallipankki.core import permissions
from mallipankki.proposals.tests.helpers import make_user
from mallipankki.regions.models import RegionalWorker
from mallipankki.vocabularies.models import Country, Region

from ..services import create_pending

LAPPI = "FI-10"
UUSIMAA = "FI-18"


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def regional_worker(username: str, *codes: str):
    user = make_user(username, permissions.REGIONAL_WORKERS)
    worker = RegionalWorker.objects.create(user=user)
    worker.regions.set(Region.objects.filter(code__in=codes))
    return user


def editor(username: str = "toimittaja"):
    return make_user(username, permissions.EDITORS)


def report_data(**overrides) -> dict:
    """A report as the form's cleaned data."""
    data = {
        "organisation": "Rovaniemen kaupunki",
        "region": region(LAPPI),
        "country": Country.objects.get(code="FI"),
        "year": 2024,
        "note": "Valmennusjaksot lyhennettiin kuuteen viikkoon.",
        "contact_name": "Liisa Lappalainen",
        "contact_email": "liisa@rovaniemi.example",
        "contact_phone": "040 123 4567",
        "contact_public": False,
    }
    data.update(overrides)
    return data


def report(practice, **overrides):
    return create_pending(practice, report_data(**overrides), address_hash="testi")


def form_data(**overrides) -> dict:
    """A valid POST of the public form."""
    data = {
        "organisation": "Rovaniemen kaupunki",
        "region": LAPPI,
        "country": "FI",
        "year": "2024",
        "note": "Valmennusjaksot lyhennettiin kuuteen viikkoon.",
        "contact_name": "Liisa Lappalainen",
        "contact_email": "liisa@rovaniemi.example",
        "contact_phone": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
