"""The continuity tracker's settings, each with a default.

Read through these functions (not at import) so tests can override them
with pytest-django's `settings` fixture.
"""

from datetime import timedelta

from django.conf import settings


def link_max_age() -> timedelta:
    """How long a confirmation link works after it was emailed."""
    return timedelta(days=getattr(settings, "CONTINUITY_LINK_MAX_AGE_DAYS", 30))


def reminder_interval() -> timedelta:
    """The least time between two reminders about one practice.

    Equal to the link's life by default, so that a contact who does not
    answer gets a new link when the previous one stops working, and never
    holds two working links at once.
    """
    return timedelta(days=getattr(settings, "CONTINUITY_REMINDER_INTERVAL_DAYS", 30))


def contact_email() -> str:
    """Where a contact with an expired or broken link can write."""
    return getattr(settings, "CONTINUITY_CONTACT_EMAIL", "") or settings.DEFAULT_FROM_EMAIL
