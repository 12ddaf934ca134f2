"""Test factories for regional workers and support requests (factory_boy)."""

import factory
from django.utils import timezone

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.vocabularies.factories import region

from .models import RegionalWorker, SupportRequest, SupportRequestNote


class RegionalWorkerFactory(factory.django.DjangoModelFactory):
    """A regional worker: a user in the Aluetyöntekijät group, by default "<Username> Työntekijä".

    `regions` takes regions, or their codes or slugs:
    `RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"])`.
    """

    user = factory.SubFactory(UserFactory, role=permissions.REGIONAL_WORKERS, last_name="Työntekijä")

    class Meta:
        model = RegionalWorker
        skip_postgeneration_save = True

    @factory.post_generation
    def regions(worker, create, extracted, **kwargs):
        if create and extracted:
            worker.regions.set([region(key) if isinstance(key, str) else key for key in extracted])


class SupportRequestFactory(factory.django.DjangoModelFactory):
    """A support request to Lappi, as the public form stores it."""

    region = factory.LazyFunction(lambda: region("lappi"))
    message = "Haluamme ottaa työhönvalmennuksen käyttöön kunnassamme."
    name = "Pyytäjä Esimerkki"
    organisation = "Esimerkkikunta"
    email = "pyytaja@example.org"
    phone = "040 123 4567"
    consent_at = factory.LazyFunction(timezone.now)
    ip_hash = "0" * 64

    class Meta:
        model = SupportRequest


class SupportRequestNoteFactory(factory.django.DjangoModelFactory):
    """An internal note on a support request, by nobody unless `author` is given."""

    request = factory.SubFactory(SupportRequestFactory)
    text = "Soitettu pyytäjälle."

    class Meta:
        model = SupportRequestNote
