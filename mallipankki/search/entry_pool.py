"""Index entries analysed in a second process while this one reads and writes.

A rebuild or a bulk import spends much of its time in `document_entry`
(Voikko analysis): plain Python that needs no database.
The rest, reading pages and writing rows, must stay in the process that
holds the transaction. So on a machine with more than one core, large runs
hand each batch of records to one worker process and read the next batch
meanwhile. The worker is forked, so it starts with Django set up and the
analysis caches warm; it never touches the database.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from mallipankki.core.forking import forget_parent_connections

from . import analysis
from .indexing import document_entry, entry_rows, write_entry_rows

# Below this many practices the fork costs more than it saves.
PARALLEL_MIN = 2000

Batch = list[tuple[int, dict]]  # (page id, interchange record)

_target_groups: dict | None = None


def start_worker(target_groups: dict) -> None:
    """Set up a forked worker process: its target groups, no inherited handles."""
    global _target_groups
    _target_groups = target_groups
    forget_parent_connections()
    # Native handles are not to be shared across a fork; caches are kept.
    analysis.forget_native_handles()


def entries_of(batch: Batch, target_groups: dict | None = None):
    """The index rows (indexing.EntryRows) of the batch's records; without
    ``target_groups``, those the worker was started with (start_worker)."""
    target_groups = _target_groups if target_groups is None else target_groups
    return entry_rows((page_id, document_entry(record, target_groups)) for page_id, record in batch)


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def use_worker(total: int) -> bool:
    return total >= PARALLEL_MIN and (os.cpu_count() or 1) > 1


@contextmanager
def entry_analyser(target_groups: dict, parallel: bool) -> Iterator[Callable[[Batch], Future]]:
    """``submit(batch)``: a future of the batch's index rows (indexing.EntryRows).

    With ``parallel`` the batches are analysed in one forked worker process,
    otherwise here and now (the future is already done).
    """
    if not parallel:
        yield lambda batch: _done(entries_of(batch, target_groups))
        return
    executor = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=start_worker,
        initargs=(target_groups,),
    )
    try:
        yield lambda batch: executor.submit(entries_of, batch)
    finally:
        executor.shutdown(cancel_futures=True)


class PendingEntries:
    """Entries analysed by ``submit`` (see entry_analyser) and written with
    indexing.write_entry_rows one batch later, so that a worker analyses a batch
    while this process prepares the next. Call `flush` to write the last."""

    def __init__(self, submit: Callable[[Batch], Future]):
        self.submit = submit
        self.waiting: Future | None = None
        self.written = 0

    def add(self, batch: Batch) -> None:
        analysed = self.submit(batch)
        self.flush()
        self.waiting = analysed

    def flush(self) -> None:
        if self.waiting is not None:
            waiting, self.waiting = self.waiting, None
            self.written += write_entry_rows(waiting.result())
