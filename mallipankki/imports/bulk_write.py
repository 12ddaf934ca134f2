"""Creating many new practices at once, with the end state of the per-page path.

`upsert_practice` creates a practice through Wagtail: add_child (a treebeard
path, the Page and PracticePage rows, orderables and M2M rows), a revision,
an edit log entry, a publish. That is some twenty statements per practice, a
few records a second. An import of thousands of new records goes through
`BatchWriter` instead, which writes the same rows for a whole batch in a few
statements per table:

1. `plan`: tree paths for the index page's new children, numbered as
   treebeard's add_child would number them, and ids for every row that
   another row refers to (IdReserver);
2. batch_rows.build_batch: the rows from the records, without model
   instances: Page and PracticePage rows, orderables and M2M through rows,
   one Revision per page holding `serializable_data()` of the page as it
   was when the per-page path saved its revision (so the admin history,
   compare and revert treat it like any other), the log entries the
   per-page path writes ("wagtail.create", "wagtail.edit" and, when it goes
   live, "wagtail.publish"), and the texts of both search indexes;
3. `write`: the rows, the parent's `numchild` bumped once, the public search
   index rows of the live pages (from `document_entry`) and Wagtail's own
   search index, the admin's page search (admin_index.py).

Rows are written with core.bulk_sql.insert_rows: plain multi-row INSERTs (COPY on
PostgreSQL), without the query compiler that makes bulk_create slower than the database.

What it does not do, on purpose: send `page_published` per page (the only
receivers are the search index, written here in bulk, and proposals, which a
new page has none of) and refresh Wagtail's reference index, which the
importer defers for both paths alike (see importer.bulk_import_mode).

The parity with the per-page path is a test: tests/test_bulk_write.py imports
one file both ways and compares every practice, revision, log entry, the tree
and the search index.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection
from django.db.models import F
from django.utils import timezone
from treebeard.exceptions import PathOverflow
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageViewRestriction, Revision

from mallipankki.core.bulk_sql import insert_rows
from mallipankki.practices.interchange import VocabularyIndex
from mallipankki.practices.models import PracticePage
from mallipankki.search.indexing import write_entry_rows

from .admin_index import TitleLengths, add_new_entries
from .batch_rows import (
    BatchRows,
    BuildContext,
    Built,
    Slot,
    batch_layout,
    build_batch,
    child_counts,
    targets_in_database,
)
from .tree_paths import fits_in_tree, last_child_step


class BatchWriter:
    """Writes batches of new practices under `index_page` in one import.

    `create(records)` plans, builds and writes a batch here; the importer
    can also `plan` a batch, have it built elsewhere (batch_rows.build_batch
    with `context`) and `write` what was built.
    """

    def __init__(self, index_page, *, user=None, vocabularies: VocabularyIndex | None = None, pending_entries):
        log_context = get_active_log_context()
        # Page.save() logs the creation as the page's owner (none for imported
        # pages) and the revision and publish as the importing user.
        creator = log_context.user.pk if log_context.user else None
        self.context = BuildContext(
            now=timezone.now(),
            user_id=user.pk if user else creator,
            creator_id=creator,
            log_uuid=log_context.uuid,
            vocabularies=vocabularies or VocabularyIndex(),
        )
        self.index_page = index_page
        self.pending_entries = pending_entries
        self.ids = IdReserver()
        self._next_step: int | None = None
        self._restricted: bool | None = None
        # Nothing else writes admin search entries during an import.
        self._titles = TitleLengths()

    def create(self, records: list[dict]) -> list[Built]:
        """Creates one practice per record, none of which exist yet (the
        records must be valid and their ids new under the index page)."""
        if not records:
            return []
        return self.write(build_batch(records, self.plan(records), self.context))

    def plan(self, records: list[dict]) -> Slot:
        """Ids and tree positions for a batch of `records`.

        Numbered as treebeard's add_child would number the pages one after
        the other; the batches must be written in the order they are planned.
        """
        index = self.index_page
        if self._next_step is None:
            index.refresh_from_db(fields=["path", "depth", "numchild", "url_path", "locale"])
            last = (
                Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self._next_step = (last_child_step(last) if last else 0) + 1
        first_step, self._next_step = self._next_step, self._next_step + len(records)
        if not fits_in_tree(self._next_step - 1):
            raise PathOverflow(f"no room for {len(records)} more pages under {index.path}")
        counts = child_counts(records)
        return Slot(
            parent_path=index.path,
            depth=index.depth + 1,
            parent_url_path=index.url_path,
            locale_id=index.locale_id,
            first_step=first_step,
            page_ids=self.ids.reserve(Page, len(records)),
            revision_ids=self.ids.reserve(Revision, len(records)),
            child_ids={key: self.ids.reserve(model, counts[key]) for key, model in batch_layout().children},
            targets=targets_in_database(records, self.context),
        )

    def write(self, batch: BatchRows) -> list[Built]:
        """Writes the rows of a built batch."""
        for model, names, rows in batch.tables:
            model = apps.get_model(model) if isinstance(model, str) else model
            insert_rows(model, names, rows, prepared=batch.prepared)
        Page.objects.filter(pk=self.index_page.pk).update(numchild=F("numchild") + len(batch.built))
        self.index_page.numchild += len(batch.built)
        # Only public practices are indexed: when the catalogue (or a page
        # above it) has a view restriction, new practices are not.
        if self._restricted is None:
            ancestors = self.index_page.get_ancestors(inclusive=True)
            self._restricted = PageViewRestriction.objects.filter(page__in=ancestors).exists()
        if batch.search_rows is not None and not self._restricted:
            write_entry_rows(batch.search_rows)
        elif batch.search_records and not self._restricted:
            self.pending_entries.add(batch.search_records)
        add_new_entries(PracticePage, batch.admin_texts, self._titles)
        return batch.built


class IdReserver:
    """Ids for new rows of one import, given before the rows are written.

    The rows of a batch refer to each other by id (a page to its revision, a
    revision's content to the page's children), so batch_rows builds them
    with ids reserved here. On PostgreSQL from the table's sequence, as the
    database would take them; on SQLite after the largest id the table has
    had (its AUTOINCREMENT sequence) and the ids reserved before, which holds
    while this import is the only writer: it holds the write lock.
    """

    def __init__(self):
        self._next: dict[str, int] = {}

    def reserve(self, model, count: int) -> list[int]:
        if not count:
            return []
        table, column = model._meta.db_table, model._meta.pk.column
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [quote(table), column, count],
                )
                return [row[0] for row in cursor.fetchall()]
            cursor.execute(
                f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "  # noqa: S608
                f"coalesce((SELECT max({quote(column)}) FROM {quote(table)}), 0))",
                [table],
            )
            start = max(cursor.fetchone()[0] + 1, self._next.get(table, 0))
        self._next[table] = start + count
        return list(range(start, start + count))
