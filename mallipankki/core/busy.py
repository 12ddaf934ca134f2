"""A public form whose write finds the database busy: 503, and the form again as it was sent.

SQLite has one writer at a time; a long write (an import holds the write lock
for its whole run) makes the others wait DATABASE_LOCK_TIMEOUT seconds and
then fail with "database is locked". On PostgreSQL the same happens to a
write that waits for a row another transaction holds (lock_timeout), and a
deadlock or serialisation failure rolls a transaction back. Every one of them
means that the visitor's transaction wrote nothing.

A view decorated with `keep_form_when_busy(render_busy)` then answers with
`render_busy(request, *args, **kwargs)`: the view's own form bound to what was
posted, with `database_busy` in its context (includes/error_summary.html says
in Finnish that nothing was saved, that the form holds what they typed, and,
when files were sent, that they must be chosen again), as 503 with Retry-After.
Errors of any other kind go on to core/unavailable.py (503 page) or the 500 page.
"""

import logging
from functools import wraps

from django.db import OperationalError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# SQLite's busy errors: another connection holds the lock it needs.
SQLITE_BUSY = ("database is locked", "database table is locked", "database schema is locked")
# PostgreSQL: lock_not_available (lock_timeout, NOWAIT), deadlock_detected, serialization_failure.
POSTGRESQL_BUSY = {"55P03", "40P01", "40001"}


def database_busy(error: BaseException) -> bool:
    """Whether `error` means another transaction held what this one needed, so it wrote nothing."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) in POSTGRESQL_BUSY:
        return True
    message = str(error).lower()
    return any(text in message for text in SQLITE_BUSY)


def busy_response(response):
    """`response` as the answer to a write that found the database busy."""
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def keep_form_when_busy(render_busy):
    """Decorates a form view: a POST that finds the database busy is answered with
    `render_busy(request, *args, **kwargs)` (the form bound to the posted data,
    `database_busy` in the context) as 503 with Retry-After."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            try:
                return view(request, *args, **kwargs)
            except OperationalError as error:
                if not database_busy(error):
                    raise
                logger.warning("Database busy, %s answered 503 with the form kept: %s", request.path, error)
            return busy_response(render_busy(request, *args, **kwargs))

        return wrapped

    return decorator
