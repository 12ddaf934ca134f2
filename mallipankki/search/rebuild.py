"""Rebuilding the whole search index: `manage.py rebuild_search_index`.

Every published practice is indexed afresh in one transaction, in batches
whose index entries are analysed in a worker process while the next batch
is read (entry_pool.py). indexing.py holds what a practice contributes and
how its rows are written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import connection, transaction

from mallipankki.practices.interchange import export_queryset, search_record
from mallipankki.practices.listing import published_practices

from . import backends, entry_pool
from .facet_bitmaps import record_change
from .indexing import target_groups_by_code
from .models import SearchDocument, SearchFacet, SearchTerm
from .query import forget_prepared_queries

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


def rebuild_index(progress: Callable[[int, int], None] | None = None, parallel: bool | None = None) -> int:
    """Index every published practice afresh; returns how many were indexed.

    Runs in one transaction, so searches see the old index until the new one
    is complete. On SQLite the FTS5 table is filled in one 'rebuild' pass
    instead of row by row, which is also when its sync triggers are
    (re)created. Batches are analysed in a worker process while the next is
    read (entry_pool.py) when there are many (``parallel`` None) or when
    asked to.
    """
    queryset = export_queryset(published_practices())
    total = queryset.count()
    target_groups = target_groups_by_code()
    parallel = entry_pool.use_worker(total) if parallel is None else parallel
    with transaction.atomic(), entry_pool.entry_analyser(target_groups, parallel) as analyse:
        forget_prepared_queries()
        backends.before_bulk_load()
        with connection.cursor() as cursor:
            # Plain deletes: the ORM would first read every id to cascade.
            for model in (SearchFacet, SearchDocument, SearchTerm):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
        record_change(None)
        ids = list(queryset.values_list("pk", flat=True))
        pending = entry_pool.PendingEntries(analyse)
        for start in range(0, len(ids), BATCH_SIZE):
            pages = export_queryset(published_practices().filter(pk__in=ids[start : start + BATCH_SIZE]))
            pending.add([(page.pk, search_record(page)) for page in pages])
            if progress and pending.written:
                progress(pending.written, total)
        pending.flush()
        if progress:
            progress(pending.written, total)
        forget_prepared_queries()
        backends.after_bulk_load()
    done = pending.written
    logger.debug("search index rebuilt: %s practices", done)
    return done
