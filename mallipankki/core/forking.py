"""What a forked worker process does first (search.entry_pool, imports.background_check)."""

from django.db import connections


def forget_parent_connections() -> None:
    """Drops the database connections inherited from the parent, without closing them.

    They are the parent's: closing a PostgreSQL socket here would end the
    parent's session, and a worker that needs the database opens its own.
    """
    for connection in connections.all(initialized_only=True):
        connection.connection = None
