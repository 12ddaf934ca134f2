"""Editors and regional workers: the report, the dashboard panel and the copies' permissions."""

import pytest
from django.contrib.auth.models import Group
from wagtail import hooks

from mallipankki.core.permissions import EDITORS
from mallipankki.links.factories import ArchivedCopyFactory, LinkFactory
from mallipankki.links.models import CopyPermission, Link
from mallipankki.links.report import materials_lost, problems_by_practice
from mallipankki.practices.models import PracticePage

pytestmark = pytest.mark.django_db


def material(url, title="Opas"):
    return {"type": "link", "title": {"fi": title}, "url": url}


@pytest.fixture
def practices(make_practice):
    lapland = make_practice(
        id="malli-lappi",
        name={"fi": "Lapin malli"},
        regions=["FI-19"],
        themes=["yhteistyo"],
        resources=[material("https://a.example/opas"), material("https://a.example/lomake", "Lomake")],
        organisations=[{"name": "Hanke", "role": "developer", "url": "https://a.example/"}],
    )
    uusimaa = make_practice(
        id="malli-uusimaa",
        name={"fi": "Uudenmaan malli"},
        regions=["FI-01"],
        themes=["toimintakyky"],
        resources=[material("https://b.example/opas")],
    )
    LinkFactory(url="https://a.example/opas", status=Link.Status.BROKEN)
    LinkFactory(url="https://a.example/lomake", status=Link.Status.OK)
    LinkFactory(url="https://a.example/", status=Link.Status.FAILING)
    LinkFactory(url="https://b.example/opas", status=Link.Status.BROKEN)
    return lapland, uusimaa


def test_report_lists_broken_and_failing_links_by_practice_with_counts(admin_client, practices):
    html = admin_client.get("/admin/linkit/").content.decode()
    assert "Lapin malli" in html and "Uudenmaan malli" in html
    assert "https://a.example/opas" in html and "https://a.example/" in html
    assert "https://a.example/lomake" not in html
    assert "2 linkkiä ei toimi" in html and "1 ei vastannut viime tarkistuksessa" in html and "2 mallia" in html


def test_report_filters_by_region_and_theme(admin_client, practices):
    by_region = admin_client.get("/admin/linkit/?region=FI-01").content.decode()
    assert "Uudenmaan malli" in by_region and "Lapin malli" not in by_region
    by_theme = admin_client.get("/admin/linkit/?theme=yhteistyo").content.decode()
    assert "Lapin malli" in by_theme and "Uudenmaan malli" not in by_theme


def test_report_is_not_for_visitors_without_a_role(client, django_user_model, practices):
    user = django_user_model.objects.create_user("vieras", password="x")
    client.force_login(user)
    assert client.get("/admin/linkit/").status_code in (302, 403)


def test_dashboard_panel_counts_the_links(admin_client, practices):
    html = admin_client.get("/admin/").content.decode()
    assert 'id="link-health' in html
    assert "2 linkkiä ei toimi" in html


def test_editor_makes_a_copy_public_with_the_reason_explained(client, django_user_model, practices):
    lapland, _ = practices
    editor = django_user_model.objects.create_user("toimittaja", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    page = client.get(f"/admin/linkit/malli/{lapland.pk}/").content.decode()
    assert "oikeus julkaista aineisto uudelleen" in page
    response = client.post(f"/admin/linkit/malli/{lapland.pk}/", {"julkinen-0": "on"})
    assert response.status_code == 302
    permission = CopyPermission.objects.get()
    assert (permission.url, permission.public, permission.decided_by) == ("https://a.example/opas", True, editor)
    client.post(f"/admin/linkit/malli/{lapland.pk}/", {})
    assert not CopyPermission.objects.get().public


def test_problems_by_practice_in_few_queries(practices, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        rows = problems_by_practice(PracticePage.objects.live())
        assert [(row.practice.title, row.broken, row.failing) for row in rows] == [
            ("Lapin malli", 1, 1),
            ("Uudenmaan malli", 1, 0),
        ]
        [list(row.practice.regions.all()) for row in rows]


def test_all_materials_broken_without_public_copy_is_a_continuity_risk(practices):
    lapland, uusimaa = practices
    assert list(materials_lost(PracticePage.objects.live())) == [uusimaa]
    ArchivedCopyFactory(link=Link.objects.get(url="https://b.example/opas"))
    assert list(materials_lost(PracticePage.objects.live())) == [uusimaa]  # a copy staff only does not save it
    CopyPermission.objects.create(
        practice=uusimaa, url="https://b.example/opas", public=True, decided_at=lapland.first_published_at
    )
    assert list(materials_lost(PracticePage.objects.live())) == []


def test_the_admin_menu_has_the_report(admin_client):
    labels = [str(item().label) for item in hooks.get_hooks("register_admin_menu_item") if "links" in item.__module__]
    assert labels == ["Linkkien kunto"]


def test_the_practice_edit_page_links_to_its_materials_view(admin_client, practices):
    lapland, _ = practices
    html = admin_client.get(f"/admin/pages/{lapland.pk}/edit/").content.decode()
    assert "Linkit ja arkistokopiot" in html
    assert f"/admin/linkit/malli/{lapland.pk}/" in html
