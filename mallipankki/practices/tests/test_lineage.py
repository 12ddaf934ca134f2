"""Lineage: direct links with notes, the family tree and its page."""

import re
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import BuildsOnLinkFactory, PracticeIndexPageFactory, PracticePageFactory
from mallipankki.practices.lineage import arrange_family, build_family, direct_lineage, draw, family_ids
from mallipankki.practices.models import BuildsOnLink, PracticePage
from mallipankki.vocabularies.models import Country, Region


def link(child, parent, note=""):
    """`child` builds on `parent`. Written straight to the database: the rows
    of a live page are its published state, which is what the public sees."""
    return BuildsOnLinkFactory(practice=child, target=parent, adaptation_note=note)


@pytest.fixture
def practices(practice_index):
    """practices("a", "b") -> live practices titled A-malli and B-malli.

    Added straight to the page tree, without revisions: many times faster than
    an import, and a live page with no view restriction is published."""

    def make(*names):
        made = []
        for name in names:
            made.append(PracticePageFactory(parent=practice_index, title=f"{name.upper()}-malli", slug=f"{name}-malli"))
        return made[0] if len(made) == 1 else made

    return make


def outline(family) -> list[str]:
    """The tree as indented names: '  B-malli' is a child of the line above it;
    '*' marks a repeat, '>' the current practice, '[note]' the note."""
    lines = []
    for row in family.rows():
        node = row.node
        marks = ("*" if node.repeat else "") + (">" if node.current else "")
        note = f" [{node.note}]" if node.note else ""
        lines.append("  " * row.level + marks + node.page.name + note)
    return lines


def unpublish(page):
    page.unpublish()
    return page


# --- family_ids -----------------------------------------------------------------


@pytest.mark.django_db
def test_family_ids_follow_links_both_ways_and_leave_strangers_out(practices):
    a, b, c, d, stranger = practices("a", "b", "c", "d", "x")
    link(b, a)
    link(c, b)
    link(d, a)
    assert family_ids(c.pk) == {a.pk, b.pk, c.pk, d.pk}
    assert family_ids(stranger.pk) == {stranger.pk}


@pytest.mark.django_db
def test_family_ids_end_on_a_cycle(practices):
    a, b, c = practices("a", "b", "c")
    link(a, b)
    link(b, c)
    link(c, a)
    assert family_ids(a.pk) == {a.pk, b.pk, c.pk}


# --- arrange_family: the tree from plain data ---------------------------------------


@dataclass(frozen=True)
class Member:
    """What arrange_family reads of a practice."""

    pk: int
    name: str


def arrange(current: int, shown: dict[int, str], links: list[tuple[int, int, str]]):
    """The family of `current` among the `shown` practices ({id: name}), with
    `links` as (practice, target, note), hidden practices included."""
    members = {pk: Member(pk, name) for pk, name in shown.items()}
    links_of: dict[int, list[tuple[int, str]]] = {}
    for practice, target, note in links:
        links_of.setdefault(practice, []).append((target, note))
    return arrange_family(members[current], members, links_of)


def test_arrange_family_builds_the_tree_without_the_database():
    # 2 and 3 build on 1; 4 on 2 and 3 (a diamond); 6 on 5, which is hidden and builds on 1.
    family = arrange(
        2,
        {1: "A", 2: "B", 3: "C", 4: "D", 6: "F"},
        [(2, 1, "B:stä"), (3, 1, ""), (4, 2, "D B:stä"), (4, 3, "D C:stä"), (5, 1, ""), (6, 5, "F:n muutos")],
    )

    assert outline(family) == [
        "A",
        "  >B [B:stä]",
        "    D [D B:stä]",
        "  C",
        "    *D [D C:stä]",
        "  F [F:n muutos]",
    ]
    assert family.parents[6] == [(1, "F:n muutos")]
    assert family.parents[4] == [(2, "D B:stä"), (3, "D C:stä")]
    assert len(family) == 5


def test_arrange_family_starts_a_cycle_at_the_first_name_and_hides_self_links():
    family = arrange(2, {1: "B", 2: "A"}, [(1, 2, ""), (2, 1, ""), (1, 1, "itse")])

    # Nobody is a root: the walk starts from the first by name, and the self link adds nothing.
    assert outline(family) == [">A", "  B", "    *A"]
    assert family.parents == {1: [(2, "")], 2: [(1, "")]}


