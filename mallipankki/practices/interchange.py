"""The one mapping between the interchange format and PracticePage.

`practice_to_record` is used by export, the API and the feeds;
`apply_record`/`upsert_practice` by import and the demo content. Keeping both
directions here is what makes an export re-importable into an identical
instance.

Conventions of the mapping:
- empty values are left out of a record (no empty strings, lists or objects);
- code lists (themes, target groups, countries, regions) are sets and are
  written in vocabulary order;
- timestamps are written in UTC with a trailing Z.
"""

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published

from mallipankki.vocabularies.models import Country, Region, TargetGroup, Theme

from .models import LANGS, Adoption, BuildsOnLink, Funding, Organisation, PracticePage, Resource

# Text dicts of the format and the model field prefix that stores them.
TEXT_FIELDS = {"name": "name", "summary": "summary", "description": "description"}
VOCABULARY_FIELDS = {"themes": Theme, "target_groups": TargetGroup, "countries": Country, "regions": Region}
CONTACT_FIELDS = ("name", "organisation", "email", "phone")


# --- model -> record ---------------------------------------------------------


def text_of(obj, prefix: str) -> dict[str, str]:
    return {lang: value for lang in LANGS if (value := getattr(obj, f"{prefix}_{lang}", ""))}


def format_datetime(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def format_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# export_queryset loads the relations that practice_to_record reads as plain
# lists on each page (of a vocabulary, its codes), named EXPORTED +
# relation, in one query per relation for all the pages of a fetch. Django's
# prefetch into the related managers builds a queryset for every page and
# relation: most of an export's time, for lists that are only read.
EXPORTED = "exported_"
# Of each child, the values the records read, as attributes of a _Row:
# building a model instance per child was more than a third of an export's
# CPU time. Each relation: the children, the values read, and what makes of
# a row what the records read of its model instance besides its values.


class _Row:
    """A child's values as attributes, as its model instance has them."""

    def __init__(self, values: dict):
        self.__dict__.update(values)


class _ResourceRow(_Row):
    def absolute_url(self) -> str:
        return Resource.absolute_url(self)


def _adoption_codes(rows: list[_Row]) -> None:
    for row in rows:
        row.country = _Row({"code": row.country__code}) if row.country_id is not None else None
        row.region = _Row({"code": row.region__code}) if row.region_id is not None else None


def _link_targets(rows: list[_Row]) -> None:
    for row in rows:
        row.target = _Row({"slug": row.target__slug, "live": row.target__live})


def _resource_documents(rows: list[_Row]) -> None:
    from wagtail.documents import get_document_model

    ids = {row.document_id for row in rows if row.document_id is not None}
    documents = get_document_model().objects.in_bulk(ids) if ids else {}
    for row in rows:
        row.__class__ = _ResourceRow
        row.document = documents.get(row.document_id)


CHILD_RELATIONS = {
    "organisations": (Organisation.objects.all(), ["name", "role", "url"], None),
    "funding": (Funding.objects.all(), ["programme", "project_code", "project_name", "start", "end"], None),
    "resources": (
        Resource.objects.all(),
        ["kind", *(f"title_{lang}" for lang in LANGS), "url", "language", "document_id"],
        _resource_documents,
    ),
    "builds_on_links": (BuildsOnLink.objects.all(), ["target_id", "target__slug", "target__live"], _link_targets),
    "adoptions": (
        Adoption.objects.all(),
        ["organisation", "country_id", "country__code", "region_id", "region__code", "year", "note"],
        _adoption_codes,
    ),
}


def _related(page: PracticePage, relation: str) -> list:
    loaded = getattr(page, EXPORTED + relation, None)
    return loaded if loaded is not None else list(getattr(page, relation).all())


def owned_by(model, column: str, ids: list[int]) -> RawSQL:
    """``model.column IN ids`` as a filter. Django's ``column__in`` prepares
    each value through the field, a noticeable part of an export's time;
    these ids come from the database. On PostgreSQL one array parameter
    (``= ANY``): psycopg splits a statement at every placeholder, and a
    list of hundreds of them cost more than the query."""
    quote = connection.ops.quote_name
    column_sql = f"{quote(model._meta.db_table)}.{quote(column)}"
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL(f"{column_sql} = ANY(%s)", [ids], output_field=BooleanField())  # noqa: S611 (names from the models, values as parameters)
    placeholders = ", ".join(["%s"] * len(ids))
    return RawSQL(f"{column_sql} IN ({placeholders})", ids, output_field=BooleanField())  # noqa: S611 (names from the models, values as parameters)


def load_export_relations(pages: list[PracticePage]) -> None:
    """Set the EXPORTED lists of every relation on ``pages``."""
    if not pages:
        return
    ids = [page.pk for page in pages]
    loaded: dict[str, dict[int, list]] = {}
    for relation, model in VOCABULARY_FIELDS.items():
        # Of a vocabulary only the codes, in vocabulary order (term_order).
        through = PracticePage._meta.get_field(relation).remote_field.through
        source, target = f"{PracticePage._meta.model_name}_id", model._meta.model_name
        order = [f"{target}__code"] if model is Country else [f"{target}__sort_order", f"{target}__code"]
        rows = loaded[relation] = {}
        pairs = through.objects.filter(owned_by(through, source, ids)).order_by(source, *order)
        for page_id, code in pairs.values_list(source, f"{target}__code"):
            rows.setdefault(page_id, []).append(code)
    for relation, (children, names, finish) in CHILD_RELATIONS.items():
        rows = loaded[relation] = {}
        # Orderables: in their sort order, as the page's own manager gives them.
        owned = owned_by(children.model, "practice_id", ids)
        queryset = children.filter(owned).order_by("practice_id", "sort_order", "pk")
        every = []
        for practice_id, *values in queryset.values_list("practice_id", *names):
            row = _Row(dict(zip(names, values, strict=True)))
            every.append(row)
            rows.setdefault(practice_id, []).append(row)
        if finish is not None:
            finish(every)
    for page in pages:
        for relation, rows in loaded.items():
            setattr(page, EXPORTED + relation, rows.get(page.pk, []))


class _ExportIterable(ModelIterable):
    def __iter__(self):
        pages = list(super().__iter__())
        load_export_relations(pages)
        yield from pages


def _compact(mapping: dict) -> dict:
    return {key: value for key, value in mapping.items() if value not in (None, "", [], {})}


def practice_to_record(page: PracticePage, *, include_private: bool = False, public: bool = False) -> dict:
    """The practice in the interchange shape.

    Expects the relations prefetched (see `export_queryset`) when called in
    a loop. Contact details are personal data: they are included only when
    the practice marks them public or the caller asks for private data.
    `public` is for the open data: `builds_on` then names only live
    practices, so that a draft's id never leaks through a published one.
    """
    record = {"id": page.slug, **_texts_and_codes(page)}
    record["keywords"] = page.keyword_list
    record["organisations"] = [
        _compact({"name": org.name, "role": org.role, "url": org.url}) for org in _related(page, "organisations")
    ]
    record["funding"] = [
        _compact(
            {
                "programme": item.programme,
                "project_code": item.project_code,
                "project_name": item.project_name,
                "start": item.start.isoformat() if item.start else None,
                "end": item.end.isoformat() if item.end else None,
            }
        )
        for item in _related(page, "funding")
    ]
    record["resources"] = [
        _compact(
            {
                "type": resource.kind,
                "title": text_of(resource, "title"),
                "url": resource.absolute_url(),
                "language": resource.language,
            }
        )
        for resource in _related(page, "resources")
    ]
    record["evidence"] = _compact(
        {
            "level": page.evidence_level,
            "summary": text_of(page, "evidence_summary"),
            "sources": page.evidence_source_list,
        }
    )
    record["readiness"] = _compact(
        {
            "materials": page.readiness_materials,
            "training": page.readiness_training,
            "fidelity": page.readiness_fidelity,
        }
    )
    record["costs"] = _compact(
        {
            "per_participant_eur": (
                format_number(page.cost_per_participant_eur) if page.cost_per_participant_eur is not None else None
            ),
            "notes": text_of(page, "cost_notes"),
        }
    )
    record["scaling"] = _compact(
        {
            "stage": page.scaling_stage,
            "continuity_owner": page.continuity_owner,
            "continuity_funding": page.continuity_funding,
            "plan": text_of(page, "scaling_plan"),
            "status": page.continuity_status,
            "last_verified": page.continuity_verified_on.isoformat() if page.continuity_verified_on else None,
        }
    )
    record["builds_on"] = [
        link.target.slug for link in _related(page, "builds_on_links") if link.target.live or not public
    ]
    record["adoptions"] = [
        _compact(
            {
                "organisation": adoption.organisation,
                "country": adoption.country.code if adoption.country_id else None,
                "region": adoption.region.code if adoption.region_id else None,
                "year": adoption.year,
                "note": adoption.note,
            }
        )
        for adoption in _related(page, "adoptions")
    ]
    contact = _compact({field: getattr(page, f"contact_{field}") for field in CONTACT_FIELDS})
    if contact and (include_private or page.contact_public):
        record["contact"] = {**contact, "public": page.contact_public}
    record["status"] = PracticePage.Status.PUBLISHED if page.live else _unpublished_status(page.status)
    record["published_at"] = format_datetime(page.first_published_at)
    record["updated_at"] = format_datetime(page.updated_at)
    return _compact(record)


def _texts_and_codes(page: PracticePage) -> dict:
    """The name, summary and description, and the vocabulary codes, of both record shapes."""
    record = {key: text_of(page, prefix) for key, prefix in TEXT_FIELDS.items()}
    if not record["name"]:
        record["name"] = {"fi": page.title}
    for key in VOCABULARY_FIELDS:
        codes = getattr(page, EXPORTED + key, None)
        if codes is None:
            codes = [term.code for term in sorted(getattr(page, key).all(), key=term_order)]
        record[key] = codes
    return record


def search_record(page: PracticePage) -> dict:
    """The values of `practice_to_record` that the search index reads
    (search.indexing.document_entry), in the same shape and order.

    An import or a rebuild makes one for every practice; the whole record
    costs three times as much. A test holds the index entries made from
    both equal.
    """
    record = _texts_and_codes(page)
    record["keywords"] = page.keyword_list
    record["organisations"] = [{"name": org.name} for org in _related(page, "organisations")]
    record["funding"] = [_compact({"project_code": item.project_code}) for item in _related(page, "funding")]
    record["resources"] = [
        _compact({"type": resource.kind, "title": text_of(resource, "title")})
        for resource in _related(page, "resources")
    ]
    record["evidence"] = _compact({"level": page.evidence_level})
    record["scaling"] = _compact({"stage": page.scaling_stage, "status": page.continuity_status})
    # Only whether there are any counts (the "has adoptions" facet).
    record["adoptions"] = [{} for _adoption in _related(page, "adoptions")]
    record["published_at"] = format_datetime(page.first_published_at)
    return _compact(record)


def _unpublished_status(status: str) -> str:
    # A page taken offline in the admin still says "published" in its field.
    return PracticePage.Status.DRAFT if status == PracticePage.Status.PUBLISHED else status


def term_order(term):
    """The key that lists a practice's vocabulary terms in their record order."""
    return (term.sort_order, term.code) if not isinstance(term, Country) else (0, term.code)


def export_queryset(queryset=None):
    """Practices with every relation the record needs, in a stable order."""
    queryset = PracticePage.objects.all() if queryset is None else queryset
    queryset = queryset.order_by("path")
    # Every fetch of the queryset (and of its slices and copies) loads the
    # relations of the pages it returns.
    queryset._iterable_class = _ExportIterable
    return queryset


# --- record -> model ---------------------------------------------------------


class VocabularyIndex:
    """Code -> object lookups, loaded once per import."""

    def __init__(self):
        self.by_kind = {
            key: {term.code: term for term in model.objects.all()} for key, model in VOCABULARY_FIELDS.items()
        }

    def get(self, kind: str, code: str):
        return self.by_kind[kind].get(code)


def _texts(prefix: str, text: dict | None) -> dict[str, str]:
    text = text or {}
    return {name: text.get(lang, "") for lang, name in _text_names(prefix)}


@functools.cache
def _text_names(prefix: str) -> list[tuple[str, str]]:
    return [(lang, f"{prefix}_{lang}") for lang in LANGS]


# The child relations a record fills, with their model.
RECORD_CHILDREN = {
    "organisations": Organisation,
    "funding": Funding,
    "resources": Resource,
    "adoptions": Adoption,
}


@dataclass
class RecordValues:
    """What a record sets on a practice, as plain values: `fields` by
    attribute name, `terms` (vocabulary objects) by relation and `children`
    (each a dict of attribute names) by child relation. builds_on is not
    among them: it is linked separately."""

    fields: dict[str, Any]
    terms: dict[str, list]
    children: dict[str, list[dict[str, Any]]]


def record_values(record: dict, vocabularies: VocabularyIndex) -> RecordValues:
    """The values of a valid record (see imports.validation.validate_file) as the model stores them.

    apply_record sets them on a page; imports.bulk_write writes them as rows.
    """
    name = record["name"]
    evidence = record.get("evidence", {})
    readiness = record.get("readiness", {})
    costs = record.get("costs", {})
    cost = costs.get("per_participant_eur")
    scaling = record.get("scaling", {})
    contact = record.get("contact", {})
    fields = {
        "title": name.get("fi") or name.get("en") or name.get("sv"),
        "slug": record["id"],
        **{
            key: value
            for text, prefix in TEXT_FIELDS.items()
            for key, value in _texts(prefix, record.get(text)).items()
        },
        "keywords": "\n".join(record.get("keywords", [])),
        "evidence_level": evidence.get("level"),
        **_texts("evidence_summary", evidence.get("summary")),
        "evidence_sources": "\n".join(evidence.get("sources", [])),
        "readiness_materials": readiness.get("materials"),
        "readiness_training": readiness.get("training"),
        "readiness_fidelity": readiness.get("fidelity"),
        "cost_per_participant_eur": Decimal(str(cost)) if cost is not None else None,
        **_texts("cost_notes", costs.get("notes")),
        "scaling_stage": scaling.get("stage", ""),
        "continuity_owner": scaling.get("continuity_owner", ""),
        "continuity_funding": scaling.get("continuity_funding", ""),
        **_texts("scaling_plan", scaling.get("plan")),
        "continuity_status": scaling.get("status", ""),
        "continuity_verified_on": parse_date(scaling["last_verified"]) if scaling.get("last_verified") else None,
        **{f"contact_{field}": contact.get(field, "") for field in CONTACT_FIELDS},
        "contact_public": bool(contact.get("public", False)),
        "status": record.get("status", PracticePage.Status.PUBLISHED),
        "content_updated_at": parse_datetime(record["updated_at"]) if record.get("updated_at") else None,
    }
    # Without a date in the record, a page keeps the one it has.
    if record.get("published_at"):
        fields["first_published_at"] = parse_datetime(record["published_at"])
    terms = {key: [vocabularies.get(key, code) for code in record.get(key, [])] for key in VOCABULARY_FIELDS}
    # Orderables keep the record's order only through an explicit sort_order:
    # modelcluster does not number a plain list, and PostgreSQL returns ties in
    # any order.
    children = {
        "organisations": [
            {"sort_order": position, "name": org["name"], "role": org["role"], "url": org.get("url", "")}
            for position, org in enumerate(record.get("organisations", []))
        ],
        "funding": [
            {
                "sort_order": position,
                "programme": item["programme"],
                "project_code": item.get("project_code", ""),
                "project_name": item.get("project_name", ""),
                "start": parse_date(item["start"]) if item.get("start") else None,
                "end": parse_date(item["end"]) if item.get("end") else None,
            }
            for position, item in enumerate(record.get("funding", []))
        ],
        "resources": [
            {
                "sort_order": position,
                "kind": item["type"],
                "url": item["url"],
                "language": item.get("language", ""),
                **_texts("title", item["title"]),
            }
            for position, item in enumerate(record.get("resources", []))
        ],
        "adoptions": [
            {
                "sort_order": position,
                "organisation": item["organisation"],
                "country_id": _term_id(vocabularies, "countries", item.get("country")),
                "region_id": _term_id(vocabularies, "regions", item.get("region")),
                "year": item.get("year"),
                "note": item.get("note", ""),
            }
            for position, item in enumerate(record.get("adoptions", []))
        ],
    }
    return RecordValues(fields, terms, children)


def _term_id(vocabularies: VocabularyIndex, kind: str, code: str | None) -> int | None:
    return vocabularies.get(kind, code).pk if code else None


def apply_record(page: PracticePage, record: dict, vocabularies: VocabularyIndex) -> None:
    """Sets every field of `page` from `record`; builds_on is linked separately.

    The record must already be valid (see imports.validation.validate_file).
    """
    values = record_values(record, vocabularies)
    for name, value in values.fields.items():
        setattr(page, name, value)
    for key, terms in values.terms.items():
        getattr(page, key).set(terms)
    for relation, model in RECORD_CHILDREN.items():
        setattr(page, relation, [model(**child) for child in values.children[relation]])


def lock_catalogue(index_page) -> None:
    """Holds the catalogue page's row until the transaction ends.

    Every new practice under the catalogue updates that row (its child count)
    and numbers its tree path after the last child's, so whoever holds the
    row adds children alone: an import holds it for its whole transaction,
    and a proposal arriving meanwhile waits for it (PostgreSQL's lock_timeout)
    instead of taking a path the import is about to write. On SQLite, where a
    transaction holds the one write lock from its start (BEGIN IMMEDIATE),
    this is a plain read.
    """
    Page.objects.select_for_update().filter(pk=index_page.pk).values_list("pk").first()


def upsert_practice(
    index_page,
    record: dict,
    *,
    user=None,
    vocabularies: VocabularyIndex | None = None,
    known_pages: dict[str, PracticePage] | None = None,
):
    """Creates or updates the practice `record["id"]` under `index_page`.

    Returns (page, action) with action "created", "updated" or "unchanged".
    Every change is saved as a revision (logged, so the admin history shows
    the import); a record whose status is "published" goes live, any other
    status leaves a draft and takes a live page offline.

    builds_on targets are looked up in `known_pages` and then the database;
    when one does not exist yet, the links are left for `link_builds_on`,
    which runs once every record exists (ids kept on
    `page.interchange_builds_on`).
    """
    vocabularies = vocabularies or VocabularyIndex()
    publish = record.get("status", PracticePage.Status.PUBLISHED) == PracticePage.Status.PUBLISHED
    existing = PracticePage.objects.child_of(index_page).filter(slug=record["id"]).first()
    wanted_links = record.get("builds_on", [])

    if existing is not None:
        if record_is_unchanged(existing, record):
            existing.interchange_builds_on = []
            return existing, "unchanged"
        page = existing.get_latest_revision_as_object()
        action = "updated"
    else:
        page = PracticePage(live=False)
        action = "created"

    apply_record(page, record, vocabularies)
    targets = _resolve(wanted_links, known_pages or {})
    deferred = len(targets) < len(wanted_links)
    if not deferred:
        _set_links(page, targets)
    with transaction.atomic():
        if existing is None:
            lock_catalogue(index_page)
        if existing is None and publish:
            _create_published(index_page, page, user)
        else:
            if existing is None:
                index_page.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            if publish:
                revision.publish(user=user, log_action=True)
            elif existing is not None and existing.live:
                page.unpublish(user=user, log_action=True)
    # publish() and unpublish() write the database row, not this instance.
    page.refresh_from_db()
    page.interchange_builds_on = wanted_links if deferred else []
    return page, action


def record_is_unchanged(existing: PracticePage, record: dict) -> bool:
    """Whether importing `record` would leave the practice `existing` as it is."""
    publish = record.get("status", PracticePage.Status.PUBLISHED) == PracticePage.Status.PUBLISHED
    current = export_queryset(PracticePage.objects.filter(pk=existing.pk)).get()
    stored = practice_to_record(current, include_private=True)
    # Without timestamps in the record, the page's own ones stand.
    for key in ("published_at", "updated_at"):
        if key not in record:
            stored.pop(key, None)
    return stored == _normalised(record) and existing.live == publish


def _create_published(index_page, page: PracticePage, user):
    """Creates a new page live with its first revision as the live revision.

    The same end state as add_child + save_revision + publish, in about half
    the queries: a new page has no older revisions, workflow or schedule for
    publish() to reconcile, and its row already holds the revision's content,
    so publish()'s reload of the revision and second full save are skipped.
    The publish is logged and `page_published` is sent as publish() does.
    """
    now = timezone.now()
    page.live = True
    page.first_published_at = page.first_published_at or now
    page.last_published_at = now
    index_page.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True, clean=False)
    page.live_revision = revision
    page.has_unpublished_changes = False
    PracticePage.objects.filter(pk=page.pk).update(live_revision=revision, has_unpublished_changes=False)
    log(instance=page, action="wagtail.publish", user=user, revision=revision, content_changed=True)
    page_published.send(sender=PracticePage, instance=page, revision=revision)


