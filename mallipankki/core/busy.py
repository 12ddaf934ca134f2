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

The view stores the submission inside `with storing(request):`. Once a write
made there has been committed, the form is never shown again as unsaved: a
busy error after that point (in an on_commit hook, a follow-up email's
record) is raised on, to the 503 page, rather than telling the visitor that
nothing was saved and having them send it twice.
"""

import logging
from contextlib import contextmanager
from functools import wraps

from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# SQLite's busy errors: another connection holds the lock it needs.
SQLITE_BUSY = ("database is locked", "database table is locked", "database schema is locked")
# PostgreSQL: lock_not_available (lock_timeout, NOWAIT), deadlock_detected, serialization_failure.
POSTGRESQL_BUSY = {"55P03", "40P01", "40001"}
WRITES = ("insert", "update", "delete", "replace")
STORED = "submission_stored"


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


@contextmanager
def storing(request, using: str = DEFAULT_DB_ALIAS):
    """The block that stores `request`'s submission: marks the request as stored once
    a write made in it has been committed (or the block has ended without an error)."""

    def mark():
        setattr(request, STORED, True)

    def watch(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if isinstance(sql, str) and sql.lstrip()[:7].lower().startswith(WRITES):
            # At once outside a transaction; inside one, when it commits
            # (before on_commit hooks registered after this write).
            transaction.on_commit(mark, using=using)
        return result

    with connections[using].execute_wrapper(watch):
        yield
    mark()


def keep_form_when_busy(render_busy):
    """Decorates a form view: a POST that finds the database busy before its submission
    is stored (see `storing`) is answered with `render_busy(request, *args, **kwargs)`
    (the form bound to the posted data, `database_busy` in the context) as 503 with
    Retry-After."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            try:
                return view(request, *args, **kwargs)
            except OperationalError as error:
                if not database_busy(error) or getattr(request, STORED, False):
                    raise
                logger.warning("Database busy, %s answered 503 with the form kept: %s", request.path, error)
            return busy_response(render_busy(request, *args, **kwargs))

        return wrapped

    return decorator
