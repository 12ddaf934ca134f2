"""Bulk import of interchange files: validate everything, then write once.

The file is read twice with a streaming parser, so memory stays flat in the
number of records: the first pass checks every record against the JSON
Schema and the instance's rules and keeps only ids; the second pass writes,
all in one transaction. A file with any problem writes nothing, and every
problem is reported with its place (`practices[3].regions[0]: ...`). For a
large file the first pass runs in a second process, ahead of the second
(background_check.py).

The second pass reads the file in chunks: records whose practice exists are
updated one by one through `upsert_practice`; runs of new ones are created
together by bulk_write.BatchWriter, which leaves the same rows (tree,
revision, log entries, search index) in a few statements per table.
"""

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, partial
from pathlib import Path

import fastjsonschema
import ijson
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.dateparse import parse_date, parse_datetime
from jsonschema import Draft202012Validator

from mallipankki.core.garbage import fewer_collections

from .bulk_write import BatchWriter
from .interchange import VOCABULARY_FIELDS, VocabularyIndex, link_builds_on, upsert_practice
from .models import PracticeIndexPage, PracticePage

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "formats" / "practices-v1.schema.json"
MAX_PROBLEMS = 1000
# Progress (and, to a background check's writer, how far the file has
# passed) is reported every this many records.
REPORT_EVERY = 1000

# Limits that the database columns impose beyond the schema.
TEXT_LIMITS = {"name": 255, "summary": 1000, "description": 100_000}
STRING_LIMITS = {
    ("organisations", "name"): 255,
    ("organisations", "url"): 500,
    ("funding", "programme"): 255,
    ("funding", "project_code"): 100,
    ("funding", "project_name"): 500,
    ("resources", "url"): 1000,
    ("adoptions", "organisation"): 255,
    ("scaling", "continuity_owner"): 255,
    ("scaling", "continuity_funding"): 255,
    ("contact", "name"): 255,
    ("contact", "organisation"): 255,
    ("contact", "phone"): 50,
    ("contact", "email"): 254,
}


@dataclass(frozen=True)
class Problem:
    place: str
    message: str

    def __str__(self):
        return f"{self.place}: {self.message}" if self.place else self.message


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


class ImportFileError(Exception):
    """The file cannot be read as JSON at all."""


def _schema_validator() -> Draft202012Validator:
    with open(SCHEMA_FILE, encoding="utf-8") as fp:
        schema = json.load(fp)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _place(path) -> str:
    place = "practices"
    for part in path:
        place += f"[{part}]" if isinstance(part, int) else f".{part}"
    return place


def _iter_records(open_file: Callable) -> Iterator[dict]:
    with open_file() as fp:
        yield from ijson.items(fp, "practices.item", use_float=True)


def _top_level(open_file: Callable) -> dict:
    """The file's top-level keys with the practices array left out."""
    top = {}
    with open_file() as fp:
        for prefix, event, value in ijson.parse(fp, use_float=True):
            if prefix == "" and event == "map_key":
                top.setdefault(value, None)
            elif prefix in ("format", "version", "exported_at") and event in ("string", "number", "boolean", "null"):
                top[prefix] = value
            elif prefix == "" and event not in ("start_map", "end_map", "map_key"):
                raise ImportFileError("the file must hold one JSON object")
    return top


