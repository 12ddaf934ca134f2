"""Sending the service's emails: a subject and body template pair, rendered and sent one way.

Every email of the service is plain text through Django's mail (the console
backend unless EMAIL_URL says otherwise), rendered from `<template>_subject.txt`
and `<template>.txt` with BASE_URL and SITE_URL (the public site in the email's
language, "https://…/sv" for Swedish) in the context. No user-typed text goes
into a subject line.

The language of an email is its reader's: staff (editors, evaluators,
regional workers) read Finnish, the admin's language, whatever the language
of the visitor whose form caused the email (`language=STAFF_LANGUAGE`); a
visitor reads the language they used the site in.

A failure to send is logged, not raised: what the email is about (a
proposal, a report, a request) is stored either way, and a mail outage must
not lose it. The caller hears whether the email went and decides whether to
try again later.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .languages import DEFAULT_LANGUAGE, LANGUAGES, active_language, language_prefix
from .permissions import MANAGE_PERMISSION, users_with_permission

logger = logging.getLogger(__name__)

# The language of every email to staff: the admin is Finnish-first.
STAFF_LANGUAGE = DEFAULT_LANGUAGE


def email_language(language: str | None) -> str:
    """`language` when it is one of ours; else the active language (the visitor's during a request)."""
    return language if language in LANGUAGES else active_language()


def render_message(template: str, context: dict, language: str | None = None) -> tuple[str, str]:
    """The subject (one line) and the body of `template`, in `language` (the active one by default)."""
    language = email_language(language)
    context = {
        "BASE_URL": settings.BASE_URL,
        "SITE_URL": settings.BASE_URL.rstrip("/") + language_prefix(language),
        **context,
    }
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        return subject, render_to_string(f"{template}.txt", context)


def send_templated(
    template: str, context: dict, recipients: Iterable[str], *, about: str = "", language: str | None = None
) -> bool:
    """Renders `template` in `language` and sends it as one email to `recipients` (empty addresses left out).

    `language` is STAFF_LANGUAGE for staff, the visitor's for a visitor; None
    means the active language. Returns whether it was sent. `about` names the
    email in the log when sending fails (never an address: the log holds no
    personal data).
    """
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        logger.warning("No recipients for the %s email", template)
        return False
    subject, body = render_message(template, context, language)
    try:
        send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=addresses)
    except OSError:  # smtplib's errors and refused connections are OSErrors
        logger.exception("Sending the %s email failed%s", template, f" ({about})" if about else "")
        return False
    return True


def admin_url(name: str, *args) -> str:
    """The absolute address of an admin view, for a link in an email."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def users_to_email(permission: str):
    """Active users with an email address who have `permission` (see `users_with_permission`), by id."""
    return users_with_permission(permission).exclude(email="").order_by("pk")


def editor_addresses() -> list[str]:
    """The editors' and admins' addresses: whoever handles every region hears of what has no handler."""
    return sorted({user.email for user in users_to_email(MANAGE_PERMISSION)})