# --- build_family ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_chain_is_a_tree_with_the_original_first_and_each_note_on_its_child(practices):
    a, b, c = practices("a", "b", "c")
    link(b, a, "Sovitettu nuorille.")
    link(c, b, "Lisätty ryhmätapaamiset.")

    family = build_family(b)

    assert len(family) == 3
    assert outline(family) == [
        "A-malli",
        "  >B-malli [Sovitettu nuorille.]",
        "    C-malli [Lisätty ryhmätapaamiset.]",
    ]


@pytest.mark.django_db
def test_a_diamond_shows_the_shared_child_once_in_full_and_then_as_a_repeat(practices):
    a, b, c, d = practices("a", "b", "c", "d")
    e = practices("e")
    link(b, a)
    link(c, a)
    link(d, b, "B:n pohjalta")
    link(d, c, "C:n pohjalta")
    link(e, d)

    family = build_family(a)

    assert outline(family) == [
        ">A-malli",
        "  B-malli",
        "    D-malli [B:n pohjalta]",
        "      E-malli",
        "  C-malli",
        "    *D-malli [C:n pohjalta]",
    ]
    # The repeat has no children: E is shown once.
    assert sum(row.node.page.pk == e.pk for row in family.rows()) == 1


@pytest.mark.django_db
def test_a_cycle_is_broken_where_the_walk_meets_a_member_again(practices):
    a, b, c = practices("a", "b", "c")
    link(a, b)
    link(b, c)
    link(c, a)

    family = build_family(b)

    # Nobody is a root, so the walk starts from the first by name.
    assert outline(family) == ["A-malli", "  C-malli", "    >B-malli", "      *A-malli"]


@pytest.mark.django_db
def test_a_cycle_below_a_root_hangs_under_the_root(practices):
    root, b, c = practices("a", "b", "c")
    link(b, root)
    link(c, b)
    link(b, c)  # B and C build on each other

    family = build_family(root)

    assert outline(family) == [">A-malli", "  B-malli", "    C-malli", "      *B-malli"]


@pytest.mark.django_db
def test_an_unpublished_member_is_skipped_and_its_children_hang_under_its_parent(practices):
    a, b, c, d = practices("a", "b", "c", "d")
    link(b, a)
    link(c, b, "C:n muutos")
    link(d, b)
    unpublish(b)

    family = build_family(c)

    assert outline(family) == ["A-malli", "  >C-malli [C:n muutos]", "  D-malli"]
    assert b.pk not in family.members


@pytest.mark.django_db
def test_an_unpublished_root_leaves_its_children_as_roots(practices, make_practice):
    draft = make_practice(id="luonnos-malli", name={"fi": "Luonnosmalli"}, status="draft")
    b, c = practices("b", "c")
    link(b, draft)
    link(c, draft)

    family = build_family(b)

    assert outline(family) == [">B-malli", "C-malli"]


@pytest.mark.django_db
def test_a_private_member_is_skipped_like_an_unpublished_one(practices):
    a, b, c = practices("a", "b", "c")
    link(b, a)
    link(c, b)
    PageViewRestriction.objects.create(page=b, restriction_type=PageViewRestriction.LOGIN)

    assert outline(build_family(a)) == [">A-malli", "  C-malli"]


@pytest.mark.django_db
def test_a_practice_without_links_is_a_family_of_one(practices):
    a = practices("a")
    assert outline(build_family(a)) == [">A-malli"]


@pytest.mark.django_db
def test_rows_close_exactly_the_lists_they_open(practices):
    a, b, c, d, e = practices("a", "b", "c", "d", "e")
    link(b, a)
    link(c, b)
    link(d, c)
    link(e, a)

    rows = build_family(a).rows()

    opened = sum(row.has_children for row in rows)
    closed = sum(len(row.closes) for row in rows)
    assert opened == closed == 3
    assert [row.level for row in rows] == [0, 1, 2, 3, 1]
    assert [row.parent_index for row in rows] == [None, 0, 1, 2, 0]


