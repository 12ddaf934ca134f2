"""Emailing practice contacts a link to confirm their practice's status.

Run daily by `manage.py send_continuity_reminders`. A practice gets a
reminder when `rules.not_confirmed` flags it (live, not ended, status
confirmed twelve months ago or never), it has a contact email, and it was
not reminded within `conf.reminder_interval()` (30 days by default). An
answer sets the confirmation date to today, which takes the practice off
the list for a year; an answer "ended" takes it off for good.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from mallipankki.core.mail import send_templated
from mallipankki.links.report import broken_materials
from mallipankki.practices.models import PracticePage

from . import conf
from .models import ContinuityReminder
from .rules import not_confirmed
from .tokens import make_token

SENT = "sent"
WOULD_SEND = "would_send"
RECENTLY_REMINDED = "recently_reminded"
NO_EMAIL = "no_email"
FAILED = "failed"


@dataclass
class ReminderRun:
    """What one run did, practice by practice, in each outcome."""

    due: int = 0
    outcomes: dict[str, list[PracticePage]] = field(
        default_factory=lambda: {SENT: [], WOULD_SEND: [], RECENTLY_REMINDED: [], NO_EMAIL: [], FAILED: []}
    )

    def count(self, outcome: str) -> int:
        return len(self.outcomes[outcome])


def practices_due(today, now):
    """Live practices needing confirmation, each marked whether it was reminded lately."""
    recent = ContinuityReminder.objects.filter(practice=OuterRef("pk"), sent_at__gt=now - conf.reminder_interval())
    return (
        not_confirmed(today, PracticePage.objects.live())
        .annotate(recently_reminded=Exists(recent))
        .prefetch_related("funding")
        .order_by("pk")
    )


def confirmation_url(reminder: ContinuityReminder) -> str:
    return settings.BASE_URL + reverse("continuity:confirm", args=[make_token(reminder)])


def send_reminder(page: PracticePage, now) -> ContinuityReminder | None:
    """Emails one reminder; returns it, or None when sending failed (nothing is kept then)."""
    reminder = ContinuityReminder.objects.create(practice=page, recipient=page.contact_email, sent_at=now)
    context = {
        "page": page,
        "page_url": settings.BASE_URL + page.url if page.url else "",
        "url": confirmation_url(reminder),
        "expires_on": timezone.localdate(now + conf.link_max_age()),
        "contact_email": conf.contact_email(),
        "broken_materials": broken_materials(page),
    }
    if not send_templated("continuity/emails/reminder", context, [page.contact_email], about=f"practice {page.pk}"):
        # Without the email the reminder never happened: tomorrow's run tries again.
        reminder.delete()
        return None
    return reminder


def send_reminders(*, today=None, now=None, dry_run: bool = False, progress=None) -> ReminderRun:
    """Sends every reminder that is due; `progress(outcome, page)` hears of each practice."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    run = ReminderRun()
    for page in practices_due(today, now):
        run.due += 1
        if not page.contact_email:
            outcome = NO_EMAIL
        elif page.recently_reminded:
            outcome = RECENTLY_REMINDED
        elif dry_run:
            outcome = WOULD_SEND
        else:
            outcome = SENT if send_reminder(page, now) else FAILED
        run.outcomes[outcome].append(page)
        if progress:
            progress(outcome, page)
    return run
