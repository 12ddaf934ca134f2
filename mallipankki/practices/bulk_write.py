"""Creating many new practices at once, with the end state of the per-page path.

`upsert_practice` creates a practice through Wagtail: add_child (a treebeard
path, the Page and PracticePage rows, orderables and M2M rows), a revision,
an edit log entry, a publish. That is some twenty statements per practice, a
few records a second. An import of thousands of new records goes through
`create_practices` instead, which writes the same rows for a whole batch in a
few statements per table:

1. tree paths for the index page's new children in one go (the parent's
   `numchild` bumped once), as treebeard's add_child would number them;
2. Page rows, then the PracticePage rows with `page_ptr_id` set to the ids
   the Page rows got (Django refuses `bulk_create` for multi-table
   inheritance);
3. orderables and M2M through rows;
4. one Revision per page holding `serializable_data()` of the page as it was
   when the per-page path saved its revision, so the admin history, compare
   and revert treat it like any other; then latest/live revision set;
5. the log entries the per-page path writes ("wagtail.create", "wagtail.edit"
   and, when it goes live, "wagtail.publish");
6. the public search index rows of the live ones, from `document_entry`;
7. Wagtail's own search index (the admin's page search), from the pages in
   memory, which the per-page path would read again after the import
   (admin_index.py).

Rows are written with `insert_rows`: plain multi-row INSERTs, without the
query compiler that makes bulk_create slower than the database.

What it does not do, on purpose: send `page_published` per page (the only
receivers are the search index, written here in bulk, and proposals, which a
new page has none of) and refresh Wagtail's reference index, which the
importer defers for both paths alike (see importer.bulk_import_mode).

The parity with the per-page path is a test: tests/test_bulk_write.py imports
one file both ways and compares every practice, revision, log entry, the tree
and the search index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import F
from django.utils import timezone
from django.utils.encoding import is_protected_type
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations, get_field_value
from treebeard.exceptions import PathOverflow
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from .interchange import VocabularyIndex, _set_links, apply_record, search_record
from .models import Adoption, BuildsOnLink, Funding, Organisation, PracticePage, Resource

ORDERABLES = (Organisation, Funding, Resource, Adoption, BuildsOnLink)


@dataclass
class Created:
    """What the importer needs to know of a page created here."""

    pk: int
    slug: str
    live: bool
    # builds_on ids that were not in the database or earlier in the file;
    # linked by interchange.link_builds_on once every record exists.
    deferred_builds_on: list[str] = field(default_factory=list)


def create_practices(
    index_page,
    records: list[dict],
    *,
    user=None,
    vocabularies: VocabularyIndex | None = None,
    pending_entries,
) -> list[Created]:
    """Creates one practice per record under `index_page`, none of which exist yet.

    The records must be valid and their ids new under the index page (the
    importer checks both). `index_page` is updated in memory (numchild) so
    that it can be used for per-page creates afterwards. The search rows
    go to ``pending_entries`` (a search.entry_pool.PendingEntries), which
    writes them when it is flushed or next added to.
    """
    if not records:
        return []
    vocabularies = vocabularies or VocabularyIndex()
    now = timezone.now()
    pages = [_page_from(record, vocabularies, now) for record in records]
    deferred = _link_known_targets(pages, records)
    _assign_tree_positions(index_page, pages)

    insert_instances(Page, pages)
    for page in pages:
        page.page_ptr_id = page.id
    _insert_child_rows(pages)
    _insert_relations(pages)

    revisions = _insert_revisions(pages, user, now)
    _point_to_revisions(pages, revisions)
    _insert_log_entries(pages, revisions, user, now)
    index_new_practices(index_page, [page for page in pages if page.live], pending_entries)
    index_for_admin(pages)
    return [
        Created(pk=page.pk, slug=page.slug, live=page.live, deferred_builds_on=wanted)
        for page, wanted in zip(pages, deferred, strict=True)
    ]


# --- building the pages in memory ---------------------------------------------


def _page_from(record: dict, vocabularies: VocabularyIndex, now) -> PracticePage:
    page = PracticePage(live=False)
    apply_record(page, record, vocabularies)
    page.draft_title = page.title
    # As in interchange._create_published (a published record) or
    # add_child + save_revision (any other status).
    if record.get("status", PracticePage.Status.PUBLISHED) == PracticePage.Status.PUBLISHED:
        page.live = True
        page.first_published_at = page.first_published_at or now
        page.last_published_at = now
    # A new page has no comments (nor other children from other apps): say
    # so, so that serializable_data() does not ask the database for each page.
    for name in _other_child_relations():
        setattr(page, name, [])
    return page


@cache
def _other_child_relations() -> list[str]:
    ours = {model._meta.get_field("practice").remote_field.related_name for model in ORDERABLES}
    names = [relation.get_accessor_name() for relation in get_all_child_relations(PracticePage)]
    return [name for name in names if name not in ours]


def _link_known_targets(pages: list[PracticePage], records: list[dict]) -> list[list[str]]:
    """Sets builds_on links whose targets exist already; returns the rest per page.

    Mirrors upsert_practice: a target counts as existing when it is in the
    database or earlier in the file (here: earlier in this batch), and a page
    with any other target gets its links only in link_builds_on, all at once.
    """
    wanted_by_page = [record.get("builds_on", []) for record in records]
    position = {page.slug: number for number, page in enumerate(pages)}
    outside = {pid for wanted in wanted_by_page for pid in wanted if pid not in position}
    in_database = {page.slug: page for page in PracticePage.objects.filter(slug__in=outside).only("pk", "slug")}
    deferred = []
    for number, (page, wanted) in enumerate(zip(pages, wanted_by_page, strict=True)):
        known = {}
        for pid in wanted:
            if pid in in_database:
                known[pid] = in_database[pid]
            elif position.get(pid, number) < number:
                known[pid] = pages[position[pid]]
        if len(known) == len(wanted):
            _set_links(page, [known[pid] for pid in wanted])
            deferred.append([])
        else:
            deferred.append(list(wanted))
    return deferred


def _assign_tree_positions(index_page, pages: list[PracticePage]) -> None:
    """Numbers the pages as treebeard's add_child would, one after the other."""
    index_page.refresh_from_db(fields=["path", "depth", "numchild", "url_path", "locale"])
    depth = index_page.depth + 1
    last = (
        Page.objects.filter(path__startswith=index_page.path, depth=depth)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = PracticePage._str2int(last[-PracticePage.steplen :]) if last else 0
    if len(PracticePage._int2str(step + len(pages))) > PracticePage.steplen:
        raise PathOverflow(f"no room for {len(pages)} more pages under {index_page.path}")
    for page in pages:
        step += 1
        page.depth = depth
        page.path = PracticePage._get_path(index_page.path, depth, step)
        page.numchild = 0
        page.url_path = index_page.url_path + page.slug + "/"
        page.locale_id = index_page.locale_id
    Page.objects.filter(pk=index_page.pk).update(numchild=F("numchild") + len(pages))
    index_page.numchild += len(pages)


# --- writing the rows -----------------------------------------------------------


def _insert_child_rows(pages: list[PracticePage]) -> None:
    """INSERTs the practices_practicepage rows of pages whose Page rows exist.

    What Model.save_base() does for the child table of a multi-table model
    once the parent row has its id: PracticePage's own columns, `page_ptr_id`
    among them (Django refuses bulk_create for multi-table inheritance).
    """
    fields = PracticePage._meta.local_concrete_fields
    insert_rows(
        PracticePage,
        [field.name for field in fields],
        [[getattr(page, field.attname) for field in fields] for page in pages],
    )


def _insert_relations(pages: list[PracticePage]) -> None:
    for model in ORDERABLES:
        name = model._meta.get_field("practice").remote_field.related_name
        children = []
        for page in pages:
            for child in getattr(page, name).all():
                child.practice_id = page.pk
                if isinstance(child, BuildsOnLink):
                    # Assigned again now that a target from this batch has
                    # its id (assigning target_id would drop the cached target).
                    child.target = child.target
                children.append(child)
        insert_instances(model, children)
    for m2m in get_all_child_m2m_relations(PracticePage):
        through = m2m.remote_field.through
        insert_rows(
            through,
            [m2m.m2m_field_name(), m2m.m2m_reverse_field_name()],
            [(page.pk, term.pk) for page in pages for term in getattr(page, m2m.name).all()],
        )


def _insert_revisions(pages: list[PracticePage], user, now) -> list[Revision]:
    practice_type = ContentType.objects.get_for_model(PracticePage)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = [
        # The content is the page as the per-page path had it when it saved
        # the revision: saved, not yet pointing to any revision.
        Revision(
            content_type=practice_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=now,
            user=user,
            content=revision_content(page),
            object_str=str(page),
        )
        for page in pages
    ]
    insert_instances(Revision, revisions)
    return revisions


def revision_content(page: PracticePage) -> dict:
    """What `page.serializable_data()` returns, the content of a revision, in a third of the time.

    modelcluster looks up the model's fields and relations again for each
    page and child and goes through `pre_save` and `value_to_string` for each
    value; here the lookups are done once per model (`_serialised_fields`),
    and a field that keeps Django's own `pre_save` and `value_to_string`
    gives its value as those would. A test compares the two.
    """
    content = _serialised(page)
    for relation in _child_relations(type(page)):
        name = relation.get_accessor_name()
        children = getattr(page, name).all()
        if hasattr(relation.related_model, "serializable_data"):
            content[name] = [child.serializable_data() for child in children]
        else:
            content[name] = [_serialised(child) for child in children]
    for m2m in _child_m2m_fields(type(page)):
        content[m2m.name] = [item.pk for item in getattr(page, m2m.name).all()]
    return content


def _serialised(obj) -> dict:
    content = {}
    for name, model_field, kind in _serialised_fields(type(obj)):
        if kind == "relation":
            content[name] = getattr(obj, model_field.attname)
        elif kind == "plain":
            value = getattr(obj, model_field.attname)
            content[name] = value if is_protected_type(value) else str(value)
        else:
            content[name] = get_field_value(model_field, obj)
    return content


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
    return "other"


@cache
def _child_relations(model) -> list:
    return get_all_child_relations(model)


@cache
def _child_m2m_fields(model) -> list:
    return [field for field in get_all_child_m2m_relations(model) if field.serialize]


def _point_to_revisions(pages: list[PracticePage], revisions: list[Revision]) -> None:
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        page.live_revision = revision if page.live else None
        # save_revision marks unpublished changes; publishing clears them.
        page.has_unpublished_changes = not page.live
    names = ["latest_revision", "latest_revision_created_at", "live_revision", "has_unpublished_changes"]
    fields = [Page._meta.get_field(name) for name in names]
    update_rows(Page, names, [[getattr(page, field.attname) for field in fields] + [page.pk] for page in pages])


def _insert_log_entries(pages: list[PracticePage], revisions: list[Revision], user, now) -> None:
    context = get_active_log_context()
    # Page.save() logs the creation as the page's owner (none for imported
    # pages) and the revision and publish as the importing user.
    creator = context.user.pk if context.user else None
    actor = user.pk if user else creator
    practice_type = ContentType.objects.get_for_model(PracticePage, for_concrete_model=False).pk
    rows = []
    # In the order the per-page path writes them, page by page, so that the
    # history (newest first, then by id) reads the same.
    for page, revision in zip(pages, revisions, strict=True):
        label = page.get_admin_display_title()
        steps = [("wagtail.create", None, creator), ("wagtail.edit", revision.pk, actor)]
        if page.live:
            steps.append(("wagtail.publish", revision.pk, actor))
        for action, revision_id, user_id in steps:
            rows.append(
                (practice_type, label, action, {}, now, context.uuid, user_id, revision_id, True, False, page.pk)
            )
    insert_rows(
        PageLogEntry,
        "content_type label action data timestamp uuid user revision content_changed deleted page".split(),
        rows,
    )


# Fields whose values the database drivers take as they are; every other
# kind (dates, JSON, UUIDs, decimals) goes through get_db_prep_save.
_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def insert_instances(model, objs: list) -> None:
    """INSERTs a row of `model`'s table for each of `objs` and gives each its new id.

    The row holds every column of `model` (and of its parents) but the id,
    read from the object. For a page, `model` is Page: the row of the
    wagtailcore_page table, whose id the page's own row then points to.
    """
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    ids = insert_rows(
        model,
        [field.name for field in fields],
        [[getattr(obj, field.attname) for field in fields] for obj in objs],
        returning=True,
    )
    for obj, pk in zip(objs, ids, strict=True):
        setattr(obj, model._meta.pk.attname, pk)
        obj._state.adding = False


def insert_rows(model, names: list[str], rows: list, *, returning: bool = False) -> list[int] | None:
    """A plain INSERT of `rows` (values in the order of the fields `names`).

    No model instances and no query compiler: Django's bulk_create spends
    more time preparing each value of each row than the database spends
    storing them. Values are converted as Model.save() converts them
    (get_db_prep_save), except where the driver takes the Python value
    itself. With `returning`, the new rows' ids in the order of `rows`, as
    bulk_create gets them (INSERT ... RETURNING, which keeps that order).
    """
    if not rows:
        return [] if returning else None
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    # Names from the model, values as parameters.
    insert = "INSERT INTO {} ({})".format(
        quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields)
    )
    tail = f" RETURNING {quote(model._meta.pk.column)}" if returning else ""
    params = _db_values(fields, rows)
    if connection.vendor == "postgresql":
        # One statement with an array a column, as Django's own bulk insert
        # on PostgreSQL: a VALUES list of thousands of placeholders is parsed
        # again by psycopg for every statement, and executemany runs a
        # statement a row.
        found = bound_execute(f"{insert} SELECT * FROM UNNEST({_arrays(fields)}){tail}", _columns(params))  # noqa: S608
        return [row[0] for row in found] if returning else None
    with connection.cursor() as cursor:
        placeholders = "({})".format(", ".join(["%s"] * len(fields)))
        if not returning:
            cursor.executemany(f"{insert} VALUES {placeholders}", params)  # noqa: S608
            return None
        ids = []
        batch = connection.ops.bulk_batch_size(fields, params) or len(params)
        for start in range(0, len(params), batch):
            chunk = params[start : start + batch]
            values = ", ".join([placeholders] * len(chunk))
            cursor.execute(f"{insert} VALUES {values}{tail}", [value for row in chunk for value in row])  # noqa: S608
            ids += [row[0] for row in cursor.fetchall()]
        return ids