@pytest.mark.django_db
def test_the_drawing_has_each_practice_once_and_every_link(practices):
    a, b, c, d = practices("a", "b", "c", "d")
    link(b, a)
    link(c, a)
    link(d, b)
    link(d, c)

    rows = build_family(a).rows()
    drawing = draw(rows)

    assert [node.label for node in drawing.nodes] == ["A-malli", "B-malli", "D-malli", "C-malli"]
    assert len(drawing.paths) == 3  # A-B, B-D, A-C in the tree
    assert len(drawing.cross_paths) == 1  # C-D, to D drawn under B
    assert [node.current for node in drawing.nodes] == [True, False, False, False]
    # Every line ends at a drawn point.
    points = {(node.x, node.y) for node in drawing.nodes}
    for path in drawing.paths:
        start_x, start_y, end_y, end_x = map(int, re.fullmatch(r"M(\d+) (\d+)V(\d+)H(\d+)", path).groups())
        assert (start_x, start_y) in points and (end_x, end_y) in points
    start_x, start_y, end_x, end_y = map(
        int, re.fullmatch(r"M(\d+) (\d+)L(\d+) (\d+)", drawing.cross_paths[0]).groups()
    )
    assert (start_x, start_y) == (drawing.nodes[3].x, drawing.nodes[3].y)  # from C
    assert (end_x, end_y) == (drawing.nodes[2].x, drawing.nodes[2].y)  # to D


# --- direct lineage on the practice page ------------------------------------------------


@pytest.mark.django_db
def test_direct_lineage_lists_published_links_both_ways_with_the_links_own_notes(practices):
    original, refined, hidden_parent, child, hidden_child = practices("a", "b", "c", "d", "e")
    link(refined, original, "Sovitettu nuorille.")
    link(refined, hidden_parent, "Piilossa.")
    link(child, refined, "Lisätty mentorointi.")
    link(hidden_child, refined, "Ei näy.")
    unpublish(hidden_parent)
    unpublish(hidden_child)

    lineage = direct_lineage(refined)

    assert [(item.target.slug, item.adaptation_note) for item in lineage.builds_on] == [
        ("a-malli", "Sovitettu nuorille.")
    ]
    assert [(item.practice.slug, item.adaptation_note) for item in lineage.built_upon_by] == [
        ("d-malli", "Lisätty mentorointi.")
    ]


@pytest.mark.django_db
def test_practice_page_shows_lineage_with_notes_and_links_to_the_family(client, practices):
    original, refined, child, hidden = practices("a", "b", "c", "d")
    link(refined, original, "Sovitettu nuorille.")
    link(child, refined, "Lisätty mentorointi.")
    link(hidden, refined, "Salainen muutos.")
    unpublish(hidden)

    html = client.get(refined.url).content.decode()

    assert "Sovitettu nuorille." in html and original.url in html
    assert "Lisätty mentorointi." in html and child.url in html
    assert "Salainen muutos." not in html and "D-malli" not in html
    assert f'href="{refined.url}sukupuu/"' in html

    # The note on the child's page says what the child changed.
    assert "Lisätty mentorointi." in client.get(child.url).content.decode()


@pytest.mark.django_db
def test_practice_page_without_published_relatives_has_no_family_link(client, practices):
    lonely, hidden = practices("a", "b")
    link(hidden, lonely)
    unpublish(hidden)
    html = client.get(lonely.url).content.decode()
    assert "sukupuu/" not in html
    assert 'id="sukupuu"' not in html


# --- the family page ---------------------------------------------------------------------


