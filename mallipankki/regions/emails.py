"""Emails about support requests: to the handlers on arrival and assignment, to the requester on each status change.

The handlers read Finnish; the requester reads the language of the form they sent.

Sent through mallipankki.core.mail: no user-typed text goes into a subject
line; bodies are plain text. Internal notes are never emailed to the
requester.
"""

from mallipankki.core.mail import STAFF_LANGUAGE, admin_url, send_templated


def _send(template: str, context: dict, recipients: list[str], language: str | None = None) -> None:
    # The request and its changes are stored either way; a mail outage must not lose them.
    send_templated(f"regions/emails/{template}", context, recipients, language=language)


def request_url(support_request) -> str:
    """The request's page in the admin queue."""
    return admin_url("regions_admin:detail", support_request.pk)


def notify_new_request(support_request, recipients: list[str]) -> None:
    context = {"support_request": support_request, "url": request_url(support_request)}
    _send("new_request", context, recipients, STAFF_LANGUAGE)


def send_receipt(support_request, to_workers: bool) -> None:
    """The requester's receipt: the reference, where the request went and what happens next."""
    context = {"support_request": support_request, "to_workers": to_workers}
    _send("received", context, [support_request.email], support_request.language)


def notify_assignee(support_request) -> None:
    user = support_request.assigned_to
    if user is not None and user.email:
        context = {"support_request": support_request, "url": request_url(support_request)}
        _send("assigned", context, [user.email], STAFF_LANGUAGE)


def notify_status_change(support_request) -> None:
    if not support_request.email:
        # The requester's details were erased on their request: nobody to tell.
        return
    _send("status_changed", {"support_request": support_request}, [support_request.email], support_request.language)