def update_rows(model, names: list[str], rows: list) -> None:
    """Sets the fields `names` of existing rows: each row is its values, then its id."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    with_pk = [*fields, model._meta.pk]
    params = _db_values(with_pk, rows)
    if connection.vendor == "postgresql":
        columns = [quote(field.column) for field in fields]
        assignments = ", ".join(f"{column} = u.{column}" for column in columns)
        bound_execute(
            f"UPDATE {table} SET {assignments} FROM UNNEST({_arrays(with_pk)}) "  # noqa: S608
            f"AS u({', '.join(columns)}, {pk}) WHERE {table}.{pk} = u.{pk}",
            _columns(params),
        )
        return
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", params)  # noqa: S608


def _db_values(fields: list, rows: list) -> list[list]:
    """The rows with each value as the database takes it, as Model.save() converts it."""
    converted = [
        (position, field)
        for position, field in enumerate(fields)
        if not isinstance(field, _PLAIN_FIELDS) or isinstance(field, models.JSONField)
    ]
    # Most converted values repeat (the import's timestamp, None), and a
    # datetime's conversion looks up time zones each time: each distinct
    # value of a column is converted once. Not JSON values: some are not
    # hashable, and True and 1 would be one key.
    memo = [None if isinstance(column, models.JSONField) else {} for _position, column in converted]
    params = []
    for row in rows:
        row = list(row)
        for (position, column), seen in zip(converted, memo, strict=True):
            value = row[position]
            if seen is None:
                row[position] = column.get_db_prep_save(value, connection)
            elif value in seen:
                row[position] = seen[value]
            else:
                row[position] = seen[value] = column.get_db_prep_save(value, connection)
        params.append(row)
    return params


def _arrays(fields: list) -> str:
    """A parameter for each field's column of values, as an array of its type."""
    return ", ".join(f"(%b)::{field.db_type(connection).split('(')[0]}[]" for field in fields)


