"""Emails about adoption reports: to whoever confirms them, and to the reporter.

Sent through mallipankki.core.mail: no user-typed text goes into a subject
line; bodies are plain text.
"""

from django.conf import settings

from mallipankki.core.mail import STAFF_LANGUAGE, admin_url, editor_addresses, send_templated

from .access import deciders_of


def _send(template: str, context: dict, recipients: list[str], language: str | None = None) -> bool:
    return send_templated(f"adoptions/emails/{template}", context, recipients, language=language)


def handler_addresses(pending) -> list[str]:
    """The region's regional workers; the editors when the region has none (or there is no region)."""
    workers = sorted({user.email for user in deciders_of(pending)})
    return workers or editor_addresses()


def notify_handlers(pending) -> None:
    url = admin_url("adoptions_admin:detail", pending.pk)
    _send("new_report", {"pending": pending, "url": url}, handler_addresses(pending), STAFF_LANGUAGE)


def send_receipt(pending) -> bool:
    """The reporter's receipt: the reference and what happens next."""
    context = {"pending": pending, "to_workers": bool(deciders_of(pending))}
    return _send("received", context, [pending.contact_email], pending.language)


def send_decision(pending) -> None:
    page = pending.practice
    context = {
        "pending": pending,
        "page_url": settings.BASE_URL + page.url if page and page.live and page.url else "",
    }
    template = "confirmed" if pending.status == pending.Status.CONFIRMED else "rejected"
    _send(template, context, [pending.contact_email], pending.language)