class RecordRules:
    """The instance's rules beyond the JSON Schema, checked record by record."""

    url_validator = URLValidator(schemes=["http", "https"])
    email_validator = EmailValidator()

    def __init__(self):
        self.vocabularies = VocabularyIndex()

    def check(self, record: dict, place: str) -> Iterator[Problem]:
        for key in VOCABULARY_FIELDS:
            for position, code in enumerate(record.get(key, [])):
                if self.vocabularies.get(key, code) is None:
                    yield Problem(f"{place}.{key}[{position}]", f'unknown {_singular(key)} "{code}"')
        for position, adoption in enumerate(record.get("adoptions", [])):
            for key, kind in (("country", "countries"), ("region", "regions")):
                code = adoption.get(key)
                if code and self.vocabularies.get(kind, code) is None:
                    yield Problem(f"{place}.adoptions[{position}].{key}", f'unknown {key} "{code}"')
        yield from self._check_texts(record, place)
        yield from self._check_urls(record, place)
        yield from self._check_dates(record, place)
        contact = record.get("contact", {})
        if contact.get("email"):
            try:
                self.email_validator(contact["email"])
            except ValidationError:
                yield Problem(f"{place}.contact.email", f'not a valid email address: "{contact["email"]}"')
        for position, keyword in enumerate(record.get("keywords", [])):
            if "\n" in keyword or "\r" in keyword:
                yield Problem(f"{place}.keywords[{position}]", "a keyword must be on one line")
        cost = record.get("costs", {}).get("per_participant_eur")
        if cost is not None:
            amount = Decimal(str(cost))
            if amount.as_tuple().exponent < -2 or amount >= Decimal("1e10"):
                yield Problem(f"{place}.costs.per_participant_eur", "at most 10 digits and 2 decimals")
        if record.get("id") in record.get("builds_on", []):
            yield Problem(f"{place}.builds_on", "a practice cannot build on itself")

    def _check_texts(self, record, place):
        for key, limit in TEXT_LIMITS.items():
            for lang, value in (record.get(key) or {}).items():
                if len(value) > limit:
                    yield Problem(f"{place}.{key}.{lang}", f"too long: {len(value)} characters, at most {limit}")
                if "\x00" in value:
                    yield Problem(f"{place}.{key}.{lang}", "contains a NUL character")
                if key == "name" and "\n" in value:
                    yield Problem(f"{place}.{key}.{lang}", "a name must be on one line")
        for (group, key), limit in STRING_LIMITS.items():
            value = record.get(group)
            items = value if isinstance(value, list) else [value] if value else []
            for position, item in enumerate(items):
                text = item.get(key)
                if isinstance(text, str) and len(text) > limit:
                    index = f"[{position}]" if isinstance(value, list) else ""
                    where = f"{place}.{group}{index}.{key}"
                    yield Problem(where, f"too long: {len(text)} characters, at most {limit}")

    def _check_urls(self, record, place):
        urls = [(f"organisations[{i}].url", org.get("url")) for i, org in enumerate(record.get("organisations", []))]
        urls += [(f"resources[{i}].url", res.get("url")) for i, res in enumerate(record.get("resources", []))]
        sources = record.get("evidence", {}).get("sources", [])
        urls += [(f"evidence.sources[{i}]", url) for i, url in enumerate(sources)]
        for where, url in urls:
            if url is None:
                continue
            try:
                self.url_validator(url)
            except ValidationError:
                yield Problem(f"{place}.{where}", f'not a valid http(s) URL: "{url[:200]}"')

    def _check_dates(self, record, place):
        for key in ("published_at", "updated_at"):
            if record.get(key) and not _valid_datetime(record[key]):
                yield Problem(f"{place}.{key}", f'not a date-time with a time zone: "{record[key][:50]}"')
        for position, item in enumerate(record.get("funding", [])):
            start, end = parse_date(item.get("start") or ""), parse_date(item.get("end") or "")
            if start and end and end < start:
                yield Problem(f"{place}.funding[{position}].end", "ends before it starts")


def _schema_message(error) -> str:
    """jsonschema's message, said the way a person fixing the file needs it."""
    path = list(error.path)
    if error.validator == "pattern" and len(path) >= 2 and path[-2] in VOCABULARY_FIELDS:
        return f'unknown {_singular(path[-2])} "{str(error.instance)[:100]}"'
    if error.validator == "pattern" and path and path[-1] == "id":
        return f'invalid id "{str(error.instance)[:100]}": use lowercase letters a-z, digits and hyphens'
    return error.message[:300]


