"""The admin continuity report: its sections, and who sees which rows."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mallipankki.continuity.confirmations import record_answer
from mallipankki.continuity.factories import ContinuityReminderFactory
from mallipankki.continuity.rules import RULES
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.practices.models import PracticePage
from mallipankki.regions.factories import RegionalWorkerFactory

from .helpers import continuity_practice

Status = PracticePage.ContinuityStatus
REPORT = "/admin/jatkuvuus/"


@pytest.fixture
def practices(make_practice):
    """One practice per rule in Lappi and in Uusimaa, and one with no region."""
    made = {}
    for code, place in (("FI-10", "Lappi"), ("FI-18", "Uusimaa")):
        made[f"{place}-funding"] = continuity_practice(
            make_practice,
            name=f"{place}: rahoitus loppuu",
            regions=[code],
            funding_ends=[date(2020, 1, 31)],
            verified=timezone.localdate(),
            status=Status.IN_PROJECT,
        )
        made[f"{place}-unconfirmed"] = continuity_practice(
            make_practice, name=f"{place}: vahvistamatta", regions=[code], owner="Kunta"
        )
        made[f"{place}-ended"] = continuity_practice(
            make_practice, name=f"{place}: päättynyt", regions=[code], status=Status.ENDED
        )
    made["abroad"] = continuity_practice(make_practice, name="Ulkomailla: vahvistamatta")
    return made


def test_editor_sees_every_region_in_three_sections_with_edit_links(client, practices):
    client.force_login(UserFactory(username="toimittaja", role=permissions.EDITORS))
    response = client.get(REPORT)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Jatkuvuusraportti" in html
    for page in practices.values():
        assert page.title in html
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    sections = {section["rule"].code: section for section in response.context["sections"]}
    assert sections["funding"]["count"] == 2
    assert sections["unconfirmed"]["count"] == 3
    assert sections["ended"]["count"] == 2
    assert "31.1.2020" in html


def test_a_lappi_worker_sees_lappi_rows_only(client, practices):
    # No name: the admin shows the user's name, and "Lappilainen" would contain "Lappi".
    worker = RegionalWorkerFactory(
        user__username="lappilainen", user__first_name="", user__last_name="", regions=["FI-10"]
    )
    client.force_login(worker.user)
    response = client.get(REPORT)

    assert response.status_code == 200
    html = response.content.decode()
    for key, page in practices.items():
        if key.startswith("Lappi"):
            assert page.title in html, key
        else:
            assert page.title not in html, key
    assert "Lappi" in html  # names the worker's regions
    # The last section (all materials broken, links app) has no practices here.
    assert [section["count"] for section in response.context["sections"]] == [1, 1, 1, 0]


def test_answers_are_listed_for_the_region_only(client, practices):
    for key, note in (("Lappi-unconfirmed", "Lapin huomio"), ("Uusimaa-unconfirmed", "Uudenmaan huomio")):
        page = practices[key]
        reminder = ContinuityReminderFactory(practice=page, recipient="x@example.org")
        record_answer(reminder, answer="changed", continuity_status="embedded", note=note)

    client.force_login(RegionalWorkerFactory(user__username="lappilainen", regions=["FI-10"]).user)
    html = client.get(REPORT).content.decode()
    assert "Lapin huomio" in html
    assert "Uudenmaan huomio" not in html


def test_empty_sections_say_so(client, home_page):
    client.force_login(UserFactory(username="toimittaja", role=permissions.EDITORS))
    html = client.get(REPORT).content.decode()
    assert html.count("Ei malleja tässä ryhmässä.") == len(RULES)
    assert "Vastauksia ei ole vielä tullut." in html


def test_worker_without_regions_sees_an_explanation(client, practices):
    client.force_login(UserFactory(username="uusi", role=permissions.REGIONAL_WORKERS))
    response = client.get(REPORT)
    assert response.status_code == 200
    assert "Sinulle ei ole vielä määritetty alueita" in response.content.decode()
    assert all(section["count"] == 0 for section in response.context["sections"])


@pytest.mark.parametrize("role", [permissions.EVALUATORS, None])
def test_others_cannot_open_the_report_or_see_it_in_the_menu(client, home_page, role):
    user = UserFactory(username="muu", role=role)
    # Into the admin, but neither an editor nor a regional worker.
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    dashboard = client.get("/admin/").content.decode()
    assert "Jatkuvuusraportti" not in dashboard


def test_regional_worker_sees_the_menu_item(client, home_page):
    client.force_login(RegionalWorkerFactory(user__username="lappilainen", regions=["FI-10"]).user)
    assert "Jatkuvuusraportti" in client.get("/admin/").content.decode()


def test_report_queries_do_not_grow_with_rows(client, make_practice):
    client.force_login(UserFactory(username="toimittaja", role=permissions.EDITORS))

    def one_row_per_section(regions):
        continuity_practice(make_practice, regions=regions, status=Status.ENDED)
        continuity_practice(make_practice, regions=regions, status=Status.IN_PROJECT, owner="Kunta")
        continuity_practice(
            make_practice,
            regions=regions,
            funding_ends=[date(2020, 1, 1)],
            status=Status.IN_PROJECT,
            verified=timezone.localdate(),
        )

    one_row_per_section(["FI-10"])
    with CaptureQueriesContext(connection) as few:
        client.get(REPORT)
    for _ in range(3):
        one_row_per_section(["FI-10", "FI-18"])
    with CaptureQueriesContext(connection) as many:
        response = client.get(REPORT)
    # Three rules flag a row each; the fourth (all materials broken, links app) none.
    assert [section["count"] for section in response.context["sections"]] == [4, 4, 4, 0]
    assert len(many) == len(few)
