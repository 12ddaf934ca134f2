"""Settings read from the environment: a wrong or empty value says what is wrong at start-up.

Settings are computed once, when the module is imported, so each case runs in
a fresh interpreter with its own environment.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def environment(tmp_path: Path, **values: str) -> dict:
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "mallipankki.settings"}
    for name in (
        "DATABASE_URL",
        "SECRET_KEY",
        "DEBUG",
        "DATABASE_CONNECT_TIMEOUT",
        "DATABASE_LOCK_TIMEOUT",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ):
        env.pop(name, None)
    env.update(values)
    return env


def database_settings(tmp_path: Path, **values: str) -> dict:
    """settings.DATABASES["default"] as the given environment makes it."""
    code = "import json, mallipankki.settings as s; print(json.dumps(s.DATABASES['default']))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(tmp_path, **values),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_empty_database_url_means_the_default_sqlite_file(tmp_path):
    database = database_settings(tmp_path, DATABASE_URL="")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "mallipankki.sqlite3")
    assert database_settings(tmp_path, DATABASE_URL="  ")["NAME"] == database["NAME"]


def test_postgresql_gets_a_configurable_connect_timeout(tmp_path):
    url = "postgres://mallipankki@127.0.0.1:5432/mallipankki"
    assert database_settings(tmp_path, DATABASE_URL=url)["OPTIONS"]["connect_timeout"] == 5
    configured = database_settings(tmp_path, DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="12")
    assert configured["OPTIONS"]["connect_timeout"] == 12
    # A timeout written into the URL wins.
    in_url = database_settings(tmp_path, DATABASE_URL=url + "?connect_timeout=3", DATABASE_CONNECT_TIMEOUT="12")
    assert int(in_url["OPTIONS"]["connect_timeout"]) == 3


def test_sqlite_takes_the_write_lock_at_begin_and_waits_the_lock_timeout(tmp_path):
    options = database_settings(tmp_path)["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 5
    assert "journal_mode=WAL" in options["init_command"]
    assert database_settings(tmp_path, DATABASE_LOCK_TIMEOUT="2.5")["OPTIONS"]["timeout"] == 2.5


def test_postgresql_waits_the_lock_timeout_for_a_lock(tmp_path):
    url = "postgres://mallipankki@127.0.0.1:5432/mallipankki"
    assert database_settings(tmp_path, DATABASE_URL=url)["OPTIONS"]["options"] == "-c lock_timeout=5000"
    configured = database_settings(tmp_path, DATABASE_URL=url, DATABASE_LOCK_TIMEOUT="2")
    assert configured["OPTIONS"]["options"] == "-c lock_timeout=2000"
    # Options written into the URL are kept.
    in_url = database_settings(tmp_path, DATABASE_URL=url + "?options=-c%20search_path%3Dmp")["OPTIONS"]["options"]
    assert in_url == "-c search_path=mp -c lock_timeout=5000"


@pytest.mark.parametrize("key", ["", "   "])
def test_production_refuses_to_start_with_an_empty_secret_key(tmp_path, key):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment(tmp_path, DEBUG="false", SECRET_KEY=key),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set or is empty" in result.stderr


def test_production_starts_with_a_secret_key(tmp_path):
    code = "import mallipankki.settings as s; print(len(s.SECRET_KEY))"
    key = secrets.token_urlsafe(50)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(tmp_path, DEBUG="false", SECRET_KEY=key),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(len(key))
