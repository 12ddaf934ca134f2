"""Queries and render time of the public pages, on the demo content, in production mode.

    python bench/profile_pages.py [--data-dir DIR] [--runs 15] [--profile PAGE]

A temporary DATA_DIR (or --data-dir, kept and reused between runs) gets the
migrated database, the demo content and collectstatic's manifest, then each
page is fetched with Django's test client, DEBUG off as gunicorn serves it:
the SQL statements of one warm request, and the median and fastest wall and
CPU milliseconds of --runs requests. `--profile home` prints where one page's
time goes (cProfile, cumulative). With DATABASE_URL pointing to PostgreSQL
the database named there is used as it is (give it a name of your own).

These are the pages of issue 23: home, a theme page, a practice page, the
catalogue and one filter of it, and a region page.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(data_dir: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "mallipankki.settings"
    os.environ["DATA_DIR"] = data_dir
    os.environ["DEBUG"] = "false"
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    import django

    django.setup()


def prepare() -> None:
    """Migrate, load the demo content and collect static files, once per DATA_DIR."""
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", if_empty=True, verbosity=0)
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)


def pages() -> dict[str, str]:
    """Page type → address, as the demo content has them."""
    from mallipankki.pages.models import ThemePage
    from mallipankki.practices.models import PracticeIndexPage, PracticePage

    theme = ThemePage.objects.live().order_by("path").first()
    practice = PracticePage.objects.live().order_by("path").first()
    catalogue = PracticeIndexPage.objects.live().first()
    return {
        "home": "/",
        "theme": theme.url,
        "practice": practice.url,
        "catalogue": catalogue.url,
        "catalogue filter": f"{catalogue.url}?teema={theme.theme.code}",
        "region": "/alueet/lappi/",
    }


def measure(client, url: str, runs: int) -> dict:
    from django.db import connection

    response = client.get(url)  # warm: URL confs, templates, per-process caches
    assert response.status_code == 200, (url, response.status_code)
    # Not CaptureQueriesContext: each request's start empties the connection's
    # query log (reset_queries), so it would count nothing.
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(url)
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        client.get(url)
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return {
        "queries": len(queries),
        "ms": statistics.median(walls),
        "ms_min": min(walls),
        "cpu_ms": statistics.median(cpus),
        "sql": queries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", help="DATA_DIR to use and keep (default: a temporary one)")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", help="page type to profile with cProfile")
    parser.add_argument("--sql", help="page type whose SQL statements to print")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="mallipankki-profile-")
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    setup_django(data_dir)
    prepare()
    from django.db import connection
    from django.test import Client

    client = Client()
    addresses = pages()
    print(f"database: {connection.vendor}; load average: {os.getloadavg()[0]:.2f}")
    print(f"{'page':<18} {'queries':>7} {'ms p50':>8} {'ms min':>8} {'CPU ms':>8}  address")
    for name, url in addresses.items():
        result = measure(client, url, args.runs)
        print(f"{name:<18} {result['queries']:>7} {result['ms']:>8.1f} {result['ms_min']:>8.1f} "
              f"{result['cpu_ms']:>8.1f}  {url}")  # fmt: skip
        if args.sql == name:
            for sql in result["sql"]:
                print("   ", sql[:300])
    if args.profile:
        url = addresses[args.profile]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.runs):
            client.get(url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    return 0


if __name__ == "__main__":
    sys.exit(main())