def _columns(rows: list[list]) -> list[list]:
    return [list(column) for column in zip(*rows, strict=True)]


def bound_execute(statement: str, params: list) -> list[tuple]:
    """Runs `statement` on PostgreSQL with `params` bound by the server; returns its rows.

    The parameters (arrays, mostly: a column of values each) are sent in
    binary, on the same connection and transaction as Django's queries.
    Django's cursors bind on the client, which writes each array into the
    statement as text, escaping every element with a regular expression
    (40 % of writing revisions).
    """
    import psycopg

    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as bound:
        bound.execute(statement, params)
        return bound.fetchall() if bound.description else []


# --- the search indexes ---------------------------------------------------------


def index_for_admin(pages: list[PracticePage]) -> None:
    """Wagtail's admin page search (admin_index.py)."""
    # Imported here: admin_index writes its rows with insert_rows.
    from .admin_index import add_new_entries

    add_new_entries(PracticePage, pages)


def index_new_practices(index_page, pages: list[PracticePage], pending_entries) -> None:
    """Search index rows for new live practices, as index_practice writes them.

    Only public practices are indexed: when the catalogue (or a page above
    it) has a view restriction, new practices are not.
    """
    if not pages or PageViewRestriction.objects.filter(page__in=index_page.get_ancestors(inclusive=True)).exists():
        return
    pending_entries.add([(page.pk, search_record(page)) for page in pages])
