"""Checking an interchange file before anything is written.

The file is read with a streaming parser, so memory stays flat in the number
of records: every record is checked against the JSON Schema and the
instance's rules and only ids are kept. Every problem is reported with its
place (`practices[3].regions[0]: ...`). The importer (importer.py) writes a
file only when this finds no problem; for a large file these checks run in
a second process, ahead of the writer (background_check.py).

A record that would update and publish a practice whose workflow
("Arviointi ja julkaisu") is under way is a problem too: only the workflow
publishes such a practice (core/publishing.py), so the whole file is refused,
with every such record named, until the evaluation is finished or cancelled.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, partial
from pathlib import Path

import fastjsonschema
import ijson
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from wagtail.models import Page, WorkflowState

from mallipankki.practices.interchange import VOCABULARY_FIELDS, VocabularyIndex, record_is_unchanged
from mallipankki.practices.models import PracticeIndexPage, PracticePage

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


class ImportFileError(Exception):
    """The file cannot be read as JSON at all."""


@dataclass
class DatabaseChecks:
    """What the streaming check leaves for the database, kept small.

    `outside`: builds_on references (place, id) to ids not in the file;
    `in_evaluation`: the records (place, record) that would publish a
    practice whose workflow was under way when the check began.
    """

    outside: list[tuple[str, str]] = field(default_factory=list)
    in_evaluation: list[tuple[str, dict]] = field(default_factory=list)

    def problems(self) -> list[Problem]:
        return unknown_targets(self.outside) + evaluation_problems(self.in_evaluation)


def _schema_validator() -> Draft202012Validator:
    with open(SCHEMA_FILE, encoding="utf-8") as fp:
        schema = json.load(fp)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _place(path) -> str:
    place = "practices"
    for part in path:
        place += f"[{part}]" if isinstance(part, int) else f".{part}"
    return place


def read_records(open_file: Callable) -> Iterator[dict]:
    """The file's practice records one by one, read as they are needed."""
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
        # Read here, in the process that has the database (see background_check).
        self.in_evaluation = slugs_in_evaluation()

    def publishes_in_evaluation(self, record: dict) -> bool:
        """Whether `record` would publish a practice whose workflow is under way
        (unless it turns out unchanged: evaluation_problems decides)."""
        status = record.get("status", PracticePage.Status.PUBLISHED)
        return record.get("id") in self.in_evaluation and status == PracticePage.Status.PUBLISHED

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

    jsonschema's check of each record is most of an import's validation; a
    check compiled to Python code (fastjsonschema) is many times faster. It
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


def schema_errors(record, quick_check, validator) -> list:
    """jsonschema's errors of `record`, asked only when the quick check refuses it (see record_validators)."""
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
    problems, count, deferred = check_records(open_file, RecordRules(), progress)
    return problems + deferred.problems(), count


def check_records(
    open_file: Callable,
    rules: RecordRules,
    progress: Callable[[int], None] | None = None,
    passed: Callable[[int], None] | None = None,
) -> tuple[list[Problem], int, DatabaseChecks]:
    """Every check of `validate_file` that needs no database: (problems,
    number of records, what is left for the database to check).

    ``passed(n)`` is told, every REPORT_EVERY records and at the end, that
    the first n records have no problem; it is not called after a problem.
    The file's top-level keys are checked last: reading them reads the
    whole file, and a writer waiting for the first records need not wait
    for that (a problem there is reported all the same).
    """
    problems, count, deferred = _check_items(open_file, rules, progress, passed)
    try:
        top = _top_level(open_file)
    except (ijson.JSONError, ImportFileError) as error:
        return [Problem("", f"not a valid JSON file: {error}")], 0, DatabaseChecks()
    validator = _schema_validator()
    top_errors = sorted(
        validator.evolve(
            schema={**validator.schema, "properties": {**validator.schema["properties"], "practices": {}}}
        ).iter_errors({**top, "practices": []}),
        key=lambda e: list(e.path),
    )
    top_problems = [Problem(".".join(map(str, e.path)) or "file", e.message) for e in top_errors]
    if "practices" not in top:
        return top_problems, 0, DatabaseChecks()
    return top_problems + problems, count, deferred


