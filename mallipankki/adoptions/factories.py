"""Test factories for adoption reports (factory_boy).

A report as the public form stores it is `services.create_pending` (see
adoptions/tests/helpers.py: report); this factory stores one directly, e.g.
already decided.
"""

import factory
from django.utils import timezone

from mallipankki.vocabularies.factories import country, region

from .models import PendingAdoption


class PendingAdoptionFactory(factory.django.DjangoModelFactory):
    """A report from Lappi about `practice` (pass `practice`), pending unless `status` is given."""

    organisation = "Rovaniemen kaupunki"
    region = factory.LazyFunction(lambda: region("FI-10"))
    country = factory.LazyFunction(lambda: country("FI"))
    year = 2024
    contact_name = "Liisa Lappalainen"
    contact_email = "liisa@rovaniemi.example"
    consent_at = factory.LazyFunction(timezone.now)
    ip_hash = "0" * 64

    class Meta:
        model = PendingAdoption
