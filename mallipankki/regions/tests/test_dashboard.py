"""A regional worker's dashboard and menu: what waits in their regions, counted; editors see every region.

Lappi has a published practice whose continuity was never confirmed, an
adoption report waiting, and three support requests (new, in progress,
done); Uusimaa has a request and a report of its own.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from mallipankki.adoptions.factories import PendingAdoptionFactory
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.regions.factories import RegionalWorkerFactory, SupportRequestFactory
from mallipankki.vocabularies.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def day(make_practice):
    lappi_practice = make_practice(id="tunturi", name={"fi": "Tunturivalmennus"}, regions=["FI-10"])
    uusimaa_practice = make_practice(id="kaupunki", name={"fi": "Kaupunkimentorointi"}, regions=["FI-18"])
    return {
        "lappi_practice": lappi_practice,
        "uusimaa_practice": uusimaa_practice,
        "adoption": PendingAdoptionFactory(practice=lappi_practice, organisation="Rovaniemen kaupunki"),
        "uusimaa_adoption": PendingAdoptionFactory(
            practice=uusimaa_practice, organisation="Espoon kaupunki", region=region("FI-18")
        ),
        "decided": PendingAdoptionFactory(practice=lappi_practice, organisation="Kemin kaupunki", status="confirmed"),
        "new": SupportRequestFactory(organisation="Inarin kunta"),
        "in_progress": SupportRequestFactory(organisation="Sodankylän kunta", status="in_progress"),
        "done": SupportRequestFactory(organisation="Tornion kaupunki", status="done"),
        "uusimaa": SupportRequestFactory(organisation="Vantaan kaupunki", region=region("FI-18")),
    }


@pytest.fixture
def people():
    return {
        "lappi": RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"]).user,
        "editor": UserFactory(username="toimittaja", role=permissions.EDITORS),
        "evaluator": UserFactory(username="arvioija", role=permissions.EVALUATORS),
        "admin": UserFactory(username="yllapitaja", role=permissions.ADMINS),
    }


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_regional_worker_sees_what_waits_in_their_regions(client, day, people):
    html = dashboard(client, people["lappi"])
    assert "Vahvistusta odottavat käyttöönotot alueiltasi (1)" in html
    assert reverse("adoptions_admin:detail", args=[day["adoption"].pk]) in html
    assert "Rovaniemen kaupunki" in html and "Espoon kaupunki" not in html and "Kemin kaupunki" not in html
    assert "Avoimet tukipyynnöt alueiltasi (2)" in html
    for key in ("new", "in_progress"):
        assert reverse("regions_admin:detail", args=[day[key].pk]) in html
    for key in ("done", "uusimaa"):
        assert reverse("regions_admin:detail", args=[day[key].pk]) not in html
    assert "Jatkuvuusriskit alueillasi (1)" in html and "Tunturivalmennus" in html
    assert "Kaupunkimentorointi" not in html
    # Each panel links to its queue.
    for label, url in (
        ("Avaa käyttöönottojen jono", reverse("adoptions_admin:index")),
        ("Avaa tukipyyntöjen jono", reverse("regions_admin:index")),
        ("Avaa jatkuvuusraportti", reverse("continuity_report")),
    ):
        assert f'<a href="{url}">{label}</a>' in html
    assert "Uudet ehdotukset alueiltasi (0)" in html


def test_editors_see_every_region(client, day, people):
    for user in (people["editor"], people["admin"]):
        html = dashboard(client, user)
        assert "Vahvistusta odottavat käyttöönotot (2)" in html
        assert "Avoimet tukipyynnöt (3)" in html
        assert "Jatkuvuusriskit (2)" in html


def test_evaluators_get_none_of_these_panels(client, day, people):
    html = dashboard(client, people["evaluator"])
    for heading in ("käyttöönotot", "Avoimet tukipyynnöt", "Jatkuvuusriskit"):
        assert heading not in html


def test_empty_panels_say_so_and_still_link_to_the_queue(client, people, practice_index):
    html = dashboard(client, people["lappi"])
    assert "Vahvistusta odottavat käyttöönotot alueiltasi (0)" in html
    assert "Ei vahvistusta odottavia käyttöönottoilmoituksia." in html
    assert "Ei avoimia tukipyyntöjä." in html
    assert "Ei malleja, joiden jatkuvuus on epävarma." in html
    assert "Avaa tukipyyntöjen jono" in html


def menu(user) -> dict:
    request = RequestFactory().get("/admin/")
    request.user = user
    return {item.name: item for item in admin_menu.render_component(request)}


def test_menu_items_carry_their_counts_with_a_label_that_says_what_is_counted(day, people):
    items = menu(people["lappi"])
    adoptions, requests, continuity = items["kayttoonotot"], items["tukipyynnot"], items["jatkuvuusraportti"]
    assert adoptions.label == "Käyttöönotot (1)"
    assert adoptions.attrs["aria-label"] == "Käyttöönotot: 1 ilmoitus odottaa vahvistusta"
    assert requests.label == "Tukipyynnöt (2)"
    assert requests.attrs["aria-label"] == "Tukipyynnöt: 2 avointa tukipyyntöä"
    assert continuity.label == "Jatkuvuusraportti (1)"
    assert continuity.attrs["aria-label"] == "Jatkuvuusraportti: 1 malli, jonka jatkuvuus on epävarma"
    editor = menu(people["editor"])
    assert editor["kayttoonotot"].label == "Käyttöönotot (2)" and editor["tukipyynnot"].label == "Tukipyynnöt (3)"


def test_nothing_waiting_is_no_count(people, practice_index):
    items = menu(people["lappi"])
    assert items["kayttoonotot"].label == "Käyttöönotot" and "aria-label" not in items["kayttoonotot"].attrs
    assert items["tukipyynnot"].label == "Tukipyynnöt"


def test_wagtails_help_menu_cannot_be_mistaken_for_the_support_queue(people):
    for user in people.values():
        items = menu(user)
        assert str(items["help"].label) == "Wagtailin ohjeet"
    # The shared menu item itself is not renamed for everyone else by accident: each request gets a copy.
    assert (
        str(next(item for item in admin_menu.registered_menu_items if item.name == "help").label) != "Wagtailin ohjeet"
    )


# Each role's whole dashboard (Wagtail's own panels and the menu included), logged in, with
# every panel fuller than it shows (one COUNT each); measured on SQLite with the link health
# panel of the links app: 42, 39, 23, 41; plus two for the missing translations panel of the pages
# app (one count per kind), which evaluators do not get.
QUERY_BUDGETS = {"lappi": 45, "editor": 42, "evaluator": 24, "admin": 44}


@pytest.mark.parametrize("role", QUERY_BUDGETS)
def test_each_roles_dashboard_keeps_its_query_budget_however_much_waits(
    client, day, people, role, django_assert_max_num_queries, make_practice
):
    user = people[role]
    client.force_login(user)
    client.get(reverse("wagtailadmin_home"))  # content types and permissions cached, as in a running site
    with django_assert_max_num_queries(QUERY_BUDGETS[role]) as before:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    for number in range(6):
        practice = make_practice(id=f"lisa{number}", regions=["FI-10"])
        PendingAdoptionFactory(practice=practice, organisation=f"Kunta {number}")
        SupportRequestFactory(organisation=f"Kunta {number}")
    with django_assert_max_num_queries(QUERY_BUDGETS[role]) as after:
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    # More rows than a panel shows cost one COUNT each, never a query per row.
    assert len(after.captured_queries) <= len(before.captured_queries) + 3
    if role != "evaluator":
        assert "Avoimet tukipyynnöt" in html and "(kaikki 8)" in html
