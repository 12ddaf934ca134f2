"""Emails to the person who proposed a practice, and to the editors.

No user-typed text goes into a subject line; bodies are plain text.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)


def _send(template: str, context: dict, recipients: list[str]) -> None:
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    context = {"BASE_URL": settings.BASE_URL, **context}
    try:
        send_mail(
            subject=render_to_string(f"proposals/emails/{template}_subject.txt", context).strip(),
            message=render_to_string(f"proposals/emails/{template}.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
    except (OSError, ConnectionError):
        # The proposal is stored either way; a mail outage must not lose it.
        logger.exception("Sending %s email failed", template)


def send_confirmation(proposal) -> None:
    _send("confirmation", {"proposal": proposal}, [proposal.submitter_email])


def send_decision(proposal) -> None:
    template = "published" if proposal.status == proposal.Status.PUBLISHED else "rejected"
    page = proposal.practice
    context = {
        "proposal": proposal,
        "page_url": settings.BASE_URL + page.url if page and page.live and page.url else "",
    }
    _send(template, context, [proposal.submitter_email])


def editor_addresses() -> list[str]:
    permission = Permission.objects.filter(content_type__app_label="evaluation", codename="manage_evaluations").first()
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(groups__permissions=permission) | Q(user_permissions=permission) | Q(is_superuser=True))
    return sorted(set(users.values_list("email", flat=True)))


def notify_editors(proposal) -> None:
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("proposals_admin:detail", args=[proposal.pk])
    _send("new_proposal", {"proposal": proposal, "url": url}, editor_addresses())