@pytest.mark.django_db
def test_family_page_lists_the_tree_with_facts_and_marks_the_current_practice(client, practices, make_practice):
    a = make_practice(
        id="a-malli",
        name={"fi": "A-malli"},
        countries=["FI"],
        regions=["FI-18"],
        scaling={"stage": "national"},
        evidence={"level": 3},
    )
    b, c = practices("b", "c")
    hidden = make_practice(id="piilo-malli", name={"fi": "Piilomalli"}, status="draft")
    link(b, a, "Sovitettu nuorille.")
    link(c, b)
    link(hidden, b)

    response = client.get(f"{b.url}sukupuu/")

    assert response.status_code == 200
    html = response.content.decode()
    names = re.findall(r'class="family-tree__name" href="[^"]+"[^>]*>([^<]+)</a>', html)
    assert names == ["A-malli", "B-malli", "C-malli"]
    assert re.search(r'href="' + re.escape(b.url) + r'" aria-current="true"', html)
    # Once in the tree; the language switch marks its own current language apart.
    tree = re.sub(r'(?s)<nav class="language-switch".*?</nav>', "", html)
    assert tree.count('aria-current="true"') == 1
    assert "Suomi" in html and "Uusimaa" in html
    assert "Valtakunnallinen" in html
    assert "3 – vertailuryhmä osoittaa vaikutuksen" in html
    assert "Sovitettu nuorille." in html
    assert "Piilomalli" not in html
    # Nested: C's list item is inside B's, which is inside A's.
    assert re.search(r"A-malli</a>.*?<ul>.*?B-malli</a>.*?<ul>.*?C-malli</a>.*?</ul>.*?</ul>", html, re.S)
    # The drawing is for sighted readers only; the list carries the content.
    assert re.search(r'<svg class="family-drawing" aria-hidden="true"', html)
    assert 'style="' not in html and "<script>" not in html


@pytest.mark.django_db
def test_family_page_of_an_unpublished_practice_is_not_found(client, practices):
    a, b = practices("a", "b")
    link(b, a)
    url = f"{b.url}sukupuu/"
    unpublish(b)
    assert client.get(url).status_code == 404
    assert client.get(f"{a.url}tuntematon/").status_code == 404


class ThirtyPracticeFamilyTests(TestCase):
    """Query counts on a family of thirty, built once for both tests: a chain of
    ten, a fan of ten under its middle, and ten diamonds."""

    @classmethod
    def setUpTestData(cls):
        index = PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)

        def add(name):
            return PracticePageFactory(parent=index, title=f"{name}-malli", slug=f"{name.lower()}-malli")

        cls.members = members = [add(f"M{number:02d}") for number in range(30)]
        finland, uusimaa = Country.objects.get(code="FI"), Region.objects.get(code="FI-18")
        PracticePage.countries.through.objects.bulk_create(
            PracticePage.countries.through(practicepage=member, country=finland) for member in members
        )
        PracticePage.regions.through.objects.bulk_create(
            PracticePage.regions.through(practicepage=member, region=uusimaa) for member in members
        )
        pairs = list(zip(members[1:10], members[:9], strict=True))
        pairs += [(child, members[5]) for child in members[10:20]]
        pairs += [(child, parent) for child in members[20:30] for parent in (members[12], members[13])]
        BuildsOnLink.objects.bulk_create(BuildsOnLink(practice=child, target=parent) for child, parent in pairs)

        cls.small = [add(name) for name in ("S1", "S2", "S3")]
        BuildsOnLink.objects.bulk_create(BuildsOnLink(practice=child, target=cls.small[0]) for child in cls.small[1:])

    def test_building_the_family_costs_a_fixed_number_of_queries(self):
        with self.assertNumQueries(6):
            family = build_family(self.members[0])
            rows = family.rows()
            facts = {(row.node.page.countries.all()[0].code, row.node.page.regions.all()[0].code) for row in rows}
        self.assertEqual(len(family), 30)
        self.assertEqual(facts, {("FI", "FI-18")})
        self.assertEqual(len(rows), 40)  # the ten diamond children also appear once as repeats

    def count(self, page) -> int:
        url = f"{page.url}sukupuu/"
        self.client.get(url)  # warm per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)

    def test_family_page_query_count_does_not_grow_with_the_family(self):
        small, large = self.count(self.small[1]), self.count(self.members[17])
        self.assertEqual(large, small)
        # Routing, view restrictions, menu and breadcrumbs as on any page (12:
        # the menu's pages come specific, for their translated titles), and the
        # family: members, links, published members, countries, regions, and
        # the restrictions behind "published" (6).
        self.assertLessEqual(large, 18)


@pytest.mark.django_db
def test_preview_shows_the_links_being_edited(practices):
    original, other, page = practices("a", "b", "c")
    link(page, other, "Tallennettu linkki.")
    page = PracticePage.objects.get(pk=page.pk)
    # As the admin's preview does: the edited links live on the page object only.
    page.builds_on_links = [BuildsOnLink(target=original, adaptation_note="Esikatselun muutos.")]

    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()

    assert "Esikatselun muutos." in html
    assert "Tallennettu linkki." not in html
