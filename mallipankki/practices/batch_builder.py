"""Rows of new practices built in a forked process while this one writes.

In a large import, building a batch's rows from its records
(batch_rows.build_batch) and their search index rows (search.indexing)
costs as much as writing them. Building needs no
transaction: ids and tree positions are planned by the writer
(bulk_write.BatchWriter.plan) before the batch is built. So the writer plans
a batch, asks this process to build it, and writes the batch before while
it is built.

The process reads the import file itself, in step with the writer's chunks
(importer._chunks), and is asked for whole chunks only: a chunk with a
practice that exists already is written by the writer, record by record in
file order, as before. The pages that the writer created itself are sent
along with the next request, so that builds_on links to them are set as
they would be in the writer. The process never touches the database: the
writer looks up the links' targets there when it plans a batch.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator

from .batch_rows import BatchRows, BuildContext, Slot, _layout, build_batch


class BackgroundBuilder:
    """build_batch of the chunks of ``open_file``, one by one, in a forked process."""

    def __init__(self, open_file: Callable, chunks: Callable[[Iterator[dict]], Iterator[list[dict]]], context):
        from mallipankki.search.indexing import target_groups_by_code

        # Read here, where the database is: the process has none.
        _layout()
        target_groups = target_groups_by_code()
        process_context = multiprocessing.get_context("fork")
        self._connection, theirs = process_context.Pipe()
        self._process = process_context.Process(
            target=_serve, args=(open_file, chunks, context, target_groups, theirs), daemon=True
        )
        self._process.start()
        theirs.close()
        self.waiting = 0

    def request(self, chunk_number: int, slot: Slot, created: list[tuple[str, int]]) -> None:
        """Asks for the rows of chunk `chunk_number` (counted from 0; never an
        earlier one than asked before) in `slot`; `created`: pages written
        since the last request, (slug, id)."""
        self._connection.send((chunk_number, slot, created))
        self.waiting += 1

    def result(self) -> BatchRows:
        """The rows of the oldest request not yet taken, prepared for the database."""
        try:
            kind, value = self._connection.recv()
        except EOFError:
            raise RuntimeError("the process building the import's rows ended without a result") from None
        self.waiting -= 1
        if kind == "error":
            raise RuntimeError(f"building the import's rows failed:\n{value}")
        return value

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()


def _serve(open_file: Callable, chunks, context: BuildContext, target_groups: dict, connection) -> None:
    from mallipankki.search import entry_pool

    from .importer import _iter_records

    # As the search index's own worker starts: no database, own Voikko.
    entry_pool.start_worker(target_groups)
    position, source = -1, chunks(_iter_records(open_file))
    chunk: list[dict] = []
    while True:
        try:
            chunk_number, slot, created = connection.recv()
        except EOFError:
            return
        try:
            context.created.update(created)
            while position < chunk_number:
                chunk, position = next(source), position + 1
            batch = build_batch(chunk, slot, context)
            batch.prepare()
            # Analysed here too: sent on to another process, the search
            # records would cross two more pipes.
            batch.search_rows = entry_pool.entries_of(batch.search_records)
            batch.search_records = []
            connection.send(("rows", batch))
        except Exception:  # reported to the writer, which raises it
            connection.send(("error", traceback.format_exc()))
            return
