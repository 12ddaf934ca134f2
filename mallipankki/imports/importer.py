"""Bulk import of interchange files: validate everything, then write once.

The file is read twice with a streaming parser, so memory stays flat in the
number of records: the first pass checks every record (validation.py) and
keeps only ids; the second pass writes, all in one transaction. A file with
any problem writes nothing, and every problem is reported with its place
(`practices[3].regions[0]: ...`). For a large file the first pass runs in a
second process, ahead of the second (background_check.py).

The second pass reads the file in chunks (RecordWriter): records whose
practice exists are updated one by one through `upsert_practice`; runs of
new ones are created together by bulk_write.BatchWriter, which leaves the
same rows (tree, revision, log entries, search index) in a few statements
per table.
"""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

import ijson
from django.db.models.signals import post_save

from mallipankki.core.garbage import fewer_collections
from mallipankki.core.page_cache import bump_generation, deferred_bumps
from mallipankki.core.publishing import PublishingBlocked
from mallipankki.practices.interchange import VocabularyIndex, link_builds_on, upsert_practice
from mallipankki.practices.models import PracticeIndexPage, PracticePage
from mallipankki.search import entry_pool
from mallipankki.search.indexing import target_groups_by_code

from .background_check import BackgroundCheck
from .batch_builder import BackgroundBuilder
from .batch_rows import Built
from .bulk_write import BatchWriter
from .locking import import_lock, import_transaction
from .validation import ImportFileError, Problem, evaluation_problems, read_records, validate_file


@dataclass
class ImportResult:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def practice_index() -> PracticeIndexPage:
    index = PracticeIndexPage.objects.first()
    if index is None:
        raise ImportFileError("the site has no practice catalogue page (run load_demo_content or create one)")
    return index


