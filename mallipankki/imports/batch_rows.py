"""The rows of new practices, built from their records without model instances.

bulk_write.BatchWriter writes a batch of new practices as the per-page
path (upsert_practice) would leave them. Building a PracticePage with its
orderables for each record, and serialising it again for its revision, cost
more than the database spent storing the rows. Here each record becomes
plain values (interchange.record_values, the mapping upsert_practice uses
too) and from those the rows of every table, the revision content that
`page.serializable_data()` would give, the log entries, the admin search
texts and the search record.

Ids are given, not returned by the database (bulk_write.IdReserver reserves
them), and so are the builds_on targets in the database: `build_batch`
needs no database, and can run in another process (batch_builder.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.encoding import is_protected_type
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelcluster.utils import sort_by_fields
from modelsearch.index import AutocompleteField, SearchField
from wagtail.models import Page, PageLogEntry, Revision

from mallipankki.core.bulk_sql import db_values
from mallipankki.practices.interchange import (
    EXPORTED,
    RECORD_CHILDREN,
    VOCABULARY_FIELDS,
    RecordValues,
    VocabularyIndex,
    record_values,
    search_record,
    term_order,
)
from mallipankki.practices.models import BuildsOnLink, PracticePage, lines

from .admin_index import entry_text_fields
from .tree_paths import child_path

# Child models in the order their rows are written.
ORDERABLES = (*RECORD_CHILDREN.values(), BuildsOnLink)
LINKS = "builds_on_links"


@dataclass
class BuildContext:
    """What every batch of one import shares."""

    now: dt.datetime
    user_id: int | None  # the importing user: revisions, edits and publishes
    creator_id: int | None  # the page's creation is logged as the log context's user
    log_uuid: uuid.UUID
    vocabularies: VocabularyIndex
    # Pages this import created, by slug: a worker process cannot see them
    # in the database before the import commits.
    created: dict[str, int] = field(default_factory=dict)


@dataclass
class Slot:
    """Where a batch goes: its ids, tree positions and known link targets (bulk_write.BatchWriter.plan)."""

    parent_path: str
    depth: int
    parent_url_path: str
    locale_id: int
    first_step: int
    page_ids: list[int]
    revision_ids: list[int]
    child_ids: dict[str, list[int]]  # by relation; builds_on links reserved for every wanted link
    targets: dict[str, int]  # builds_on targets in the database (targets_in_database)


@dataclass
class Built:
    """What the importer needs to know of a page built here."""

    pk: int
    slug: str
    live: bool
    # builds_on ids that were not in the database or earlier in the file;
    # linked by interchange.link_builds_on once every record exists.
    deferred_builds_on: list[str]


@dataclass
class BatchRows:
    """Everything a batch writes, by table, as (field names, rows of Python values)."""

    tables: list[tuple[type[models.Model] | str, list[str], list[list]]]  # a model, or its label once prepared
    admin_texts: list[tuple[str, list[str]]]  # (object id, the admin index's text fields)
    search_records: list[tuple[int, dict]]  # of the live pages
    built: list[Built]
    prepared: bool = False
    search_rows: Any = None  # the search records analysed already: search.indexing.EntryRows

    def prepare(self) -> None:
        """Converts every value as the database takes it (core.bulk_sql.db_values),
        and names each model by its label (an M2M through model cannot be
        pickled)."""
        if not self.prepared:
            self.tables = [
                (model._meta.label, names, db_values([model._meta.get_field(name) for name in names], rows))
                for model, names, rows in self.tables
            ]
            self.prepared = True


def child_counts(records: list[dict]) -> dict[str, int]:
    """How many ids of each child model a batch may need."""
    counts = {key: sum(len(record.get(key, [])) for record in records) for key in RECORD_CHILDREN}
    counts[LINKS] = sum(len(record.get("builds_on", [])) for record in records)
    return counts


def build_batch(records: list[dict], slot: Slot, context: BuildContext) -> BatchRows:
    """The rows of new practices for `records` (valid, with new ids) in `slot`."""
    layout = batch_layout()
    page_rows, child_rows, m2m_rows, revisions, logs, admin, searched, built = [], {}, {}, [], [], [], [], []
    child_ids = {key: iter(ids) for key, ids in slot.child_ids.items()}
    for position, record in enumerate(records):
        pk, revision_id = slot.page_ids[position], slot.revision_ids[position]
        values = record_values(record, context.vocabularies)
        row = page_row(values, slot, position, context, layout)
        live = row["live"]
        children = record_children(values, pk, layout)
        children[LINKS], deferred = builds_on_links(record.get("builds_on", []), pk, slot, context, layout)
        for key, items in children.items():
            for child in items:
                child["id"] = next(child_ids[key])
            child_rows.setdefault(key, []).extend(items)
        terms = term_ids(values, layout)
        for key, ids in terms.items():
            m2m_rows.setdefault(key, []).extend((pk, term_id) for term_id in ids)
        revisions.append(revision_row(row, children, terms, revision_id, context, layout))
        point_to_revision(row, revision_id, context.now)
        page_rows.append(row)
        logs += log_rows(row, revision_id, context, layout)
        admin.append((str(pk), [row[name] for name in layout.admin_fields]))
        if live:
            searched.append((pk, search_record(_as_page(row, children, values.terms))))
        built.append(Built(pk, row["slug"], live, deferred))
        context.created[row["slug"]] = pk
    return BatchRows(batch_tables(layout, page_rows, child_rows, m2m_rows, revisions, logs), admin, searched, built)


def page_row(values: RecordValues, slot: Slot, position: int, context: BuildContext, layout: BatchLayout) -> dict:
    """The Page and PracticePage values of the record at `position` in the batch, before its revision."""
    row = {**layout.page_defaults, **values.fields}
    row["translation_key"] = uuid.uuid4()
    row["id"] = row["page_ptr_id"] = slot.page_ids[position]
    row["draft_title"] = row["title"]
    # As in interchange's upsert_practice: published at once (a published
    # record) or add_child + save_revision (any other status).
    if row["status"] == PracticePage.Status.PUBLISHED:
        row["live"] = True
        row["first_published_at"] = row["first_published_at"] or context.now
        row["last_published_at"] = context.now
    row["path"] = child_path(slot.parent_path, slot.depth, slot.first_step + position)
    row["depth"] = slot.depth
    row["numchild"] = 0
    row["url_path"] = f"{slot.parent_url_path}{row['slug']}/"
    row["locale_id"] = slot.locale_id
    return row


def record_children(values: RecordValues, pk: int, layout: BatchLayout) -> dict[str, list[dict]]:
    """The orderables of the page `pk` from its record, by relation, without their ids."""
    return {
        key: [{**layout.child_defaults[key], **child, "practice_id": pk} for child in items]
        for key, items in values.children.items()
    }


def builds_on_links(
    wanted: list[str], pk: int, slot: Slot, context: BuildContext, layout: BatchLayout
) -> tuple[list[dict], list[str]]:
    """The builds_on link rows of the page `pk` (without ids), and the ids whose links must wait.

    Mirrors upsert_practice: the links are set now only when every target
    exists. A target exists when the record is written if it is in the
    database or was created earlier by this import: in earlier batches, or
    earlier in this one (`context.created` grows as the batch is built).
    Otherwise none is set now, and every wanted id is deferred.
    """
    linked = [slot.targets.get(slug) or context.created.get(slug) for slug in wanted]
    if not all(linked):
        return [], list(wanted)
    return [
        {**layout.child_defaults[LINKS], "sort_order": n, "practice_id": pk, "target_id": target}
        for n, target in enumerate(linked)
    ], []


def term_ids(values: RecordValues, layout: BatchLayout) -> dict[str, list[int]]:
    """The vocabulary term ids of each M2M relation, in the order modelcluster keeps them."""
    return {key: [term.pk for term in _in_model_order(values.terms[key])] for key in layout.m2m}


def revision_row(
    row: dict,
    children: dict[str, list[dict]],
    terms: dict[str, list[int]],
    revision_id: int,
    context: BuildContext,
    layout: BatchLayout,
) -> dict:
    """The page's revision, holding the page as the per-page path had it
    when it saved the revision: saved, not yet pointing to any revision
    (so call it before point_to_revision)."""
    content = _serialised(PracticePage, row)
    for key in layout.other_children:
        content[key] = []
    for key, model in layout.children:
        content[key] = [_serialised(model, child) for child in children[key]]
    content.update(terms)
    return {
        **layout.revision_defaults,
        "id": revision_id,
        "content_type_id": layout.practice_type,
        "base_content_type_id": layout.page_type,
        "object_id": str(row["id"]),
        "created_at": context.now,
        "user_id": context.user_id,
        "content": content,
        "object_str": row["title"],
    }


def point_to_revision(row: dict, revision_id: int, now: dt.datetime) -> None:
    """Makes the page row point to its revision, as latest and, when live, as live one."""
    row["latest_revision_id"] = revision_id
    row["latest_revision_created_at"] = now
    row["live_revision_id"] = revision_id if row["live"] else None
    row["has_unpublished_changes"] = not row["live"]


def log_rows(row: dict, revision_id: int, context: BuildContext, layout: BatchLayout) -> list[list]:
    """The page's log entries (LOG_COLUMNS), in the order the per-page path
    logs them, page by page, so that the history (newest first, then by id)
    reads the same."""
    label = row["draft_title"] or row["title"]
    steps = [("wagtail.create", None, context.creator_id), ("wagtail.edit", revision_id, context.user_id)]
    if row["live"]:
        steps.append(("wagtail.publish", revision_id, context.user_id))
    return [
        [layout.log_type, label, action, {}, context.now, context.log_uuid, user, revision, True, False, row["id"]]
        for action, revision, user in steps
    ]


def batch_tables(
    layout: BatchLayout,
    page_rows: list[dict],
    child_rows: dict[str, list[dict]],
    m2m_rows: dict[str, list[tuple[int, int]]],
    revisions: list[dict],
    logs: list[list],
) -> list[tuple[type[models.Model], list[str], list[list]]]:
    """The batch's rows by table, in the order they are written: (model, field names, rows)."""
    tables = [
        (Page, layout.page_columns, [[row[name] for name in layout.page_columns] for row in page_rows]),
        (PracticePage, layout.practice_columns, [[row[name] for name in layout.practice_columns] for row in page_rows]),
    ]
    for key, model in layout.children:
        columns = layout.child_columns[key]
        tables.append((model, columns, [[child[name] for name in columns] for child in child_rows.get(key, [])]))
    for key, (through, columns) in layout.m2m.items():
        tables.append((through, columns, m2m_rows.get(key, [])))
    columns = layout.revision_columns
    tables.append((Revision, columns, [[revision[name] for name in columns] for revision in revisions]))
    tables.append((PageLogEntry, LOG_COLUMNS, logs))
    return tables