def _inline_refs(node, definitions: dict):
    """`node` with every local "$ref": "#/$defs/x" replaced by the definition (no cycles)."""
    if isinstance(node, list):
        return [_inline_refs(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = _inline_refs(definitions[node["$ref"].removeprefix("#/$defs/")], definitions)
        siblings = {key: _inline_refs(value, definitions) for key, value in node.items() if key != "$ref"}
        # Keywords beside a $ref apply too; merged unless they clash with the target's.
        return {**target, **siblings} if not siblings.keys() & target.keys() else {**siblings, "allOf": [target]}
    return {key: _inline_refs(value, definitions) for key, value in node.items()}


def _quick_check(item_schema: dict) -> Callable[[dict], None]:
    """A compiled check of one record against `item_schema`, which raises on any problem.

    jsonschema takes some 1 ms a record, most of an import's validation; a
    check compiled to Python code (fastjsonschema) takes a tenth of that. It
    only says yes or no: a record it refuses goes through jsonschema, whose
    verdict and messages count. For the yes to mean the same, the formats are
    checked by jsonschema's own format checker, and the schema has no $ref
    left, where draft 7 (the newest fastjsonschema knows) and 2020-12 differ;
    the keywords it uses mean the same in both. A test holds the two to the
    same verdicts.
    """
    checker = Draft202012Validator.FORMAT_CHECKER
    formats = {name: partial(checker.conforms, format=name) for name in checker.checkers}
    draft7 = {**item_schema, "$schema": "http://json-schema.org/draft-07/schema#"}
    return fastjsonschema.compile(draft7, formats=formats, use_default=False)


@cache
def record_validators() -> tuple[Draft202012Validator, Callable[[dict], None]]:
    """jsonschema's validator of one practice record, and its quick twin."""
    validator = _schema_validator()
    # The practice schema with its $refs written out: resolving a reference
    # costs more than checking what it points to, once per record.
    item_schema = {
        "$schema": validator.schema["$schema"],
        **_inline_refs(validator.schema["$defs"]["practice"], validator.schema["$defs"]),
    }
    return validator.evolve(schema=item_schema), _quick_check(item_schema)


def _schema_errors(record, quick_check, validator) -> list:
    try:
        quick_check(record)
    except fastjsonschema.JsonSchemaException:
        return list(validator.iter_errors(record))
    return []


def _valid_datetime(value: str) -> bool:
    try:
        parsed = parse_datetime(value)
    except ValueError:
        return False
    return parsed is not None and parsed.tzinfo is not None


def _singular(key: str) -> str:
    return {"themes": "theme", "target_groups": "target group", "countries": "country", "regions": "region"}[key]


def validate_file(open_file: Callable, progress: Callable[[int], None] | None = None) -> tuple[list[Problem], int]:
    """Checks the whole file; returns (problems, number of records).

    `open_file()` must return a new binary file object each call.
    """
    problems, count, outside = check_records(open_file, RecordRules(), progress)
    return problems + unknown_targets(outside), count


def check_records(
    open_file: Callable,
    rules: RecordRules,
    progress: Callable[[int], None] | None = None,
    passed: Callable[[int], None] | None = None,
) -> tuple[list[Problem], int, list[tuple[str, str]]]:
    """Every check of `validate_file` that needs no database: (problems,
    number of records, builds_on references to ids that are not in the file).

    ``passed(n)`` is told, every REPORT_EVERY records and at the end, that
    the first n records have no problem; it is not called after a problem.
    The file's top-level keys are checked last: reading them reads the
    whole file, and a writer waiting for the first records need not wait
    for that (a problem there is reported all the same).
    """
    problems, count, outside = _check_items(open_file, rules, progress, passed)
    try:
        top = _top_level(open_file)
    except (ijson.JSONError, ImportFileError) as error:
        return [Problem("", f"not a valid JSON file: {error}")], 0, []
    validator = _schema_validator()
    top_errors = sorted(
        validator.evolve(
            schema={**validator.schema, "properties": {**validator.schema["properties"], "practices": {}}}
        ).iter_errors({**top, "practices": []}),
        key=lambda e: list(e.path),
    )
    top_problems = [Problem(".".join(map(str, e.path)) or "file", e.message) for e in top_errors]
    if "practices" not in top:
        return top_problems, 0, []
    return top_problems + problems, count, outside


def _check_items(open_file, rules, progress, passed) -> tuple[list[Problem], int, list[tuple[str, str]]]:
    problems: list[Problem] = []
    item_validator, quick_check = record_validators()
    seen: dict[str, int] = {}
    references: list[tuple[str, str]] = []
    count = 0
    try:
        for position, record in enumerate(_iter_records(open_file)):
            count += 1
            place = f"practices[{position}]"
            schema_errors = _schema_errors(record, quick_check, item_validator)
            for error in sorted(schema_errors, key=lambda e: [str(part) for part in e.path]):
                problems.append(Problem(_place([position, *error.path]), _schema_message(error)))
            pid = record.get("id") if isinstance(record, dict) else None
            if isinstance(pid, str):
                if pid in seen:
                    problems.append(Problem(f"{place}.id", f'duplicate id "{pid}", first at practices[{seen[pid]}]'))
                else:
                    seen[pid] = position
            if isinstance(record, dict) and not schema_errors:
                problems.extend(rules.check(record, place))
                references += [
                    (f"{place}.builds_on[{i}]", target) for i, target in enumerate(record.get("builds_on", []))
                ]
            if count % REPORT_EVERY == 0:
                if progress:
                    progress(count)
                if passed and not problems:
                    passed(count)
            if len(problems) >= MAX_PROBLEMS:
                problems.append(Problem("", f"stopped after {MAX_PROBLEMS} problems"))
                return problems, count, []
    except ijson.JSONError as error:
        problems.append(Problem(f"practices[{count}]", f"not valid JSON: {error}"))
        return problems, count, []
    if passed and not problems:
        passed(count)
    return problems, count, [(where, target) for where, target in references if target not in seen]


def unknown_targets(outside: list[tuple[str, str]]) -> list[Problem]:
    """A problem for each builds_on reference (place, id) to a practice that
    the database does not have either."""
    missing = {target for _where, target in outside}
    existing = set(PracticePage.objects.filter(slug__in=missing).values_list("slug", flat=True)) if missing else set()
    return [
        Problem(where, f'unknown practice id "{target}" (not in the file or the database)')
        for where, target in outside
        if target not in existing
    ]


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
    written (bulk_write.index_for_admin), the ones written one by one once
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
    """
    with fewer_collections():
        return _validate_and_import(path_or_opener, user, dry_run, progress, bulk, parallel)


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

    from .background_check import BackgroundCheck

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
        with transaction.atomic(), bulk_import_mode():
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
# memory and sent from the process that builds it: 2,000 records are about
# 15 MB of rows.
BATCH_SIZE = 2000


def _chunks(records: Iterator[dict], size: int) -> Iterator[list[dict]]:
    chunk = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write(open_file, result: ImportResult, user, progress, bulk: bool, parallel: bool, check=None):
    """Writes every record; with `check` (a background_check.BackgroundCheck),
    only records that have passed it, and raises _Refused at its first problem."""
    from mallipankki.search import entry_pool
    from mallipankki.search.indexing import target_groups_by_code

    with entry_pool.entry_analyser(target_groups_by_code(), parallel) as analyse:
        pending_entries = entry_pool.PendingEntries(analyse)
        written, waiting = _write_records(open_file, result, user, progress, bulk, pending_entries, check, parallel)
        if check is not None:
            # Every record has passed; the references to the database remain.
            problems, result.total = check.outcome()
            if problems:
                raise _Refused(problems, result.total)
        # Before the links: linking publishes pages again, which indexes them.
        pending_entries.flush()
    if waiting:
        pages = PracticePage.objects.in_bulk([pk for pk, _wanted in waiting.values()])
        by_slug = {}
        for slug, (pk, wanted) in waiting.items():
            page = pages[pk]
            page.interchange_builds_on = wanted
            by_slug[slug] = page
        link_builds_on(by_slug, user=user)
    return written


def _write_records(open_file, result: ImportResult, user, progress, bulk: bool, pending_entries, check, parallel):
    """Writes every record; returns the slugs written one by one (whose admin
    search index is refreshed afterwards; bulk_write indexes its own) and
    the pages whose builds_on links must wait until every record exists.

    With `parallel`, the chunks with new records only are built in another
    process (batch_builder.py), one chunk ahead of the writes."""
    index = practice_index()
    vocabularies = VocabularyIndex()
    # Only pages whose builds_on had to wait are kept (as ids); the rest are
    # dropped as we go so that memory does not grow with the file.
    waiting: dict[str, tuple[int, list[str]]] = {}
    written: list[str] = []
    count = 0
    writer = BatchWriter(index, user=user, vocabularies=vocabularies, pending_entries=pending_entries)
    builder = None
    if parallel and bulk:
        from .batch_builder import BackgroundBuilder

        builder = BackgroundBuilder(open_file, partial(_chunks, size=BATCH_SIZE), writer.context)
    # Pages the writer built itself, not yet told to the builder.
    told = 0

    def created(pages):
        for page in pages:
            if page.deferred_builds_on:
                waiting[page.slug] = (page.pk, page.deferred_builds_on)
        result.created += len(pages)

    def create(batch: list[dict]):
        created(writer.create(batch))
        batch.clear()

    def take_built():
        while builder is not None and builder.waiting:
            created(writer.write(builder.result()))

    try:
        for number, chunk in enumerate(_chunks(_iter_records(open_file), BATCH_SIZE)):
            if check is not None and not check.wait_for(count + len(chunk)):
                raise _Refused(*check.outcome())
            existing = set(
                PracticePage.objects.child_of(index)
                .filter(slug__in=[record["id"] for record in chunk])
                .values_list("slug", flat=True)
            )
            if builder is not None and not existing:
                news = list(writer.context.created.items())[told:] if len(writer.context.created) > told else []
                told = len(writer.context.created)
                builder.request(number, writer.plan(chunk), news)
                # The chunk before is written while this one is built.
                if builder.waiting > 1:
                    created(writer.write(builder.result()))
                count += len(chunk)
                if progress:
                    progress("write", count - len(chunk), result.total)
                continue
            take_built()
            batch: list[dict] = []
            for record in chunk:
                if bulk and record["id"] not in existing:
                    batch.append(record)
                    continue
                # File order decides which builds_on targets exist when a record
                # is written, so the new records before this one go first.
                create(batch)
                page, action = upsert_practice(index, record, user=user, vocabularies=vocabularies)
                setattr(result, action, getattr(result, action) + 1)
                if action != "unchanged":
                    written.append(page.slug)
                if page.interchange_builds_on:
                    waiting[page.slug] = (page.pk, page.interchange_builds_on)
            create(batch)
            count += len(chunk)
            if progress:
                progress("write", count, result.total)
        take_built()
    except ijson.JSONError:
        # The background check reads the file's end only after its first
        # records have passed: a file that breaks off is refused as it
        # reports it.
        if check is None:
            raise
        raise _Refused(*check.outcome()) from None
    finally:
        if builder is not None:
            builder.close()
    if progress and builder is not None:
        progress("write", count, result.total)
    return written, waiting
