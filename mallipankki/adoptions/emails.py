"""Emails about adoption reports: to whoever confirms them, and to the reporter.

As with proposals, no user-typed text goes into a subject line; bodies are
plain text.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from mallipankki.proposals.emails import editor_addresses

from .services import deciders_of

logger = logging.getLogger(__name__)


def _send(template: str, context: dict, recipients: list[str]) -> bool:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return False
    context = {"BASE_URL": settings.BASE_URL, **context}
    try:
        send_mail(
            subject=render_to_string(f"adoptions/emails/{template}_subject.txt", context).strip(),
            message=render_to_string(f"adoptions/emails/{template}.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
    except (OSError, ConnectionError):
        # The report is stored either way; a mail outage must not lose it.
        logger.exception("Sending %s email failed", template)
        return False
    return True


def handler_addresses(pending) -> list[str]:
    """The region's regional workers; the editors when the region has none (or there is no region)."""
    workers = sorted({user.email for user in deciders_of(pending)})
    return workers or editor_addresses()


def notify_handlers(pending) -> None:
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("adoptions_admin:detail", args=[pending.pk])
    _send("new_report", {"pending": pending, "url": url}, handler_addresses(pending))


def send_decision(pending) -> None:
    page = pending.practice
    context = {
        "pending": pending,
        "page_url": settings.BASE_URL + page.url if page and page.live and page.url else "",
    }
    template = "confirmed" if pending.status == pending.Status.CONFIRMED else "rejected"
    _send(template, context, [pending.contact_email])
