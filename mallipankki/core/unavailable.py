"""Answers for when the database cannot serve: 503 with a page that says why.

Three faults end here instead of in a bare 500 on every page:

- the SQLite file does not exist (connecting would create it empty, and every
  page would then fail on a missing table),
- the database exists but its migrations have not been applied,
- the database server cannot be reached or does not answer in time
  (`DATABASE_CONNECT_TIMEOUT`).

The page is rendered without the request context and without a query, like
500.html, so it renders while the database is down. The API answers the same
status in JSON.
"""

import logging
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, DatabaseError, OperationalError, ProgrammingError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
OPERATOR_HINT = "Run `make run`, or `python manage.py migrate` before starting the server."


def missing_database_file(connection=None) -> bool:
    """Whether the database is an SQLite file that does not exist."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return False
    name = str(connection.settings_dict["NAME"])
    return not name.startswith("file:") and not Path(name).exists()


def unapplied_migrations(connection=None) -> bool | None:
    """Whether migrations wait to be applied (so also: an empty database);
    None when the database cannot tell."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    try:
        executor = MigrationExecutor(connection)
        return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    except DatabaseError:
        return None


def unavailable_response(request: HttpRequest, *, not_migrated: bool) -> HttpResponse:
    """503 with Retry-After: JSON under /api/, otherwise the page 503.html."""
    if request.path_info.startswith("/api/"):
        detail = "The database has not been set up." if not_migrated else "Service temporarily unavailable."
        response = JsonResponse({"detail": detail}, status=503)
    else:
        html = loader.render_to_string("503.html", {"not_migrated": not_migrated})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def missing_database_response(request: HttpRequest) -> HttpResponse | None:
    """503 before anything connects when the SQLite file is missing."""
    if not missing_database_file():
        return None
    logger.error(
        "The database file %s does not exist. %s", connections[DEFAULT_DB_ALIAS].settings_dict["NAME"], OPERATOR_HINT
    )
    return unavailable_response(request, not_migrated=True)


def database_failure_response(request: HttpRequest, exc: BaseException | None) -> HttpResponse | None:
    """503 for an exception that means the database cannot serve; None for any other."""
    if not isinstance(exc, OperationalError | ProgrammingError):
        return None
    connection = connections[DEFAULT_DB_ALIAS]
    # Without an open connection the error was the connect itself: asking the
    # database about migrations would only wait out the timeout again.
    if connection.connection is not None and unapplied_migrations(connection):
        logger.error("The database has unapplied migrations (%s). %s", exc, OPERATOR_HINT)
        return unavailable_response(request, not_migrated=True)
    if isinstance(exc, OperationalError):
        logger.error("The database is unavailable: %s", exc, exc_info=exc)
        return unavailable_response(request, not_migrated=False)
    return None
