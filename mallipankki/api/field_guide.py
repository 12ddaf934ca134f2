"""What each field of the open data means, read from the interchange schema.

The open-data page's tables come from formats/practices-v1.schema.json rather
than from text typed twice: a field added to the schema appears on the page,
with the schema's own description. Where the schema has no description the
Finnish one in `field_texts` is used; `description_gaps` lists a field with
neither (the tests require none).
"""

import json
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.translation import gettext as _

from .csv_export import COLUMNS
from .field_texts import CSV_COLUMNS, FALLBACK_DESCRIPTIONS

SCHEMA_FILE = "practices-v1.schema.json"
# The schema's descriptions are written in English.
SCHEMA_LANGUAGE = "en"


@dataclass(frozen=True)
class Field:
    path: str  # dotted: "evidence.level"
    description: str
    description_lang: str  # "" when the text is in the page's language
    format: str
    required: bool

    @property
    def nested(self) -> bool:
        return "." in self.path


@dataclass(frozen=True)
class Column:
    name: str
    field: Field | None
    note: str


@cache
def load_schema() -> dict:
    with open(settings.PACKAGE_DIR / "formats" / SCHEMA_FILE, encoding="utf-8") as fp:
        return json.load(fp)


def _resolve(schema: dict, node: dict) -> dict:
    """`node` with a local $ref replaced by what it points to (its own keys win)."""
    ref = node.get("$ref")
    if not ref:
        return node
    target = schema
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return {**_resolve(schema, target), **{key: value for key, value in node.items() if key != "$ref"}}


def _ref_name(node: dict) -> str:
    return node.get("$ref", "").rsplit("/", 1)[-1]


def describe_format(schema: dict, node: dict) -> str:
    """The field's format in plain Finnish: what a value looks like."""
    ref = _ref_name(node)
    resolved = _resolve(schema, node)
    kind = resolved.get("type")
    if ref == "text":
        return _("teksti kielittäin (fi, sv, en)")
    if ref == "url":
        return _("www-osoite")
    if ref == "date" or resolved.get("format") == "date":
        return _("päivämäärä (VVVV-KK-PP)")
    if resolved.get("format") == "date-time":
        return _("aika (ISO 8601, UTC)")
    if resolved.get("format") == "email":
        return _("sähköpostiosoite")
    if "enum" in resolved:
        return _("yksi arvoista: %(values)s") % {"values": ", ".join(str(value) for value in resolved["enum"])}
    if kind == "array":
        items = resolved.get("items", {})
        if _resolve(schema, items).get("type") == "object":
            return _("luettelo, jonka kohdat kuvataan alla")
        return _("luettelo: %(item)s") % {"item": describe_format(schema, items)}
    if kind == "object":
        return _("ryhmä, jonka kentät kuvataan alla")
    if kind == "integer":
        if "minimum" in resolved and "maximum" in resolved:
            return _("kokonaisluku %(low)s–%(high)s") % {"low": resolved["minimum"], "high": resolved["maximum"]}
        return _("kokonaisluku")
    if kind == "number":
        return _("luku")
    if kind == "boolean":
        return _("tosi tai epätosi (true, false)")
    if ref == "code" or kind == "string" and "pattern" in resolved:
        return _("koodi")
    return _("teksti")


def _children(schema: dict, node: dict) -> tuple[dict, set]:
    """The properties of an object field, or of the objects in an array field."""
    resolved = _resolve(schema, node)
    if resolved.get("type") == "array":
        resolved = _resolve(schema, resolved.get("items", {}))
    if resolved.get("type") != "object":
        return {}, set()
    return resolved.get("properties", {}), set(resolved.get("required", []))


def schema_description(schema: dict, node: dict) -> str:
    """The schema's own description of a field, or ""."""
    if "description" in node:
        return node["description"]
    if _ref_name(node) in {"text", "code", "url", "date", "lang"}:
        return ""  # e.g. "Text in one or more languages": says nothing of this field
    return _resolve(schema, node).get("description", "")


def _field(schema: dict, path: str, node: dict, required: bool) -> Field:
    description, lang = schema_description(schema, node), SCHEMA_LANGUAGE
    if not description:
        # Missing from both is a gap the tests catch; the page then shows an empty cell.
        description, lang = str(FALLBACK_DESCRIPTIONS.get(path, "")), ""
    return Field(path, description, lang, describe_format(schema, node), required)


def _schema_nodes(schema: dict):
    """(dotted path, node, required) for every field of a practice, each object's fields after it."""
    practice = schema["$defs"]["practice"]
    required = set(practice.get("required", []))
    for name, node in practice["properties"].items():
        yield name, node, name in required
        properties, nested_required = _children(schema, node)
        for child, child_node in properties.items():
            yield f"{name}.{child}", child_node, child in nested_required


def practice_fields(schema: dict | None = None) -> list[Field]:
    schema = schema or load_schema()
    return [_field(schema, path, node, required) for path, node, required in _schema_nodes(schema)]


def description_gaps(schema: dict | None = None) -> dict[str, list[str]]:
    """What keeps the schema the one source of truth: fields described
    nowhere ("missing"), Finnish texts for fields the schema describes
    ("shadowed") and texts for fields it does not have ("unknown")."""
    schema = schema or load_schema()
    described = {path: bool(schema_description(schema, node)) for path, node, _ in _schema_nodes(schema)}
    return {
        "missing": [path for path, has in described.items() if not has and path not in FALLBACK_DESCRIPTIONS],
        "shadowed": [path for path in FALLBACK_DESCRIPTIONS if described.get(path)],
        "unknown": [path for path in FALLBACK_DESCRIPTIONS if path not in described],
    }


def csv_columns(schema: dict | None = None) -> list[Column]:
    """The CSV's columns in file order, each with the field it comes from."""
    by_path = {field.path: field for field in practice_fields(schema)}
    columns = []
    for name in COLUMNS:
        source, note = CSV_COLUMNS[name]
        columns.append(Column(name, by_path[source] if source else None, str(note)))
    return columns
