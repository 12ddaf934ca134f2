"""Dropping a scratch PostgreSQL database that tests and benchmarks made for themselves."""

import time

OBJECT_IN_USE = "55006"


def drop_database(cursor, name: str, attempts: int = 50) -> None:
    """Drop database `name` once this role's sessions in it are gone.

    Not `WITH (FORCE)`: before PostgreSQL 17 that refuses, for a role that is
    not a superuser, when an autovacuum worker is in the database ("must be a
    member of the role whose process is being terminated"), and a database
    that a test has just written to often has one. A plain DROP stops
    autovacuum itself; our own leftover sessions are ended here first.
    `cursor` is a Django or psycopg cursor outside any transaction.
    """
    for attempt in range(attempts):
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND usename = current_user AND pid <> pg_backend_pid()",
            [name],
        )
        try:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except Exception as error:
            cause = error.__cause__ or error
            if getattr(cause, "sqlstate", None) != OBJECT_IN_USE or attempt == attempts - 1:
                raise
            time.sleep(0.1)
