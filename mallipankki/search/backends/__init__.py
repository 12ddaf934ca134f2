"""The search's database backends, picked by the connection's vendor.

base.py says what a backend provides; sqlite.py and postgresql.py hold the
SQL that differs between the two databases, the SQLite schema included.
"""

from __future__ import annotations

from django.db import connection

from .base import Backend
from .postgresql import PostgreSQLBackend
from .sqlite import SQLiteBackend

BACKENDS: dict[str, type[Backend]] = {"sqlite": SQLiteBackend, "postgresql": PostgreSQLBackend}


def backend() -> Backend:
    """The backend of the default database."""
    chosen = BACKENDS.get(connection.vendor)
    if chosen is None:
        raise NotImplementedError(f"search supports SQLite and PostgreSQL, not {connection.vendor}")
    return chosen()


def before_bulk_load() -> None:
    """Prepare the index tables for a rewrite of every row (a no-op on other databases)."""
    chosen = BACKENDS.get(connection.vendor)
    if chosen is not None:
        with connection.cursor() as cursor:
            chosen().before_bulk_load(cursor)


def after_bulk_load() -> None:
    """Bring the database's own index structures up to date after a bulk load."""
    chosen = BACKENDS.get(connection.vendor)
    if chosen is not None:
        with connection.cursor() as cursor:
            chosen().after_bulk_load(cursor)
