"""Entries of Wagtail's admin search index for new pages, written in bulk.

The admin's page search reads modelsearch's IndexEntry table. Its add_bulk
costs an import more than writing the pages themselves:

- each page's search fields are read three times, once each for the
  entry's title, body and autocomplete text (and twice more on PostgreSQL
  for the plain texts);
- the entries are inserted with a title norm of 1.0 and then set by an
  UPDATE of every entry still at 1.0, after the average title length over
  all entries. On SQLite an update trigger writes each updated entry's
  full-text row again; on PostgreSQL the new row versions write the GIN
  entries of the three vectors again.

`add_new_entries` takes each page's texts (batch_rows reads them from the
values the page is built from) and inserts each entry with the title norm
that UPDATE would give it (the average title length over the entries there
are, these included, over the entry's own). The texts and vectors are the
ones add_bulk writes: the batched-import parity test compares them with the
per-page path, which uses add_bulk.

The average comes from a running count and sum of the title lengths
(`TitleLengths`), measured once per import: averaging over the table for
each batch read the whole table every time, which grew with the square of
the import's size (a fifth of a 10,000-practice import on PostgreSQL).

Only for pages that have no entry yet (their ids are new), and only for
modelsearch's SQLite and PostgreSQL backends; with any other it hands the
pages to add_bulk.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from wagtail.search.backends import get_search_backend

from mallipankki.core.bulk_sql import bound_execute, insert_rows


def add_new_entries(model, entries: list[tuple[str, list[str]]], titles: TitleLengths | None = None) -> None:
    """Admin search index entries of `model` objects, none of which has one yet.

    Each entry is (object id, the prepared text of each of `entry_text_fields`,
    which must be plain search fields, in their order). `titles`: the
    lengths of the titles in the index as an earlier call left them, when
    nothing else has written entries since; measured when not known.
    """
    fields = model.get_search_fields()
    if not entries or not fields:  # as add_bulk: a model without search fields has no entries
        return
    backend = get_search_backend()
    # modelsearch's backend modules can only be imported on their own database.
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return _sqlite_entries(model, entries, fields, titles or TitleLengths())
    elif connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        if isinstance(backend, PostgresSearchBackend):
            return _postgres_entries(model, entries, fields, backend, titles or TitleLengths())
    # Any other backend indexes the objects themselves.
    backend.add_bulk(model, list(model.objects.filter(pk__in=[object_id for object_id, _texts in entries])))


def entry_text_fields(fields) -> list:
    """The fields that give the entry text, in the order add_bulk reads them."""
    return [field for field in fields if isinstance(field, SearchField | AutocompleteField | RelatedFields)]


def _index_entry_model():
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry")


def _is_title(field) -> bool:
    return isinstance(field, SearchField) and field.field_name == "title"


def _is_autocomplete(field) -> bool:
    return isinstance(field, AutocompleteField)


def _is_body(field) -> bool:
    return isinstance(field, SearchField) and field.field_name != "title"


@dataclass
class TitleLengths:
    """The entries with a title, and the sum of their titles' lengths
    (None: not measured yet).

    Lengths as modelsearch's _refresh_title_norms measures them: on SQLite
    characters, on PostgreSQL the lexemes of the title vector (length of a
    tsvector); over the entries whose title is not empty.
    """

    count: int | None = None
    total: int = 0

    def measure(self, entry_model) -> None:
        """Reads them from the table, when not known yet (once per import, not
        once a batch: it reads every entry)."""
        if self.count is not None:
            return
        table = connection.ops.quote_name(entry_model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*), coalesce(sum(length(title)), 0) FROM {table} WHERE length(title) > 0")  # noqa: S608
            self.count, self.total = cursor.fetchone()


def _sqlite_entries(model, entries, fields, titles: TitleLengths) -> None:
    entry_model = _index_entry_model()
    text_fields = entry_text_fields(fields)
    content_type = ContentType.objects.get_for_model(model).pk
    rows = []
    for object_id, page_texts in entries:
        texts = list(zip(text_fields, page_texts, strict=True))
        rows.append(
            [
                content_type,
                object_id,
                " ".join(text for field, text in texts if _is_title(field)),
                " ".join(text for field, text in texts if _is_autocomplete(field)),
                " ".join(text for field, text in texts if _is_body(field)),
            ]
        )
    titles.measure(entry_model)
    lengths = [len(row[2]) for row in rows]
    titles.count += sum(1 for length in lengths if length)
    titles.total += sum(lengths)
    for row, length in zip(rows, lengths, strict=True):
        row.append(titles.total / titles.count / length if length else 1.0)
    insert_rows(entry_model, ["content_type", "object_id", "title", "autocomplete", "body", "title_norm"], rows)


def _postgres_entries(model, entries, fields, backend, titles: TitleLengths) -> None:
    from modelsearch.backends.database.postgres.weights import get_weight

    entry_model = _index_entry_model()
    text_fields = entry_text_fields(fields)
    texts = [page_texts for _object_id, page_texts in entries]
    columns = [[object_id for object_id, _texts in entries], *[list(column) for column in zip(*texts, strict=True)]]
    # title_text and body_text, the plain texts of trigram search: the
    # stripped texts that are not blank, joined by spaces.
    for kept in (_is_title, _is_body):
        columns.append(
            [
                " ".join(
                    text.strip()
                    for field, text in zip(text_fields, page_texts, strict=True)
                    if kept(field) and text.strip()
                )
                for page_texts in texts
            ]
        )

    # A vector as modelsearch's ObjectIndexer.as_vector builds it: the
    # field's text (SearchVector: to_tsvector of it, with the backend's
    # configuration or the server's default) weighted by its boost, joined
    # with ||. as_vector leaves blank texts out; to_tsvector makes them an
    # empty vector, which || leaves out too, so the result is the same.
    def vector(kept, config: str | None):
        parts = []
        for position, field in enumerate(text_fields):
            if kept(field):
                weight = "D" if _is_autocomplete(field) else get_weight(field.boost)
                text = f"coalesce(u.t{position}, '')"
                tsvector = f"to_tsvector('{config}'::regconfig, {text})" if config else f"to_tsvector({text})"
                parts.append(f"setweight({tsvector}, '{weight}')")
        return " || ".join(parts) or "to_tsvector('')"

    # The configuration names go into the statement: they come from settings
    # and from modelsearch, and a parameter cannot be cast to regconfig in
    # every position that takes one.
    for config in (backend.config, backend.autocomplete_config):
        if config is not None and not str(config).replace("_", "").replace(".", "").isalnum():
            raise ValueError(f"unexpected text search configuration {config!r}")

    names = ", ".join([f"t{position}" for position in range(len(text_fields))] + ["title_text", "body_text"])
    arrays = ", ".join(["(%b)::text[]"] * len(columns))
    table = connection.ops.quote_name(entry_model._meta.db_table)
    statement = f"""
        WITH new AS (
            SELECT u.object_id,
                   {vector(_is_title, backend.config)} AS title,
                   {vector(_is_autocomplete, backend.autocomplete_config)} AS autocomplete,
                   {vector(_is_body, backend.config)} AS body,
                   u.title_text, u.body_text
            FROM UNNEST({arrays}) AS u(object_id, {names})
        ),
        added AS (
            SELECT count(*) FILTER (WHERE length(title) > 0) AS count,
                   coalesce(sum(length(title)), 0) AS total
            FROM new
        ),
        -- avg() of the lengths, as _refresh_title_norms takes it, is this
        -- numeric division of their sum by their count: the same value.
        average AS (
            SELECT ((%b)::bigint + added.total)::numeric / nullif((%b)::bigint + added.count, 0)::numeric AS terms
            FROM added
        ),
        inserted AS (
            INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm,
                                 title_text, body_text)
            SELECT %b, new.object_id, new.title, new.autocomplete, new.body,
                   CASE WHEN length(new.title) > 0 THEN average.terms / length(new.title) ELSE 1.0 END,
                   new.title_text, new.body_text
            FROM new, average
        )
        SELECT count, total FROM added
    """  # noqa: S608
    titles.measure(entry_model)
    ((count, total),) = bound_execute(
        statement, [*columns, titles.total, titles.count, ContentType.objects.get_for_model(model).pk]
    )
    titles.count += count
    titles.total += total
