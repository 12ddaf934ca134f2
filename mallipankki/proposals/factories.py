"""Test factories for stored proposals (factory_boy).

A proposal made through the public form is the usual way in tests (see
proposals/tests/helpers.py: proposal_data); this factory stores one
directly, e.g. with a status and decision date the form cannot give.
"""

import factory
from django.utils import timezone

from .models import Proposal


class ProposalFactory(factory.django.DjangoModelFactory):
    data = factory.LazyFunction(lambda: {"name": "Malli"})
    submitter_name = "Maija"
    submitter_email = factory.LazyAttribute(lambda proposal: f"{proposal.submitter_name.lower()}@example.org")
    consent_at = factory.LazyFunction(timezone.now)
    ip_hash = "0" * 64

    class Meta:
        model = Proposal
