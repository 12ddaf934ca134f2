"""Emails to staff about evaluations."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse


def admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def notify_assigned(page, user) -> None:
    if not user.email:
        return
    context = {"page": page, "user": user, "url": admin_url("evaluation_admin:evaluate", page.pk)}
    send_mail(
        subject=render_to_string("evaluation/emails/assigned_subject.txt", context).strip(),
        message=render_to_string("evaluation/emails/assigned.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
        fail_silently=True,
    )