def _check_items(open_file, rules, progress, passed) -> tuple[list[Problem], int, DatabaseChecks]:
    problems: list[Problem] = []
    item_validator, quick_check = record_validators()
    seen: dict[str, int] = {}
    references: list[tuple[str, str]] = []
    in_evaluation: list[tuple[str, dict]] = []
    count = 0
    try:
        for position, record in enumerate(read_records(open_file)):
            count += 1
            place = f"practices[{position}]"
            errors = schema_errors(record, quick_check, item_validator)
            for error in sorted(errors, key=lambda e: [str(part) for part in e.path]):
                problems.append(Problem(_place([position, *error.path]), _schema_message(error)))
            pid = record.get("id") if isinstance(record, dict) else None
            if isinstance(pid, str):
                if pid in seen:
                    problems.append(Problem(f"{place}.id", f'duplicate id "{pid}", first at practices[{seen[pid]}]'))
                else:
                    seen[pid] = position
            if isinstance(record, dict) and not errors:
                problems.extend(rules.check(record, place))
                references += [
                    (f"{place}.builds_on[{i}]", target) for i, target in enumerate(record.get("builds_on", []))
                ]
                if rules.publishes_in_evaluation(record):
                    in_evaluation.append((place, record))
            if count % REPORT_EVERY == 0:
                if progress:
                    progress(count)
                if passed and not problems:
                    passed(count)
            if len(problems) >= MAX_PROBLEMS:
                problems.append(Problem("", f"stopped after {MAX_PROBLEMS} problems"))
                return problems, count, DatabaseChecks()
    except ijson.JSONError as error:
        problems.append(Problem(f"practices[{count}]", f"not valid JSON: {error}"))
        return problems, count, DatabaseChecks()
    if passed and not problems:
        passed(count)
    outside = [(where, target) for where, target in references if target not in seen]
    return problems, count, DatabaseChecks(outside, in_evaluation)


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


def slugs_in_evaluation() -> set[str]:
    """The ids of the practices whose workflow is under way (in progress, or
    rejected and waiting for changes): core.publishing.publishing_blocked."""
    states = WorkflowState.objects.active().filter(base_content_type=ContentType.objects.get_for_model(Page))
    ids = [int(pk) for pk in states.values_list("object_id", flat=True) if pk.isdigit()]
    return set(PracticePage.objects.filter(pk__in=ids).values_list("slug", flat=True)) if ids else set()


def evaluation_problems(records: list[tuple[str, dict]]) -> list[Problem]:
    """A problem for each record (place, record) that would update and publish
    a practice whose workflow is under way, which only the workflow may publish."""
    if not records:
        return []
    index = PracticeIndexPage.objects.first()
    if index is None:
        return []
    pages = PracticePage.objects.child_of(index).filter(slug__in=[record["id"] for _place, record in records])
    pages = {page.slug: page for page in pages}
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages.values()],
        )
        .select_related("workflow")
    }
    problems = []
    for place, record in records:
        page = pages.get(record["id"])
        state = states.get(page.pk) if page else None
        if state is None or record_is_unchanged(page, record):
            continue
        problems.append(Problem(f"{place}.id", _evaluation_message(record["id"], state)))
    return problems


def _evaluation_message(pid: str, state: WorkflowState) -> str:
    values = {"id": pid, "workflow": state.workflow.name}
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return (
            _(
                'malli "%(id)s" on palautettu muutettavaksi työnkulussa "%(workflow)s", joten tuonti ei voi '
                "päivittää ja julkaista sitä. Lähetä malli uudelleen arvioitavaksi ja vie arviointi loppuun "
                "tai peru työnkulku, ja tuo tiedosto sitten uudelleen."
            )
            % values
        )
    return (
        _(
            'malli "%(id)s" on arvioitavana työnkulussa "%(workflow)s", joten tuonti ei voi päivittää ja '
            "julkaista sitä. Vie arviointi loppuun tai peru työnkulku, ja tuo tiedosto sitten uudelleen."
        )
        % values
    )
