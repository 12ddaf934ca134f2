"""The production error pages: 404, 500 and 503, with DEBUG off, in Finnish, fit for a phone.

tests/test_database_faults.py runs the site against a missing, empty and
unreachable database; these tests fake the database's exceptions in-process.
"""

from types import SimpleNamespace
from unittest import mock

import pytest
from django.db import OperationalError, ProgrammingError
from django.template import loader
from django.test import Client, override_settings

from mallipankki.core import unavailable

pytestmark = pytest.mark.django_db

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@pytest.fixture
def quiet_client():
    """A client that gets the error page instead of the exception."""
    return Client(raise_request_exception=False)


@override_settings(DEBUG=False)
def test_404_is_the_sites_own_finnish_page(client, home_page):
    response = client.get("/ei-ole-tallaista-sivua/")
    assert response.status_code == 404
    assert [template.name for template in response.templates][:2] == ["404.html", "base.html"]
    html = response.content.decode()
    assert '<html lang="fi">' in html
    assert "Sivua ei löytynyt" in html
    assert VIEWPORT in html
    assert 'href="/mallit/"' in html


@override_settings(DEBUG=False)
def test_500_handler_answers_the_finnish_page(quiet_client):
    with mock.patch("mallipankki.core.views.HttpResponse", side_effect=RuntimeError("rikki")):
        response = quiet_client.get("/robots.txt")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="fi">' in html
    assert "<h1>Palvelussa on häiriö</h1>" in html
    assert VIEWPORT in html
    assert "rikki" not in html


def test_500_page_renders_without_a_request_or_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.render_to_string("500.html")
    assert "Palvelussa on häiriö" in html


@override_settings(DEBUG=False)
def test_unreachable_database_in_a_view_is_a_503_page_with_retry_after(quiet_client):
    with mock.patch("mallipankki.core.views.HttpResponse", side_effect=OperationalError("connection timeout expired")):
        response = quiet_client.get("/robots.txt")
    assert response.status_code == 503
    assert response["Retry-After"] == str(unavailable.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "<h1>Palvelu ei ole juuri nyt käytettävissä</h1>" in html
    assert VIEWPORT in html
    assert "connection timeout expired" not in html
    # The headers of the site's other answers are on it too.
    assert "Content-Security-Policy" in response
    assert "Permissions-Policy" in response


@override_settings(DEBUG=True)
def test_unreachable_database_is_a_503_also_with_debug_on(quiet_client):
    with mock.patch("mallipankki.core.views.HttpResponse", side_effect=OperationalError("timeout")):
        assert quiet_client.get("/robots.txt").status_code == 503


@override_settings(DEBUG=False)
def test_unreachable_database_in_a_middleware_is_a_503_through_handler500(quiet_client):
    failing = mock.patch(
        "mallipankki.core.middleware.missing_database_response", side_effect=OperationalError("timeout")
    )
    with failing:
        response = quiet_client.get("/robots.txt")
    assert response.status_code == 503
    assert "Palvelu ei ole juuri nyt käytettävissä" in response.content.decode()


@pytest.mark.parametrize("debug", [False, True])
def test_unreachable_database_in_the_api_is_a_json_503(quiet_client, debug):
    failing = mock.patch("mallipankki.api.views.published_practices", side_effect=OperationalError("timeout"))
    with override_settings(DEBUG=debug), failing:
        response = quiet_client.get("/api/v1/practices")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Service temporarily unavailable."}
    assert response["Retry-After"] == str(unavailable.RETRY_AFTER_SECONDS)


@override_settings(DEBUG=False)
def test_missing_tables_are_a_503_that_tells_the_operator_to_migrate(quiet_client):
    # PostgreSQL names a missing table with ProgrammingError, SQLite with OperationalError.
    for error in (ProgrammingError('relation "wagtailcore_site" does not exist'), OperationalError("no such table")):
        with (
            mock.patch("mallipankki.core.views.HttpResponse", side_effect=error),
            mock.patch.object(unavailable, "unapplied_migrations", return_value=True),
        ):
            response = quiet_client.get("/robots.txt")
        assert response.status_code == 503
        html = response.content.decode()
        assert "<h1>Palvelua ei ole vielä otettu käyttöön</h1>" in html
        assert "<code>python manage.py migrate</code>" in html


@override_settings(DEBUG=False)
def test_other_database_errors_stay_500(quiet_client):
    with mock.patch("mallipankki.core.views.HttpResponse", side_effect=ProgrammingError("syntax error")):
        assert quiet_client.get("/robots.txt").status_code == 500


def test_the_test_database_has_every_migration_applied():
    assert unavailable.unapplied_migrations() is False


def test_missing_database_file_is_only_a_missing_sqlite_file(tmp_path):
    def connection(vendor, name):
        return SimpleNamespace(vendor=vendor, settings_dict={"NAME": name}, is_in_memory_db=lambda: name == ":memory:")

    existing = tmp_path / "on.sqlite3"
    existing.touch()
    assert unavailable.missing_database_file(connection("sqlite", str(tmp_path / "ei.sqlite3")))
    assert not unavailable.missing_database_file(connection("sqlite", str(existing)))
    assert not unavailable.missing_database_file(connection("sqlite", ":memory:"))
    assert not unavailable.missing_database_file(connection("sqlite", "file:memorydb?mode=memory&cache=shared"))
    assert not unavailable.missing_database_file(connection("postgresql", "mallipankki"))
