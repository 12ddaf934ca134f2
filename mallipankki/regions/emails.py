"""Emails about support requests: to the handlers on arrival and assignment, to the requester on each status change.

Sent through mallipankki.core.mail: no user-typed text goes into a subject
line; bodies are plain text. Internal notes are never emailed to the
requester.
"""

from mallipankki.core.mail import admin_url, send_templated


def _send(template: str, context: dict, recipients: list[str]) -> None:
    # The request and its changes are stored either way; a mail outage must not lose them.
    send_templated(f"regions/emails/{template}", context, recipients)


def request_url(support_request) -> str:
    """The request's page in the admin queue."""
    return admin_url("regions_admin:detail", support_request.pk)


def notify_new_request(support_request, recipients: list[str]) -> None:
    _send("new_request", {"support_request": support_request, "url": request_url(support_request)}, recipients)


def send_receipt(support_request, to_workers: bool) -> None:
    """The requester's receipt: the reference, where the request went and what happens next."""
    _send("received", {"support_request": support_request, "to_workers": to_workers}, [support_request.email])


def notify_assignee(support_request) -> None:
    user = support_request.assigned_to
    if user is not None and user.email:
        _send("assigned", {"support_request": support_request, "url": request_url(support_request)}, [user.email])


def notify_status_change(support_request) -> None:
    if not support_request.email:
        # The requester's details were erased on their request: nobody to tell.
        return
    _send("status_changed", {"support_request": support_request}, [support_request.email])
