"""What visitors see: the practice page, the API, the export and the copy pages, from stored results only."""

import json
import socket

import pytest

from mallipankki.links.factories import ArchivedCopyFactory, CopyPermissionFactory, LinkFactory
from mallipankki.links.fetch import Fetcher
from mallipankki.links.models import Link

pytestmark = pytest.mark.django_db

GUIDE = "https://hanke.example/opas.pdf"
FORM = "https://hanke.example/lomake"


@pytest.fixture
def practice(make_practice):
    return make_practice(
        id="malli-linkit",
        resources=[
            {"type": "pdf", "title": {"fi": "Opas"}, "url": GUIDE},
            {"type": "link", "title": {"fi": "Lomake"}, "url": FORM},
        ],
    )


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach another server fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a page request tried to reach the network")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(Fetcher, "check", refuse)


def test_broken_link_says_so_with_the_check_date(client, practice, no_network):
    LinkFactory(url=FORM, status=Link.Status.BROKEN)
    LinkFactory(url=GUIDE, status=Link.Status.FAILING)
    html = client.get(practice.url).content.decode()
    assert html.count("Linkki ei toimi (tarkistettu 8.3.2026)") == 1  # failing is not broken yet
    assert "Arkistoitu kopio" not in html


def test_public_copy_is_offered_beside_the_link_with_robust_links_attributes(client, practice, no_network, settings):
    copy = ArchivedCopyFactory(link=LinkFactory(url=GUIDE, status=Link.Status.BROKEN))
    CopyPermissionFactory(practice=practice, url=GUIDE)
    html = client.get(practice.url).content.decode()
    copy_path = f"/mallit/{practice.pk}/arkisto/{copy.pk}/"
    assert f'href="{copy_path}"' in html
    assert f'data-originalurl="{GUIDE}"' in html
    assert f'data-versionurl="{settings.BASE_URL}{copy_path}"' in html
    assert 'data-versiondate="2026-02-01"' in html
    assert '>Arkistoitu kopio<span class="visually-hidden">: Opas</span></a>' in html


def test_copy_without_permission_is_not_offered_to_visitors(client, practice):
    copy = ArchivedCopyFactory(link=LinkFactory(url=GUIDE, status=Link.Status.BROKEN))
    assert "Arkistoitu kopio" not in client.get(practice.url).content.decode()
    assert client.get(f"/mallit/{practice.pk}/arkisto/{copy.pk}/").status_code == 404
    assert client.get(f"/mallit/{practice.pk}/arkisto/{copy.pk}/lataa/").status_code == 404


def test_staff_see_every_copy_and_are_told_it_is_not_public(admin_client, practice):
    copy = ArchivedCopyFactory(link=LinkFactory(url=GUIDE))
    response = admin_client.get(f"/mallit/{practice.pk}/arkisto/{copy.pk}/")
    assert response.status_code == 200
    assert "Vain ylläpidolle" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_copy_page_says_what_where_and_when_and_offers_the_download(client, practice, no_network):
    copy = ArchivedCopyFactory(link=LinkFactory(url=GUIDE))
    CopyPermissionFactory(practice=practice, url=GUIDE)
    html = client.get(f"/mallit/{practice.pk}/arkisto/{copy.pk}/").content.decode()
    for expected in ("Opas", "opas.pdf", "application/pdf", GUIDE, "1.2.2026", copy.sha256):
        assert expected in html
    download = client.get(f"/mallit/{practice.pk}/arkisto/{copy.pk}/lataa/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == b"%PDF-1.4 test copy"
    assert 'attachment; filename="opas.pdf"' in download["Content-Disposition"]


def test_a_copy_is_only_shown_under_a_practice_that_links_to_it(client, practice, make_practice):
    other = make_practice(resources=[{"type": "link", "title": {"fi": "Muu"}, "url": "https://muu.example/"}])
    copy = ArchivedCopyFactory(link=LinkFactory(url=GUIDE))
    CopyPermissionFactory(practice=practice, url=GUIDE)
    CopyPermissionFactory(practice=other, url=GUIDE)
    assert client.get(f"/mallit/{other.pk}/arkisto/{copy.pk}/").status_code == 404


def test_permission_is_per_material_of_a_practice(client, practice, make_practice):
    copy = ArchivedCopyFactory(link=LinkFactory(url=GUIDE))
    elsewhere = make_practice(resources=[{"type": "pdf", "title": {"fi": "Sama opas"}, "url": GUIDE}])
    CopyPermissionFactory(practice=elsewhere, url=GUIDE)
    assert client.get(f"/mallit/{practice.pk}/arkisto/{copy.pk}/").status_code == 404
    assert client.get(f"/mallit/{elsewhere.pk}/arkisto/{copy.pk}/").status_code == 200


def test_api_detail_gives_status_check_time_and_public_copy(client, practice, no_network):
    LinkFactory(url=FORM, status=Link.Status.BROKEN)
    copy = ArchivedCopyFactory(link=LinkFactory(url=GUIDE, status=Link.Status.OK))
    CopyPermissionFactory(practice=practice, url=GUIDE)
    resources = client.get("/api/v1/practices/malli-linkit").json()["resources"]
    guide, form = resources
    assert guide["status"] == "ok" and guide["checked_at"] == "2026-03-08T09:30:00Z"
    assert guide["archived_url"].endswith(f"/mallit/{practice.pk}/arkisto/{copy.pk}/")
    assert form["status"] == "broken" and "archived_url" not in form


def test_unchecked_links_have_no_status_fields(client, practice):
    resources = client.get("/api/v1/practices/malli-linkit").json()["resources"]
    assert all(not {"status", "checked_at", "archived_url"} & set(resource) for resource in resources)


def test_export_gives_the_fields_and_stays_valid_against_the_schema(client, practice):
    from mallipankki.imports.validation import record_validators

    LinkFactory(url=FORM, status=Link.Status.FAILING)
    ArchivedCopyFactory(link=LinkFactory(url=GUIDE, status=Link.Status.BROKEN))
    CopyPermissionFactory(practice=practice, url=GUIDE)
    response = client.get("/api/v1/export.json")
    data = json.loads(b"".join(response.streaming_content))
    record = next(record for record in data["practices"] if record["id"] == "malli-linkit")
    guide, form = record["resources"]
    assert (guide["status"], form["status"]) == ("broken", "failing")
    assert "archived_url" in guide and "archived_url" not in form
    validator, _quick = record_validators()
    assert list(validator.iter_errors(record)) == []