@contextmanager
def bulk_import_mode():
    """Defers per-save bookkeeping that dominates the cost of a bulk import.

    Wagtail's reference index and its own page search index are refreshed on
    every save; in an import each page is saved several times (create,
    revision, publish). Here they are switched off for the import: new
    practices are put in the admin search index batch by batch as they are
    written (admin_index.add_new_entries), the ones written one by one once
    each afterwards (`refresh_admin_search_index`). The reference index
    catches up on each page's next edit, or at once with
    `manage.py rebuild_references_index`.
    """
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    disconnected = post_save.disconnect(post_save_signal_handler, sender=PracticePage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(post_save_signal_handler, sender=PracticePage)


def refresh_admin_search_index(slugs: list[str], chunk_size: int = 500):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for start in range(0, len(slugs), chunk_size):
        pages = PracticePage.objects.filter(slug__in=slugs[start : start + chunk_size])
        backend.add_bulk(PracticePage, list(pages))


class _DryRunRollback(Exception):
    pass


def import_file(
    path_or_opener,
    *,
    user=None,
    dry_run: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
    bulk: bool = True,
    parallel: bool | None = None,
) -> ImportResult:
    """Validates, then imports in one transaction. Writes nothing on any problem.

    A dry run does the writes too, to count created/updated/unchanged
    truthfully, and then rolls them back. New practices are written in
    batches (bulk_write.py); `bulk=False` writes every record through
    upsert_practice instead, the reference that the batched path is tested
    against. A large file (``parallel`` None) or one asked to is checked in
    a second process while this one writes (background_check.py), the rows
    of its new practices are built in a third (batch_builder.py) and their
    search rows analysed in a fourth (search/entry_pool.py).

    Raises locking.ImportRunning at once while another import runs on this
    instance; the transaction holds the write lock from its start, so web
    writes wait for it (locking.py).
    """
    # The batched writes send no signals: the page cache is told once, after the commit.
    with import_lock(), fewer_collections(), deferred_bumps():
        result = _validate_and_import(path_or_opener, user, dry_run, progress, bulk, parallel)
        if not result.dry_run and not result.problems:
            bump_generation()
        return result


def _validate_and_import(path_or_opener, user, dry_run, progress, bulk, parallel) -> ImportResult:
    open_file = path_or_opener if callable(path_or_opener) else (lambda: open(path_or_opener, "rb"))
    parallel = _is_large(open_file) if parallel is None else parallel
    checked = (lambda n: progress("validate", n, 0)) if progress else None
    if not parallel:
        problems, total = validate_file(open_file, progress=checked)
        result = ImportResult(total=total, problems=problems, dry_run=dry_run)
        if problems:
            return result
        return _import(open_file, result, user, progress, bulk, parallel, check=None)

    check = BackgroundCheck(open_file, checked)
    try:
        return _import(open_file, ImportResult(dry_run=dry_run), user, progress, bulk, parallel, check)
    finally:
        check.close()


# From about 2,000 practices on (see search.entry_pool.PARALLEL_MIN), in bytes.
PARALLEL_MIN_BYTES = 5_000_000


def _is_large(open_file) -> bool:
    with open_file() as fp:
        size = fp.seek(0, os.SEEK_END)
    return size >= PARALLEL_MIN_BYTES and (os.cpu_count() or 1) > 1


class _Refused(Exception):
    """The background checks found problems: roll back and report them."""

    def __init__(self, problems: list[Problem], total: int):
        self.problems, self.total = problems, total


def _import(open_file, result: ImportResult, user, progress, bulk: bool, parallel: bool, check) -> ImportResult:
    try:
        with import_transaction(practice_index()), bulk_import_mode():
            written = _write(open_file, result, user, progress, bulk, parallel, check)
            if result.dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        return result
    except _Refused as refused:
        return ImportResult(total=refused.total, problems=refused.problems, dry_run=result.dry_run)
    refresh_admin_search_index(written)
    return result


# New records are written in batches of this many (bulk_write.py); records
# that exist already go through upsert_practice one by one. Each batch costs
# some statements and queries of its own (the admin search index averages
# the title length of every entry on PostgreSQL), and a batch is built in
# memory and sent from the process that builds it.
BATCH_SIZE = 2000


def chunks(records: Iterator[dict], size: int) -> Iterator[list[dict]]:
    """The records in lists of `size` (the last may be shorter)."""
    chunk = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write(open_file, result: ImportResult, user, progress, bulk: bool, parallel: bool, check=None) -> list[str]:
    """Writes every record; returns the slugs written one by one (whose admin
    search index is refreshed afterwards; bulk_write indexes its own).

    With `check` (a background_check.BackgroundCheck), only records that
    have passed it, and raises _Refused at its first problem."""
    with entry_pool.entry_analyser(target_groups_by_code(), parallel) as analyse:
        pending_entries = entry_pool.PendingEntries(analyse)
        writer = RecordWriter(
            result, user=user, progress=progress, bulk=bulk, check=check, pending_entries=pending_entries
        )
        writer.write_file(open_file, parallel=parallel)
        problems = []
        if check is not None:
            # Every record has passed; the references to the database remain.
            problems, result.total = check.outcome()
        # A workflow started after the check began (see RecordWriter.upsert).
        problems += [problem for problem in writer.blocked if problem not in problems]
        if problems:
            raise _Refused(problems, result.total)
        # Before the links: linking publishes pages again, which indexes them.
        pending_entries.flush()
    writer.link_waiting()
    return writer.written


class RecordWriter:
    """Writes the records of one import chunk by chunk, in file order, and
    keeps what must wait until every record is written.

    `written`: the slugs written one by one through upsert_practice;
    `blocked`: problems of the records that would have published a practice
    under evaluation, which were skipped (see `upsert`);
    `waiting`: the pages whose builds_on links must wait until every record
    exists (linked by `link_waiting`), by slug, as (id, wanted ids). Only
    those are kept; the rest are dropped as we go so that memory does not
    grow with the file. The counts go to `result` as records are written.
    """

    def __init__(self, result: ImportResult, *, user, progress, bulk: bool, check, pending_entries):
        self.result = result
        self.user = user
        self.progress = progress
        self.bulk = bulk
        self.check = check
        self.index = practice_index()
        self.vocabularies = VocabularyIndex()
        self.waiting: dict[str, tuple[int, list[str]]] = {}
        self.written: list[str] = []
        self.blocked: list[Problem] = []
        self.count = 0  # records read and handed on so far
        self.batches = BatchWriter(
            self.index, user=user, vocabularies=self.vocabularies, pending_entries=pending_entries
        )
        self.builder: BackgroundBuilder | None = None
        # Pages the batch writer built itself, not yet told to the builder.
        self.told = 0

    def write_file(self, open_file: Callable, *, parallel: bool) -> None:
        """Writes every record of the file.

        With `parallel`, the chunks with new records only are built in
        another process (batch_builder.py), one chunk ahead of the writes."""
        if parallel and self.bulk:
            self.builder = BackgroundBuilder(open_file, partial(chunks, size=BATCH_SIZE), self.batches.context)
        try:
            for number, chunk in enumerate(chunks(read_records(open_file), BATCH_SIZE)):
                self.wait_for_check(len(chunk))
                existing = self.existing_slugs(chunk)
                if self.builder is not None and not existing:
                    self.hand_to_builder(number, chunk)
                else:
                    self.write_chunk(chunk, existing)
            self.take_built()
        except ijson.JSONError:
            # The background check reads the file's end only after its first
            # records have passed: a file that breaks off is refused as it
            # reports it.
            if self.check is None:
                raise
            raise _Refused(*self.check.outcome()) from None
        finally:
            if self.builder is not None:
                self.builder.close()
        if self.builder is not None:
            self.report(self.count)

    def wait_for_check(self, size: int) -> None:
        """Waits until the next `size` records have passed the background check;
        raises _Refused when it has found a problem."""
        if self.check is not None and not self.check.wait_for(self.count + size):
            raise _Refused(*self.check.outcome())

    def existing_slugs(self, chunk: list[dict]) -> set[str]:
        """The ids of the chunk's records whose practice exists under the catalogue."""
        return set(
            PracticePage.objects.child_of(self.index)
            .filter(slug__in=[record["id"] for record in chunk])
            .values_list("slug", flat=True)
        )

    def hand_to_builder(self, number: int, chunk: list[dict]) -> None:
        """Asks the builder process for the rows of a chunk of new records
        (chunk `number` of the file), and writes the chunk it built before."""
        created = self.batches.context.created
        news = list(created.items())[self.told :] if len(created) > self.told else []
        self.told = len(created)
        self.builder.request(number, self.batches.plan(chunk), news)
        # The chunk before is written while this one is built.
        if self.builder.waiting > 1:
            self.note_created(self.batches.write(self.builder.result()))
        self.count += len(chunk)
        self.report(self.count - len(chunk))

    def write_chunk(self, chunk: list[dict], existing: set[str]) -> None:
        """Writes a chunk in this process: runs of new records in batches
        (unless the import is not `bulk`), the others one by one."""
        self.take_built()
        batch: list[dict] = []
        for position, record in enumerate(chunk, start=self.count):
            if self.bulk and record["id"] not in existing:
                batch.append(record)
                continue
            # File order decides which builds_on targets exist when a record
            # is written, so the new records before this one go first.
            self.create(batch)
            self.upsert(record, position)
        self.create(batch)
        self.count += len(chunk)
        self.report(self.count)

    def take_built(self) -> None:
        """Writes every chunk the builder was asked for and has not been written."""
        while self.builder is not None and self.builder.waiting:
            self.note_created(self.batches.write(self.builder.result()))

    def create(self, batch: list[dict]) -> None:
        """Creates the new practices of `batch` together, and empties it."""
        self.note_created(self.batches.create(batch))
        batch.clear()

    def upsert(self, record: dict, position: int) -> None:
        """Creates or updates the practice of one record through upsert_practice.

        A practice under evaluation is refused by the checks before anything
        is written; a large file's checks run beside the writes, and a
        workflow may start after they began, so one reached here is skipped
        (upsert_practice's savepoint undoes its revision) and reported: the
        import is refused at once with the check's problems when one runs
        beside the writer, otherwise at its end."""
        try:
            page, action = upsert_practice(self.index, record, user=self.user, vocabularies=self.vocabularies)
        except PublishingBlocked:
            place = f"practices[{position}]"
            self.blocked += evaluation_problems([(place, record)]) or [Problem(f"{place}.id", str(PublishingBlocked()))]
            if self.check is not None:
                # The check beside us lists every such record: stop writing
                # what will be rolled back anyway.
                problems, total = self.check.outcome()
                raise _Refused(problems + [p for p in self.blocked if p not in problems], total) from None
            return
        setattr(self.result, action, getattr(self.result, action) + 1)
        if action != "unchanged":
            self.written.append(page.slug)
        if page.interchange_builds_on:
            self.waiting[page.slug] = (page.pk, page.interchange_builds_on)

    def note_created(self, pages: list[Built]) -> None:
        for page in pages:
            if page.deferred_builds_on:
                self.waiting[page.slug] = (page.pk, page.deferred_builds_on)
        self.result.created += len(pages)

    def report(self, done: int) -> None:
        if self.progress:
            self.progress("write", done, self.result.total)

    def link_waiting(self) -> None:
        """Sets the builds_on links that had to wait until every record was written."""
        if not self.waiting:
            return
        pages = PracticePage.objects.in_bulk([pk for pk, _wanted in self.waiting.values()])
        by_slug = {}
        for slug, (pk, wanted) in self.waiting.items():
            page = pages[pk]
            page.interchange_builds_on = wanted
            by_slug[slug] = page
        link_builds_on(by_slug, user=self.user)
