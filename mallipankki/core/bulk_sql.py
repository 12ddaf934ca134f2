"""Plain bulk writes for the bulk import and the search index rebuild:
multi-row INSERTs on SQLite, COPY on PostgreSQL.

Django's bulk_create spends more time preparing each value of each row
than the database spends storing them. These helpers take rows of Python
values in the order of a model's field names and send them with as little
work per value as the database driver allows.
"""

from __future__ import annotations

import json

from django.db import connection, models

# Fields whose values the database drivers take as they are; every other
# kind (dates, JSON, UUIDs, decimals) goes through get_db_prep_save.
_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def insert_rows(model, names: list[str], rows: list, *, prepared: bool = False) -> None:
    """A plain INSERT of `rows` (values in the order of the fields `names`);
    on PostgreSQL a COPY.

    No model instances and no query compiler: Django's bulk_create spends
    more time preparing each value of each row than the database spends
    storing them. Values are converted as Model.save() converts them
    (get_db_prep_save), except where the driver takes the Python value
    itself; `prepared` rows hold them converted already (db_values).
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    # Names from the model, values as parameters.
    insert = "INSERT INTO {} ({})".format(
        quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields)
    )
    params = rows if prepared else db_values(fields, rows)
    if connection.vendor == "postgresql":
        copy_rows(model._meta.db_table, [field.column for field in fields], params)
        return
    placeholders = "({})".format(", ".join(["%s"] * len(fields)))
    with connection.cursor() as cursor:
        cursor.executemany(f"{insert} VALUES {placeholders}", params)  # noqa: S608


def copy_rows(table: str, columns: list[str], rows: list) -> None:
    """The rows into `table` on PostgreSQL with COPY, in the transaction of
    Django's connection.

    COPY takes the rows as a stream: no statement to plan, and none of the
    arrays that an INSERT of all the rows in one statement has the server
    build and take apart again (an array a column, UNNEST), which cost the
    server more than storing the rows. Values are sent as text, each parsed
    by its column's type as an INSERT's would be.
    """
    import psycopg
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


def db_values(fields: list, rows: list) -> list[list]:
    """The rows with each value as the database takes it, as Model.save() converts it.

    JSON is written as text, as Django writes it on SQLite; on PostgreSQL
    the text is cast to jsonb (a Jsonb adapter would not survive being sent
    from a process that builds rows to the one that writes them).
    """
    converted = [
        (position, field)
        for position, field in enumerate(fields)
        if not isinstance(field, _PLAIN_FIELDS) or isinstance(field, models.JSONField)
    ]
    # Most converted values repeat (the import's timestamp, None), and a
    # datetime's conversion looks up time zones each time: each distinct
    # value of a column is converted once. Not JSON values: some are not
    # hashable, and True and 1 would be one key.
    memo = [None if isinstance(column, models.JSONField) else {} for _position, column in converted]
    params = []
    for row in rows:
        row = list(row)
        for (position, column), seen in zip(converted, memo, strict=True):
            value = row[position]
            if seen is None:
                row[position] = None if value is None else json.dumps(value, cls=column.encoder)
            elif value in seen:
                row[position] = seen[value]
            else:
                row[position] = seen[value] = column.get_db_prep_save(value, connection)
        params.append(row)
    return params


def bound_execute(statement: str, params: list) -> list[tuple]:
    """Runs `statement` on PostgreSQL with `params` bound by the server; returns its rows.

    The parameters (arrays, mostly: a column of values each) are sent in
    binary, on the same connection and transaction as Django's queries.
    Django's cursors bind on the client, which writes each array into the
    statement as text, escaping every element with a regular expression
    (a large part of the time spent writing revisions).
    """
    import psycopg

    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as bound:
        bound.execute(statement, params)
        return bound.fetchall() if bound.description else []
