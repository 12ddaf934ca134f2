"""The site with a database that cannot serve: missing, empty, or a server that never answers.

Each case runs the site in a fresh interpreter with its own DATABASE_URL (the
database is chosen when the settings are imported) and asks it for the home
page and an API list through Django's test client, so nothing listens on a
network port except the silent server below, on 127.0.0.1.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import json, time
import django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
# collectstatic has not run here: plain static URLs where production has the manifest's.
static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
override_settings(STORAGES={**settings.STORAGES, "staticfiles": static}).enable()
client = Client(raise_request_exception=False)
for url in ("/", "/api/v1/practices"):
    started = time.monotonic()
    response = client.get(url, secure=True)
    print(json.dumps({
        "url": url,
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "content_type": response["Content-Type"],
        "body": response.content.decode(),
        "seconds": time.monotonic() - started,
    }))
"""


def visit(tmp_path: Path, **values: str) -> dict[str, dict]:
    """The answers to / and /api/v1/practices, by URL."""
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "mallipankki.settings"}
    for name in ("DATABASE_URL", "DATABASE_CONNECT_TIMEOUT", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    env.update(values)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {answer["url"]: answer for answer in answers}


def production(**values: str) -> dict:
    return {"DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "testserver", **values}


def assert_not_migrated(answers: dict) -> None:
    page = answers["/"]
    assert page["status"] == 503
    assert page["retry_after"]
    assert "Palvelua ei ole vielä otettu käyttöön" in page["body"]
    assert "python manage.py migrate" in page["body"]
    assert "make run" in page["body"]
    assert 'name="viewport"' in page["body"]
    api = answers["/api/v1/practices"]
    assert api["status"] == 503
    assert api["content_type"] == "application/json"
    assert api["retry_after"]


@pytest.mark.parametrize("debug", ["true", "false"])
def test_missing_sqlite_file_is_a_503_that_says_to_migrate_and_is_not_created(tmp_path, debug):
    database = tmp_path / "puuttuu.sqlite3"
    values = production() if debug == "false" else {}
    answers = visit(tmp_path, DATABASE_URL=f"sqlite:///{database}", **values)
    assert_not_migrated(answers)
    assert not database.exists()


@pytest.mark.parametrize("debug", ["true", "false"])
def test_empty_sqlite_file_is_a_503_that_says_to_migrate(tmp_path, debug):
    # What a server started before the fix, or `manage.py check`, leaves behind.
    database = tmp_path / "tyhja.sqlite3"
    database.touch()
    values = production() if debug == "false" else {}
    assert_not_migrated(visit(tmp_path, DATABASE_URL=f"sqlite:///{database}", **values))


@pytest.fixture
def silent_server():
    """A TCP server on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    for connection in held:
        connection.close()
    listener.close()


def test_postgresql_server_that_never_answers_is_a_503_after_the_connect_timeout(tmp_path, silent_server):
    url = f"postgres://mallipankki:salasana@127.0.0.1:{silent_server}/mallipankki"
    started = time.monotonic()
    answers = visit(tmp_path, DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="2", **production())
    page, api = answers["/"], answers["/api/v1/practices"]
    assert page["status"] == 503
    assert page["retry_after"]
    assert "Palvelu ei ole juuri nyt käytettävissä" in page["body"]
    assert "site.css" in page["body"]
    assert api["status"] == 503
    assert json.loads(api["body"]) == {"detail": "Service temporarily unavailable."}
    # psycopg waits at least 2 s; each request connects once, not once more to ask about migrations.
    assert page["seconds"] < 6
    assert api["seconds"] < 6
    assert time.monotonic() - started < 30
