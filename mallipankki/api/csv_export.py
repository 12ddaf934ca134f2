"""The open-data CSV: one row per published practice, streamed.

The values come from `practice_to_record` (public view, no contact data), so
the CSV says exactly what the JSON export says, flattened. Practices are read
in chunks with keyset pagination on the tree path, each chunk with its
relations prefetched, so memory and per-chunk query count stay flat however
many practices there are.
"""

import csv
from collections.abc import Iterable, Iterator

from mallipankki.practices.interchange import export_queryset, practice_to_record, public_url

CHUNK_SIZE = 500
BOM = "\ufeff"
JOINER = "; "
# A spreadsheet treats a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = [
    "id",
    "name_fi",
    "name_sv",
    "name_en",
    "summary_fi",
    "themes",
    "target_groups",
    "countries",
    "regions",
    "keywords",
    "evidence_level",
    "readiness_total",
    "scaling_stage",
    "continuity_status",
    "continuity_owner",
    "organisations",
    "funding_programmes",
    "project_codes",
    "resource_urls",
    "url",
    "updated_at",
]


def iter_pages(queryset, chunk_size: int = CHUNK_SIZE) -> Iterator:
    """Every page of `queryset` in path order, fetched `chunk_size` at a time."""
    last_path = None
    while True:
        chunk_queryset = queryset if last_path is None else queryset.filter(path__gt=last_path)
        chunk = list(export_queryset(chunk_queryset)[:chunk_size])
        yield from chunk
        if len(chunk) < chunk_size:
            return
        last_path = chunk[-1].path


def safe_cell(value) -> str:
    """The cell as text, defused if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _join(values: Iterable) -> str:
    return JOINER.join(str(value) for value in values if value not in (None, ""))


def practice_row(page) -> list[str]:
    record = practice_to_record(page, public=True)
    name = record.get("name", {})
    evidence = record.get("evidence", {})
    readiness = record.get("readiness", {})
    scaling = record.get("scaling", {})
    funding = record.get("funding", [])
    values = {
        "id": record["id"],
        "name_fi": name.get("fi"),
        "name_sv": name.get("sv"),
        "name_en": name.get("en"),
        "summary_fi": record.get("summary", {}).get("fi"),
        "themes": _join(record.get("themes", [])),
        "target_groups": _join(record.get("target_groups", [])),
        "countries": _join(record.get("countries", [])),
        "regions": _join(record.get("regions", [])),
        "keywords": _join(record.get("keywords", [])),
        "evidence_level": evidence.get("level"),
        "readiness_total": sum(readiness.values()) if readiness else None,
        "scaling_stage": scaling.get("stage"),
        "continuity_status": scaling.get("status"),
        "continuity_owner": scaling.get("continuity_owner"),
        "organisations": _join(org["name"] for org in record.get("organisations", [])),
        "funding_programmes": _join(item.get("programme") for item in funding),
        "project_codes": _join(item.get("project_code") for item in funding),
        "resource_urls": _join(resource.get("url") for resource in record.get("resources", [])),
        "url": public_url(page),
        "updated_at": record.get("updated_at"),
    }
    return [safe_cell(values[column]) for column in COLUMNS]


class _Echo:
    """A file-like object whose write() hands the line back to the caller."""

    def write(self, value: str) -> str:
        return value


def iter_export_csv(queryset) -> Iterator[str]:
    """The CSV text, a line at a time, starting with a UTF-8 byte order mark."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(COLUMNS)
    for page in iter_pages(queryset):
        yield writer.writerow(practice_row(page))