LOG_COLUMNS = "content_type label action data timestamp uuid user revision content_changed deleted page".split()


def targets_in_database(records: list[dict], context: BuildContext) -> dict[str, int]:
    """slug -> id of the builds_on targets of `records` that the database has
    and that are not among `records` or the pages `context` knows."""
    batch = {record["id"] for record in records}
    wanted = {target for record in records for target in record.get("builds_on", [])}
    outside = [target for target in wanted if target not in batch and target not in context.created]
    return dict(PracticePage.objects.filter(slug__in=outside).values_list("slug", "pk")) if outside else {}


def _serialised(model, values: dict) -> dict:
    """`serializable_data()` of an instance of `model` with these attribute values."""
    content = {}
    for name, attname, kind in _serialised_attributes(model):
        value = values[attname]
        # Most values are strings, kept as they are by either kind.
        if kind == "plain" and type(value) not in _KEPT:
            value = value if is_protected_type(value) else str(value)
        elif kind == "date" and isinstance(value, dt.datetime):
            # As modelcluster's get_field_value has a datetime: in UTC.
            value = value.astimezone(dt.UTC)
        content[name] = value
    return content


_KEPT = {str, int, bool, type(None)}


@cache
def _serialised_attributes(model) -> list[tuple[str, str, str]]:
    return [(name, model_field.attname, kind) for name, model_field, kind in _serialised_fields(model)]


