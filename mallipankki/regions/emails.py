"""Emails about support requests: to the handlers on arrival and assignment, to the requester on each status change.

No user-typed text goes into a subject line; bodies are plain text. Internal
notes are never emailed to the requester.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)


def _send(template: str, context: dict, recipients: list[str]) -> None:
    recipients = [address for address in recipients if address]
    if not recipients:
        logger.warning("No recipients for the %s email", template)
        return
    context = {"BASE_URL": settings.BASE_URL, **context}
    try:
        send_mail(
            subject=render_to_string(f"regions/emails/{template}_subject.txt", context).strip(),
            message=render_to_string(f"regions/emails/{template}.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
    except (OSError, ConnectionError):
        # The request and its changes are stored either way; a mail outage must not lose them.
        logger.exception("Sending %s email failed", template)


def admin_url(support_request) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("regions_admin:detail", args=[support_request.pk])


def notify_new_request(support_request, recipients: list[str]) -> None:
    _send("new_request", {"support_request": support_request, "url": admin_url(support_request)}, recipients)


def notify_assignee(support_request) -> None:
    user = support_request.assigned_to
    if user is not None and user.email:
        _send("assigned", {"support_request": support_request, "url": admin_url(support_request)}, [user.email])


def notify_status_change(support_request) -> None:
    if not support_request.email:
        # The requester's details were erased on their request: nobody to tell.
        return
    _send("status_changed", {"support_request": support_request}, [support_request.email])
