"""An existing site upgrades without losing data.

`fixtures/main-6dca2d9.sqlite3.gz` is the SQLite database of a site made by
main at 6dca2d9 (before the apps were reorganised): `migrate`, the demo
content and an import of 300 generated practices. The test migrates a copy
with today's code and compares the data before and after: every table's rows,
every page and every revision. A change that renames a table, or moves a
model between apps without keeping its table, loses rows here.
"""

import gzip
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "main-6dca2d9.sqlite3.gz"

pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the upgraded database is an SQLite file; the SQLite run covers it",
)


def snapshot(path: Path) -> dict:
    """Row counts of every table, and digests of the pages and revisions."""
    with sqlite3.connect(path) as con:
        tables = [
            name
            for (name,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'django_migrations' ORDER BY name"
            )
        ]
        counts = {table: con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}  # noqa: S608
        pages = hashlib.sha256()
        # The root page's title is left out: migrate gives Wagtail's "Root" a
        # Finnish name (pages/apps.py), checked on its own below.
        for row in con.execute(
            "SELECT p.id, p.path, p.slug, CASE WHEN p.depth = 1 THEN '' ELSE p.title END, p.live, "
            "p.latest_revision_id, ct.app_label, ct.model "
            "FROM wagtailcore_page p JOIN django_content_type ct ON ct.id = p.content_type_id ORDER BY p.id"
        ):
            pages.update(repr(row).encode())
        revisions = hashlib.sha256()
        for row in con.execute("SELECT id, object_id, content FROM wagtailcore_revision ORDER BY id"):
            revisions.update(repr(row).encode())
        (root_title,) = con.execute("SELECT title FROM wagtailcore_page WHERE depth = 1").fetchone()
    return {"counts": counts, "pages": pages.hexdigest(), "revisions": revisions.hexdigest(), "root": root_title}


def manage(data_dir: Path, database: Path, *args: str) -> str:
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "mallipankki.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_site_made_by_the_earlier_main_migrates_without_losing_data(tmp_path):
    database = tmp_path / "site.sqlite3"
    with gzip.open(FIXTURE, "rb") as packed, open(database, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    before = snapshot(database)
    assert before["counts"]["practices_practicepage"] == 308  # 8 demo practices and 300 imported

    manage(tmp_path, database, "migrate", "--no-input")
    after = snapshot(database)

    # Later migrations may add tables and rows (the admins' group gains the
    # permissions of new models); no table may vanish or lose a row.
    for table, count in before["counts"].items():
        assert after["counts"].get(table, -1) >= count, table
    assert after["counts"]["wagtailcore_page"] == before["counts"]["wagtailcore_page"]
    assert after["pages"] == before["pages"]
    assert after["revisions"] == before["revisions"]
    assert (before["root"], after["root"]) == ("Root", "Sivupuun juuri")
    assert "[ ]" not in manage(tmp_path, database, "showmigrations")

    # Today's code reads the upgraded data: the tree is sound, search finds practices.
    checked = manage(
        tmp_path,
        database,
        "shell",
        "-c",
        "from wagtail.models import Page; "
        "from mallipankki.practices.models import PracticePage; "
        "print(len(Page.find_problems()[0]), PracticePage.objects.live().count())",
    )
    problems, live = checked.split()[-2:]
    assert problems == "0"
    assert int(live) == live_practices(database)


def live_practices(database: Path) -> int:
    with sqlite3.connect(database) as con:
        return con.execute(
            "SELECT count(*) FROM practices_practicepage pp "
            "JOIN wagtailcore_page p ON p.id = pp.page_ptr_id WHERE p.live"
        ).fetchone()[0]
