"""The per-process memos of core/memo.py (site, routes, menu, view restrictions,
facet vocabularies) with the page cache off: they save statements, and an edit
still shows at once.

transaction=True: nothing is memoised inside a transaction, and a change
replaces the shared generation only when it commits.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from mallipankki.core import memo
from mallipankki.pages.factories import ThemePageFactory
from mallipankki.vocabularies.models import TargetGroup, Theme

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _fresh_memos():
    memo.forget()
    yield
    memo.forget()


def statements(client, address) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    return len(queries), response.content.decode()


@pytest.fixture
def practice(home_page, make_practice):
    ThemePageFactory(parent=home_page, slug="yhteistyo").save_revision().publish()
    return make_practice(name={"fi": "Työkokeilun malli"}, themes=["yhteistyo"])


def test_a_second_visit_asks_the_database_less_and_shows_the_same(client, practice):
    address = practice.url
    first, first_html = statements(client, address)
    second, second_html = statements(client, address)

    assert second <= first - 5, (first, second)
    assert second_html == first_html


def test_a_published_edit_shows_at_once(client, practice):
    statements(client, practice.url)
    statements(client, "/mallit/")

    practice.name_fi = "Uusi nimi mallille"
    practice.title = "Uusi nimi mallille"
    practice.save_revision().publish()

    assert "Uusi nimi mallille" in statements(client, practice.url)[1]


def test_a_new_practice_of_a_theme_shows_on_the_theme_page_and_in_the_homes_count_at_once(
    client, practice, make_practice
):
    assert "Työkokeilun malli" in statements(client, "/yhteistyo/")[1]
    assert "1 malli" in statements(client, "/")[1]

    make_practice(name={"fi": "Aivan uusi malli"}, themes=["yhteistyo"])

    assert "Aivan uusi malli" in statements(client, "/yhteistyo/")[1]
    assert "2 mallia" in statements(client, "/")[1]


def test_an_unpublished_practice_is_gone_at_once(client, practice):
    statements(client, practice.url)
    assert "Työkokeilun malli" in statements(client, "/yhteistyo/")[1]

    practice.unpublish()

    assert client.get(practice.url).status_code == 404
    assert "Työkokeilun malli" not in statements(client, "/yhteistyo/")[1]


def test_a_new_menu_page_shows_at_once(client, practice, home_page):
    assert "Toimintakyky" not in statements(client, "/")[1]

    ThemePageFactory(
        parent=home_page, slug="toimintakyky", title="Toimintakyky", show_in_menus=True
    ).save_revision().publish()

    html = statements(client, practice.url)[1]
    assert 'href="/toimintakyky/"' in html


def test_a_section_made_private_is_closed_at_once(client, practice):
    statements(client, practice.url)
    catalogue = practice.get_parent()

    PageViewRestriction.objects.create(page=catalogue, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(practice.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "Työkokeilun malli" not in statements(client, "/yhteistyo/")[1]


def test_a_renamed_theme_shows_in_the_catalogue_filters_at_once(client, practice):
    assert "Yhteistyö" in statements(client, "/mallit/")[1]

    theme = Theme.objects.get(code="yhteistyo")
    theme.name_fi = "Verkostot ja yhteistyö"
    theme.save()

    assert "Verkostot ja yhteistyö" in statements(client, "/mallit/")[1]


def test_a_renamed_target_group_shows_on_the_cards_at_once(client, home_page, make_practice):
    ThemePageFactory(parent=home_page, slug="yhteistyo").save_revision().publish()
    make_practice(name={"fi": "Työkokeilun malli"}, themes=["yhteistyo"], target_groups=["nuoret"])
    for address in ("/", "/yhteistyo/", "/mallit/"):
        assert "Nuoret" in statements(client, address)[1]

    group = TargetGroup.objects.get(code="nuoret")
    group.name_fi = "Nuoret aikuiset"
    group.save()

    for address in ("/", "/yhteistyo/", "/mallit/"):
        assert "Nuoret aikuiset" in statements(client, address)[1], address


# Statements of a second visit, with the memos warm: measured (4, 4, 4, 4 and
# 6 for the practice) plus one. test_query_budgets.py counts the same pages
# inside a transaction, where nothing is memoised.
WARM_BUDGETS = {"/": 5, "/yhteistyo/": 5, "/mallit/": 5, "/mallit/?teema=yhteistyo": 5}


def test_warm_pages_stay_within_their_budgets(client, practice):
    budgets = {**WARM_BUDGETS, practice.url: 7}
    warm = {}
    for address in budgets:
        statements(client, address)
        warm[address] = statements(client, address)[0]
    over = {address: count for address, count in warm.items() if count > budgets[address]}
    assert not over, f"over budget: {over} (all: {warm})"
