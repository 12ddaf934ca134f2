"""The checks of a large import file, run in a second process while this one writes.

`import_file` writes nothing from a file with any problem. Checked first, a
large file waits for its checks before the first write; here a forked
process checks it while this one writes, a chunk ahead of the writer: the
writer takes a chunk only once every record in it has passed, stops at the
first problem, and links and commits only when the whole file has passed.
So a file with a problem still changes nothing and has every problem
reported, as when it is checked first.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from mallipankki.core.forking import forget_parent_connections

from .validation import DatabaseChecks, Problem, RecordRules, check_records, record_validators


class BackgroundCheck:
    """validation.validate_file of ``open_file`` in a forked process."""

    def __init__(self, open_file: Callable, progress: Callable[[int], None] | None = None):
        # Read here: the child has no database (vocabularies) and should not
        # compile the schema again.
        rules = RecordRules()
        record_validators()
        context = multiprocessing.get_context("fork")
        self._messages, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_check, args=(open_file, rules, send), daemon=True)
        self._process.start()
        send.close()
        self._progress = progress
        self.passed = 0
        self._outcome: tuple[list[Problem], int, DatabaseChecks] | None = None

    def wait_for(self, count: int) -> bool:
        """Whether the first ``count`` records have passed (False: a problem was found)."""
        while self.passed < count and self._outcome is None:
            self._read()
        return self.passed >= count or not self._outcome[0]

    def outcome(self) -> tuple[list[Problem], int]:
        """(problems, number of records) of the whole file, as validate_file has them.

        The builds_on references to ids outside the file, and the practices
        under evaluation, are looked up here, in this process's transaction:
        the only pages it has written are in the file, and it has not
        written those under evaluation (the writer skips them, see
        importer.RecordWriter.upsert), so it finds what validate_file finds
        before the writes.
        """
        while self._outcome is None:
            self._read()
        problems, count, deferred = self._outcome
        return problems + deferred.problems(), count

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._messages.close()

    def _read(self) -> None:
        try:
            kind, *values = self._messages.recv()
        except EOFError:
            raise RuntimeError("the process checking the import file ended without a result") from None
        if kind == "passed":
            self.passed = values[0]
        elif kind == "progress":
            if self._progress:
                self._progress(values[0])
        else:
            self._outcome = tuple(values)


def _check(open_file: Callable, rules: RecordRules, send) -> None:
    forget_parent_connections()
    problems, count, deferred = check_records(
        open_file,
        rules,
        progress=lambda done: send.send(("progress", done)),
        passed=lambda done: send.send(("passed", done)),
    )
    send.send(("done", problems, count, deferred))
    send.close()