@cache
def _serialised_fields(model) -> list[tuple[str, models.Field, str]]:
    """(key, field, kind) in the order of modelcluster's get_serializable_data_for_fields."""
    pk_field = model._meta.pk
    while pk_field.remote_field and pk_field.remote_field.parent_link:
        pk_field = pk_field.remote_field.model._meta.pk
    fields = [("pk", pk_field)] + [(field.name, field) for field in model._meta.fields if field.serialize]
    return [(name, field, _kind(field)) for name, field in fields]


def _kind(field: models.Field) -> str:
    if field.remote_field is not None:
        return "relation"  # serialised as its id attribute
    methods = type(field)
    if (
        methods.pre_save is models.Field.pre_save
        and methods.value_to_string is models.Field.value_to_string
        and methods.value_from_object is models.Field.value_from_object
    ):
        return "plain"  # serialised as its attribute, or str() of it
    if isinstance(field, models.DateTimeField | models.DateField) and not (
        getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ):
        return "date"
    raise NotImplementedError(f"{field} is serialised in a way batch_rows does not know")


def _in_model_order(terms: list) -> list:
    """As modelcluster lists a relation that was set: in its model's ordering."""
    if len(terms) < 2 or not terms[0]._meta.ordering:
        return terms
    terms = list(terms)
    sort_by_fields(terms, terms[0]._meta.ordering)
    return terms


