"""Shared test data: adoption reports as the form sends and stores them.

Users, regional workers and regions come from the factories
(core, regions and vocabularies `factories.py`).
"""

from mallipankki.vocabularies.factories import country, region

from ..services import create_pending

LAPPI = "FI-10"
UUSIMAA = "FI-18"


def report_data(**overrides) -> dict:
    """A report as the form's cleaned data."""
    data = {
        "organisation": "Rovaniemen kaupunki",
        "region": region(LAPPI),
        "country": country("FI"),
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
