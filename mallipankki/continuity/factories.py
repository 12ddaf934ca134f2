"""Test factories for continuity reminders (factory_boy)."""

import factory
from django.utils import timezone

from .models import ContinuityReminder


class ContinuityReminderFactory(factory.django.DjangoModelFactory):
    """A reminder sent now about `practice` to its contact (pass `practice`)."""

    recipient = factory.LazyAttribute(lambda reminder: reminder.practice.contact_email or "yhteys@example.org")
    sent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ContinuityReminder