def _as_page(row: dict, children: dict[str, list[dict]], terms: dict[str, list]) -> _Attributes:
    """What search_record reads of a page, from the values it is built from."""
    values = {**row, "keyword_list": lines(row["keywords"])}
    for key, items in children.items():
        values[EXPORTED + key] = [_Attributes(child) for child in items]
    for key in VOCABULARY_FIELDS:
        values[EXPORTED + key] = [term.code for term in sorted(terms[key], key=term_order)]
    return _Attributes(values)


class _Attributes:
    """A dict's items as attributes (a namespace would copy them)."""

    __slots__ = ("_values",)

    def __init__(self, values: dict):
        self._values = values

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class BatchLayout:
    """What every batch's rows are built from: the tables' columns and defaults, read from the models once."""

    page_defaults: dict
    page_columns: list[str]
    practice_columns: list[str]
    children: list[tuple[str, type[models.Model]]]  # relation name, model; in serializable_data's order
    other_children: list[str]  # child relations a new page has none of (comments)
    child_columns: dict[str, list[str]]
    child_defaults: dict[str, dict]
    revision_defaults: dict
    m2m: dict[str, tuple[type[models.Model], list[str]]]
    revision_columns: list[str]
    admin_fields: list[str]
    practice_type: int
    page_type: int
    log_type: int


@cache
def batch_layout() -> BatchLayout:
    ours = {model._meta.get_field("practice").remote_field.related_name: model for model in ORDERABLES}
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(PracticePage)]
    m2m = {}
    for relation in get_all_child_m2m_relations(PracticePage):
        m2m[relation.name] = (
            relation.remote_field.through,
            [relation.m2m_field_name(), relation.m2m_reverse_field_name()],
        )
    return BatchLayout(
        page_defaults=_defaults(PracticePage(live=False)),
        page_columns=["id", *_columns(Page)],
        practice_columns=[field.attname for field in PracticePage._meta.local_concrete_fields],
        children=[(name, ours[name]) for name in relations if name in ours],
        other_children=[name for name in relations if name not in ours],
        child_columns={name: ["id", *_columns(model)] for name, model in ours.items()},
        child_defaults={name: _defaults(model()) for name, model in ours.items()},
        revision_defaults=_defaults(Revision()),
        m2m=m2m,
        revision_columns=["id", *_columns(Revision)],
        admin_fields=_admin_fields(),
        practice_type=ContentType.objects.get_for_model(PracticePage).pk,
        page_type=ContentType.objects.get_for_model(Page).pk,
        log_type=ContentType.objects.get_for_model(PracticePage, for_concrete_model=False).pk,
    )


def _defaults(blank: models.Model) -> dict:
    return {field.attname: getattr(blank, field.attname) for field in type(blank)._meta.concrete_fields}


def _columns(model) -> list[str]:
    """Attribute names of the model's concrete fields but its id (its parents' fields included)."""
    return [field.attname for field in model._meta.concrete_fields if not field.primary_key]


def _admin_fields() -> list[str]:
    """The attribute of each text field of the admin search index, in the order add_bulk reads them.

    Each must be a plain text column, whose prepared value is its text.
    """
    names = []
    for search_field in entry_text_fields(PracticePage.get_search_fields()):
        model_field = PracticePage._meta.get_field(search_field.field_name)
        if not isinstance(search_field, SearchField | AutocompleteField) or not isinstance(
            model_field, models.CharField | models.TextField
        ):
            raise NotImplementedError(f"the admin search field {search_field.field_name} is not a text column")
        names.append(model_field.attname)
    return names
