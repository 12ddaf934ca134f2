"""The admin dashboard on the demo content: from the login form to the dashboard, per role.

A fresh throwaway database (an SQLite file in a temporary DATA_DIR, or with
DATABASE_URL pointing to PostgreSQL a "test_<name>_bench_<pid>" database
on that server) is migrated and given the demo content
(`load_demo_content`), one user per role and a day's work for the
regional worker of Lappi: an adoption report and a support request of
Lappi waiting. Then each user, with a fresh client each time, posts the
login form and follows the redirect to the dashboard; the wall time of the
whole round (password check, session, dashboard with its panels and menu)
and the SQL statements run are printed, the median and the fastest of the
runs, with the process's CPU time (steadier than wall time on a shared
machine). The dashboard alone, already logged in, is timed too, and the
process's first round (cold: URL confs, hooks and templates loaded then).

Usage:
    python bench/admin_dashboard.py [--runs 7]

Target (issue 19): login to dashboard under 0.5 s for every role.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-" + secrets.token_urlsafe(12)
TARGET_SECONDS = 0.5


def setup_django(tmp: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "mallipankki.settings"
    os.environ["DATA_DIR"] = tmp
    # As `make run` serves it (DEBUG on: static files without collectstatic's manifest).
    os.environ["DEBUG"] = "true"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    import django

    django.setup()
    from django.db import connections

    database = connections["default"].settings_dict
    if database["ENGINE"].endswith("postgresql"):
        database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_bench_{os.getpid()}"


def fresh_database():
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        from django.test.utils import setup_databases

        return setup_databases(verbosity=0, interactive=False)
    call_command("migrate", verbosity=0)
    return None


def drop_database(config) -> None:
    from django.db import connection

    if config is not None:
        from django.test.utils import teardown_databases

        teardown_databases(config, verbosity=0)
    connection.close()


def make_users() -> dict:
    """One user per role, each with the password PASSWORD, and Lappi's day's work."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from mallipankki.adoptions.models import PendingAdoption
    from mallipankki.core import permissions
    from mallipankki.practices.models import PracticePage
    from mallipankki.regions.models import RegionalWorker, SupportRequest
    from mallipankki.vocabularies.models import Region

    User = get_user_model()
    users = {}
    for label, group in (
        ("editor", permissions.EDITORS),
        ("evaluator", permissions.EVALUATORS),
        ("regional worker", permissions.REGIONAL_WORKERS),
        ("admin", permissions.ADMINS),
    ):
        user = User.objects.create_user(f"bench-{label.replace(' ', '-')}", f"{label[:4]}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        users[label] = user
    users["superuser"] = User.objects.create_superuser("bench-superuser", "root@example.org", PASSWORD)
    lappi = Region.objects.get(code="FI-10")
    RegionalWorker.objects.create(user=users["regional worker"]).regions.set([lappi])
    practice = PracticePage.objects.live().first()
    now = timezone.now()
    PendingAdoption.objects.create(
        practice=practice, organisation="Rovaniemi", region=lappi, year=2025,
        contact_name="Liisa", contact_email="liisa@example.org", consent_at=now, ip_hash="0" * 64,
    )  # fmt: skip
    SupportRequest.objects.create(
        region=lappi, message="Apua", name="Pekka", organisation="Kemi", email="pekka@example.org",
        consent_at=now, ip_hash="0" * 64,
    )  # fmt: skip
    return users


def login_round(user) -> tuple[float, int, float]:
    """Seconds, SQL statements and CPU seconds from posting the login form to the dashboard's last byte."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get("/admin/login/")  # the CSRF cookie, as a browser has it from the form
    with CaptureQueriesContext(connection) as queries:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD, "next": "/admin/"})
        assert response.status_code == 302, response.status_code
        response = client.get(response.url)
        assert response.status_code == 200, response.status_code
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return elapsed, len(queries), cpu


def dashboard_only(user) -> tuple[float, int, float]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get("/admin/")
        assert response.status_code == 200, response.status_code
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return elapsed, len(queries), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mallipankki-bench-") as tmp:
        setup_django(tmp)
        from django.conf import settings
        from django.db import connection

        from mallipankki.pages.demo_content import load_demo_content

        config = fresh_database()
        try:
            load_demo_content()
            users = make_users()
            print(f"database: {connection.vendor}; password hasher: {settings.PASSWORD_HASHERS[0].rsplit('.', 1)[-1]}")
            # The first request of a fresh process loads URL confs, hooks and templates.
            cold, cold_queries, _cpu = login_round(users["regional worker"])
            print(f"first login→dashboard of the process (regional worker): {cold:.3f} s, {cold_queries} SQL")
            print(
                f"{'role':<16} {'login→dashboard median s':>25} {'fastest':>8} {'CPU s':>6} {'SQL':>4}"
                f" {'dashboard only median s':>24} {'CPU s':>6} {'SQL':>4}"
            )
            worst = 0.0
            for label, user in users.items():
                dashboard_only(user)  # warm: templates, content types, permissions
                rounds = [login_round(user) for _ in range(args.runs)]
                alone = [dashboard_only(user) for _ in range(args.runs)]
                median = statistics.median(seconds for seconds, _, _ in rounds)
                worst = max(worst, median)
                print(
                    f"{label:<16} {median:>25.3f} {min(s for s, _, _ in rounds):>8.3f}"
                    f" {statistics.median(c for _, _, c in rounds):>6.3f} {rounds[-1][1]:>4}"
                    f" {statistics.median(s for s, _, _ in alone):>24.3f}"
                    f" {statistics.median(c for _, _, c in alone):>6.3f} {alone[-1][1]:>4}"
                )
            verdict = "within" if worst < TARGET_SECONDS else "OVER"
            print(f"slowest role's median {worst:.3f} s: {verdict} the {TARGET_SECONDS} s target")
        finally:
            drop_database(config)


if __name__ == "__main__":
    main()
