"""One import at a time, and an import that web traffic cannot break.

`import_lock()` is held for a whole import (validation, writes, dry runs
too), by the command import_practices and the admin's "Tuo malleja" alike
(importer.import_file takes it). A second import is refused at once with
ImportRunning, whose message is Finnish. One lock per instance: on
PostgreSQL an advisory lock of the database (so also across hosts), on
SQLite a lock file next to the database file (DATA_DIR/import.lock for an
in-memory database), held with flock.

`import_transaction()` is the import's one transaction. It takes the write
lock at its start, before it has read anything: on SQLite BEGIN IMMEDIATE
(the settings' transaction_mode); on PostgreSQL the catalogue page's row,
which every new practice under it updates (and proposals take first, see
practices.interchange.lock_catalogue). It waits for the web's short
transactions up to IMPORT_LOCK_WAIT_SECONDS (SQLite's busy timeout,
PostgreSQL's lock_timeout) rather than failing after DATABASE_LOCK_TIMEOUT as
they do. Web writes then wait for the import or, after DATABASE_LOCK_TIMEOUT,
roll back and answer 503 with the visitor's form (core/busy.py); the import
does not fail because of them.
"""

import fcntl
import hashlib
import os
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

from mallipankki.practices.interchange import lock_catalogue

# How long an import waits for other transactions' locks (the web's are short).
IMPORT_LOCK_WAIT_SECONDS = 300
ADVISORY_KEY = int.from_bytes(hashlib.sha256(b"mallipankki.imports").digest()[:8], "big", signed=True)


class ImportRunning(Exception):
    """Another import is running on this instance."""

    def __init__(self):
        super().__init__(
            _("Toinen tuonti on jo käynnissä. Mitään ei tuotu. Odota, että se valmistuu, ja yritä sitten uudelleen.")
        )


def lock_file_path() -> Path:
    """The lock file of this instance's imports when the database is SQLite."""
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        return Path(f"{connection.settings_dict['NAME']}.import-lock")
    return Path(settings.DATA_DIR) / "import.lock"


@contextmanager
def import_lock():
    """Holds this instance's import lock; raises ImportRunning at once when another import holds it."""
    if connection.vendor == "postgresql":
        with _advisory_lock():
            yield
    else:
        with _file_lock(lock_file_path()):
            yield


@contextmanager
def _file_lock(path: Path):
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportRunning from None
        try:
            yield
        finally:
            # Explicitly: worker processes forked during the import share the
            # descriptor, and closing ours alone would not release the lock.
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _advisory_lock():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
        if not cursor.fetchone()[0]:
            raise ImportRunning
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])
        except DatabaseError:
            # The session is unusable (a broken connection, an aborted outer
            # transaction): ending it releases the lock.
            connection.close()


@contextmanager
def import_transaction(index):
    """transaction.atomic() for an import under the catalogue page `index`, holding the write lock from its start."""
    with _patient_sqlite(), transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = {IMPORT_LOCK_WAIT_SECONDS * 1000}")
                # The import's COMMIT (and the WAL flushes its many writes
                # force along the way) need not wait for the disk: the
                # transaction stays atomic, and a server crash just after it
                # could lose only the last moments of a committed import,
                # never leave half of one.
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        lock_catalogue(index)
        yield


@contextmanager
def _patient_sqlite():
    """On SQLite: the import's BEGIN IMMEDIATE waits up to IMPORT_LOCK_WAIT_SECONDS for the web's writes."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        usual = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA busy_timeout = {IMPORT_LOCK_WAIT_SECONDS * 1000}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(usual)}")
