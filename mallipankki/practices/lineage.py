"""Lineage: what a practice builds on, what builds on it, and its whole family.

A BuildsOnLink says "practice builds on target" and carries the note on what
was changed. Seen as a graph, the links form families: every practice reachable
from a practice by following links in either direction. A family is drawn as a
tree whose roots are the practices that build on nothing in the family, and
whose children are the practices that build on their parent.

Only published (live, public) practices are shown. An unpublished member is
skipped, not cut out: a practice that builds on it hangs under the published
practices the unpublished one builds on, so the tree stays whole. Diamonds (a
practice that builds on two members) show the practice once in full and then as
a reference; cycles are broken where the walk first meets a member again.

Query cost is fixed whatever the family's size or depth: one recursive query
finds the family, one reads its links, and the published members are read with
their countries and regions in a few more.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, Q, QuerySet

from .listing import published_practices
from .models import BuildsOnLink, PracticePage

# --- the practice page: direct links --------------------------------------------


@dataclass(frozen=True)
class Lineage:
    """Direct links of one practice, published practices only.

    `builds_on` holds this practice's own links (the target and the note).
    `built_upon_by` holds the links of the practices that build on this one: the
    note belongs to the child's link, saying what the child changed.
    """

    builds_on: list[BuildsOnLink]
    built_upon_by: list[BuildsOnLink]

    def __bool__(self) -> bool:
        return bool(self.builds_on or self.built_upon_by)


def direct_lineage(page: PracticePage, published=None) -> Lineage:
    """The published practices `page` builds on and that build on it, with notes.

    `page.builds_on_links` is read through the page, so that an admin preview
    shows the links being edited. `published` is a queryset of published
    practices to reuse; building one costs a query for view restrictions.
    """
    if published is None:
        published = published_practices()
    links = page.builds_on_links.select_related("target")
    if isinstance(links, QuerySet):  # not a preview's unsaved links
        links = links.only(*_link_fields("target"))
    links = list(links)
    shown = set()
    if links:
        shown = set(published.filter(pk__in={link.target_id for link in links}).values_list("pk", flat=True))
    builds_on = dedupe_targets([link for link in links if link.target_id in shown and link.target_id != page.pk])

    built_upon_by = []
    if page.pk:
        children = BuildsOnLink.objects.filter(target=page, practice__in=published.values("pk"))
        seen = {page.pk}
        children = children.select_related("practice").only(*_link_fields("practice"))
        for link in children.order_by("practice__title", "practice_id", "sort_order"):
            # A child with two links to the same practice is listed once.
            if link.practice_id not in seen:
                seen.add(link.practice_id)
                built_upon_by.append(link)
    return Lineage(builds_on=builds_on, built_upon_by=built_upon_by)


def lineage_notes(page: PracticePage, published=None) -> dict:
    """The API form of `direct_lineage`: interchange ids and notes, in one query.

    {"builds_on": [{"id": …, "note": …}], "built_upon_by": [{"id": …, "note": …}]}
    """
    if published is None:
        published = published_practices()
    published_ids = published.values("pk")
    rows = (
        BuildsOnLink.objects.filter(
            Q(practice=page, target__in=published_ids) | Q(target=page, practice__in=published_ids)
        )
        .exclude(practice_id=F("target_id"))
        .order_by("sort_order", "pk")
        .values_list("practice_id", "practice__slug", "practice__title", "target__slug", "adaptation_note")
    )
    builds_on, built_upon_by, seen = [], [], set()
    for practice_id, practice_slug, practice_title, target_slug, note in rows:
        if practice_id == page.pk:
            key, entry, into = ("target", target_slug), {"id": target_slug, "note": note}, builds_on
        else:
            key, entry, into = ("practice", practice_slug), (practice_title, practice_slug, note), built_upon_by
        if key not in seen:
            seen.add(key)
            into.append(entry)
    built_upon_by.sort(key=lambda item: (item[0].casefold(), item[1]))
    return {
        "builds_on": builds_on,
        "built_upon_by": [{"id": slug, "note": note} for _title, slug, note in built_upon_by],
    }


# What the lineage list shows of a linked practice: its name and address.
# Not the whole page: a practice has some sixty columns, and building and
# compiling them made up a fifth of a practice page (bench/README.md).
LINKED_PAGE_FIELDS = (
    *("title", "slug", "url_path", "path", "depth", "live", "locale", "content_type"),
    *(f"name_{language}" for language in ("fi", "sv", "en")),
)


def _link_fields(relation: str) -> list[str]:
    own = ("sort_order", "practice", "target", "adaptation_note")
    return [*own, *(f"{relation}__{name}" for name in LINKED_PAGE_FIELDS)]


def dedupe_targets(links: list[BuildsOnLink]) -> list[BuildsOnLink]:
    seen, result = set(), []
    for link in links:
        if link.target_id not in seen:
            seen.add(link.target_id)
            result.append(link)
    return result


# --- the family page: the whole tree ----------------------------------------------


def family_ids(page_id: int) -> set[int]:
    """Ids of every practice connected to `page_id` by links, in either direction.

    One recursive query (SQLite and PostgreSQL both have WITH RECURSIVE):
    walking level by level in Python would cost a query per generation. UNION
    (not UNION ALL) drops rows already found, so cycles end the walk. Unpublished
    practices are walked through; the caller decides what to show.
    """
    table = connection.ops.quote_name(BuildsOnLink._meta.db_table)
    practice = connection.ops.quote_name(BuildsOnLink._meta.get_field("practice").column)
    target = connection.ops.quote_name(BuildsOnLink._meta.get_field("target").column)
    sql = f"""
        WITH RECURSIVE family(id) AS (
            SELECT CAST(%s AS INTEGER)
            UNION
            SELECT CASE WHEN link.{practice} = family.id THEN link.{target} ELSE link.{practice} END
            FROM {table} AS link
            JOIN family ON link.{practice} = family.id OR link.{target} = family.id
        )
        SELECT id FROM family
    """  # noqa: S608 - only quoted model names are interpolated; the id is a parameter
    with connection.cursor() as cursor:
        cursor.execute(sql, [page_id])
        return {row[0] for row in cursor.fetchall()}


@dataclass
class FamilyNode:
    """One place of a practice in the tree.

    `note` is what this practice changed compared with its parent in the tree
    (empty for roots). `repeat` marks a second place of a practice already shown
    in full (a diamond or a cycle): it has no children of its own there.
    """

    page: PracticePage
    note: str = ""
    children: list["FamilyNode"] = field(default_factory=list)
    repeat: bool = False
    current: bool = False


@dataclass
class FamilyRow:
    """A node in document order, for rendering the tree without recursion."""

    node: FamilyNode
    level: int
    index: int
    parent_index: int | None
    closes: range  # how many nested lists end after this item

    @property
    def has_children(self) -> bool:
        return bool(self.node.children)


@dataclass
class Family:
    current: PracticePage
    roots: list[FamilyNode]
    members: dict[int, PracticePage]
    parents: dict[int, list[tuple[int, str]]]

    def __len__(self) -> int:
        return len(self.members)

    def rows(self) -> list[FamilyRow]:
        """Every node in document order with its depth and the lists it closes."""
        rows: list[FamilyRow] = []
        stack = [(node, 0, None) for node in reversed(self.roots)]
        while stack:
            node, level, parent_index = stack.pop()
            rows.append(FamilyRow(node, level, len(rows), parent_index, range(0)))
            index = len(rows) - 1
            stack.extend((child, level + 1, index) for child in reversed(node.children))
        for position, row in enumerate(rows):
            if not row.has_children:
                next_level = rows[position + 1].level if position + 1 < len(rows) else 0
                row.closes = range(row.level - next_level)
        return rows


def family_links(ids: set[int]) -> dict[int, list[tuple[int, str]]]:
    """The builds-on links of the practices `ids`, as {practice id: [(target
    id, note)]} in the order they were edited; links to oneself are left out."""
    links = (
        BuildsOnLink.objects.filter(practice_id__in=ids)
        .order_by("practice_id", "sort_order", "pk")
        .values_list("practice_id", "target_id", "adaptation_note")
    )
    links_of: dict[int, list[tuple[int, str]]] = {}
    for practice_id, target_id, note in links:
        if practice_id != target_id:
            links_of.setdefault(practice_id, []).append((target_id, note))
    return links_of


def family_members(page: PracticePage, ids: set[int], published=None) -> dict[int, PracticePage]:
    """The members of the family `ids` shown on its page, by id, with their
    countries and regions: the published ones, and `page` itself always (whoever
    sees its page may see it in its family) even if it is private or not live."""
    if published is None:
        published = published_practices()
    shown = PracticePage.objects.filter(Q(pk=page.pk) | Q(pk__in=published.values("pk")), pk__in=ids)
    members = {member.pk: member for member in shown.prefetch_related("countries", "regions")}
    members.setdefault(page.pk, page)
    return members


def build_family(page: PracticePage, published=None) -> Family:
    """The family tree of `page`: published members only, roots first."""
    ids = family_ids(page.pk)
    links_of = family_links(ids)
    return arrange_family(page, family_members(page, ids, published), links_of)


def arrange_family(current, members: dict, links_of: dict[int, list[tuple[int, str]]]) -> Family:
    """The tree of a family from plain data, without the database.

    `members` are the practices to show, by id (`current` among them); a
    member needs only `pk` and `name` here. `links_of` holds every link of the
    family, to shown practices and hidden ones: {practice id: [(target id,
    note)]}. A hidden practice is skipped: what builds on it hangs under the
    shown practices it builds on, however far up they are.
    """
    # Parents as shown: a hidden target is replaced by the shown practices it
    # builds on (transitively); the note stays the child's own.
    parents: dict[int, list[tuple[int, str]]] = {}
    for member_id in members:
        found: dict[int, str] = {}
        for target_id, note in links_of.get(member_id, []):
            for parent_id in _shown_ancestors(target_id, members, links_of):
                if parent_id != member_id:
                    found.setdefault(parent_id, note)
        parents[member_id] = list(found.items())

    children_of: dict[int, list[tuple[int, str]]] = {}
    for child_id, child_parents in parents.items():
        for parent_id, note in child_parents:
            children_of.setdefault(parent_id, []).append((child_id, note))
    for child_list in children_of.values():
        child_list.sort(key=lambda item: _name_key(members[item[0]]))

    ordered = sorted(members.values(), key=_name_key)
    starts = [member for member in ordered if not parents[member.pk]]
    placed: set[int] = set()
    roots: list[FamilyNode] = []

    def grow(start) -> FamilyNode:
        # Depth-first in document order, without recursion so that a long chain
        # cannot reach Python's recursion limit. A practice is shown in full at
        # its first place in document order and as a repeat anywhere after.
        root = FamilyNode(start)
        stack = [root]
        while stack:
            node = stack.pop()
            if node.page.pk in placed:
                node.repeat = True
                continue
            placed.add(node.page.pk)
            node.current = node.page.pk == current.pk
            node.children = [
                FamilyNode(members[child_id], note=note) for child_id, note in children_of.get(node.page.pk, [])
            ]
            stack.extend(reversed(node.children))
        return root

    for start in starts:
        roots.append(grow(start))
    # Members on a cycle have parents, so no start reached them: begin at the
    # first of them by name.
    for member in ordered:
        if member.pk not in placed:
            roots.append(grow(member))
    return Family(current=current, roots=roots, members=members, parents=parents)


def _name_key(page):
    return (page.name.casefold(), page.pk)


def _shown_ancestors(target_id: int, members: dict, links_of: dict) -> list[int]:
    """`target_id` if it is shown, else the nearest shown practices it builds on."""
    if target_id in members:
        return [target_id]
    found, seen, stack = [], {target_id}, [target_id]
    while stack:
        hidden = stack.pop()
        for next_id, _note in links_of.get(hidden, []):
            if next_id in seen:
                continue
            seen.add(next_id)
            if next_id in members:
                found.append(next_id)
            else:
                stack.append(next_id)
    return found


# --- the drawing -----------------------------------------------------------------

COLUMN, ROW, MARGIN, LABEL_CHARS = 28, 32, 12, 40


@dataclass(frozen=True)
class DrawnNode:
    x: int
    y: int
    label: str
    current: bool


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    nodes: list[DrawnNode]
    paths: list[str]  # SVG path data of the tree's links, parent to child
    cross_paths: list[str]  # links to a practice drawn elsewhere (diamonds, cycles)


def draw(rows: list[FamilyRow]) -> Drawing:
    """A layered drawing of the tree: each practice once, every link as a line.

    Unlike the nested list, a practice that builds on two others is one point
    with two incoming lines (the second one straight and dashed), which is what
    the drawing adds. Coordinates only;
    the template writes the SVG (presentation attributes, no style, so the CSP
    holds).
    """
    position: dict[int, tuple[int, int]] = {}
    nodes: list[DrawnNode] = []
    for row in rows:
        if row.node.repeat:
            continue
        x, y = MARGIN + row.level * COLUMN, MARGIN + len(nodes) * ROW
        position[row.node.page.pk] = (x, y)
        name = row.node.page.name
        label = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"
        nodes.append(DrawnNode(x, y, label, row.node.current))
    paths, cross_paths = [], []
    for row in rows:
        if row.parent_index is None:
            continue
        px, py = position[rows[row.parent_index].node.page.pk]
        cx, cy = position[row.node.page.pk]
        if row.node.repeat:
            # A straight line, unlike the right-angled tree lines, so that the
            # second parent of a practice stands out.
            cross_paths.append(f"M{px} {py}L{cx} {cy}")
        else:
            paths.append(f"M{px} {py}V{cy}H{cx}")
    width = MARGIN * 2 + max((node.x for node in nodes), default=0) + 12 + LABEL_CHARS * 8
    height = MARGIN * 2 + max((node.y for node in nodes), default=0)
    return Drawing(width, height, nodes, paths, cross_paths)


def family_context(page: PracticePage) -> dict:
    """What the family page shows: the tree as rows, and a drawing for families
    big enough that one helps (two practices are plain from the list alone)."""
    family = build_family(page)
    rows = family.rows()
    return {"family": family, "rows": rows, "drawing": draw(rows) if len(family) > 2 else None}
