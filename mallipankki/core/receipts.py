"""What a visitor has just sent, for the thanks page after a public form: a signed cookie.

A public form's view stores the submission and redirects to its thanks
page, which shows the submission by its reference. The reference travels in
a signed, HttpOnly cookie (`remember` on the redirect, `recall` on the thanks
page), not in the session: saving a session is a database write after the
submission's own, and while the database is busy (an import holds SQLite's
write lock) it would fail after the submission had been stored, so the
visitor would see an error and send the form again.
"""

from django.conf import settings

MAX_AGE_SECONDS = 24 * 60 * 60


def _salt(name: str) -> str:
    return f"mallipankki.receipts.{name}"


def remember(response, name: str, value) -> None:
    """Has the browser keep `value` under `name` for the thanks page."""
    response.set_signed_cookie(
        name,
        str(value),
        salt=_salt(name),
        max_age=MAX_AGE_SECONDS,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def recall(request, name: str) -> str | None:
    """The value remembered under `name`, or None (none, tampered with or expired)."""
    return request.get_signed_cookie(name, default=None, salt=_salt(name), max_age=MAX_AGE_SECONDS)