def _resolve(ids: list[str], known_pages: dict) -> list[PracticePage]:
    found = {pid: known_pages[pid] for pid in ids if pid in known_pages}
    missing = [pid for pid in ids if pid not in found]
    if missing:
        found.update({page.slug: page for page in PracticePage.objects.filter(slug__in=missing)})
    return [found[pid] for pid in ids if pid in found]


def _set_links(page: PracticePage, targets: list[PracticePage]):
    # Adaptation notes belong to the link, not to the format: keep them for
    # targets that stay linked.
    notes = {link.target_id: link.adaptation_note for link in page.builds_on_links.all()}
    page.builds_on_links = [
        BuildsOnLink(target=target, adaptation_note=notes.get(target.pk, ""), sort_order=position)
        for position, target in enumerate(targets)
    ]


def link_builds_on(pages_by_id: dict[str, PracticePage], *, user=None) -> int:
    """Links the builds-on ids that `upsert_practice` had to defer.

    Runs after every record of an import exists; each page it changes gets a
    new revision (published again if it is live). Returns how many changed.
    """
    changed = 0
    for page in pages_by_id.values():
        wanted = getattr(page, "interchange_builds_on", [])
        if not wanted:
            continue
        latest = page.get_latest_revision_as_object()
        _set_links(latest, _resolve(wanted, pages_by_id))
        revision = latest.save_revision(user=user, log_action=True)
        if page.live:
            revision.publish(user=user, log_action=True)
        page.interchange_builds_on = []
        changed += 1
    return changed


def _normalised(record: dict) -> dict:
    """The record as practice_to_record would write it back."""
    normalised = dict(record)
    normalised.setdefault("status", PracticePage.Status.PUBLISHED)
    for key, model in VOCABULARY_FIELDS.items():
        if key in normalised:
            order = {term.code: term_order(term) for term in model.objects.filter(code__in=normalised[key])}
            normalised[key] = sorted(normalised[key], key=lambda code: order.get(code, (0, code)))
    costs = normalised.get("costs")
    if costs and "per_participant_eur" in costs:
        normalised["costs"] = {
            **costs,
            "per_participant_eur": format_number(Decimal(str(costs["per_participant_eur"]))),
        }
    for key in ("published_at", "updated_at"):
        if normalised.get(key):
            normalised[key] = format_datetime(parse_datetime(normalised[key]))
    if "contact" in normalised:
        contact = _compact({field: normalised["contact"].get(field) for field in CONTACT_FIELDS})
        normalised["contact"] = (
            {**contact, "public": bool(normalised["contact"].get("public", False))} if contact else {}
        )
    return _compact(
        {
            key: (_compact(value) if isinstance(value, dict) and key != "name" else value)
            for key, value in normalised.items()
        }
    )


def now_utc_string() -> str:
    return format_datetime(timezone.now())


def public_url(page: PracticePage) -> str:
    return settings.BASE_URL + page.url if page.url and page.url.startswith("/") else page.full_url or ""
