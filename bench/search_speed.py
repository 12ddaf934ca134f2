"""Search speed on synthetic corpora: indexing throughput and query latency.

For each size, a corpus from bench/generate_corpus.py is loaded into a fresh
throwaway database, indexed with `rebuild_index()`, and 100 varied queries
(inflected topics, multi-word phrases, target groups, places, Swedish and
English names, typos, words that find nothing) are timed three ways:

- results only: `search(q, with_facets=False)` (what the API needs),
- with facets: `search(q)` (what /haku/ needs),
- with facets and filters: `search(q, {theme, and for half of them a region})`,
- results only and with facets again, each query prepared afresh ("cold":
  without query.prepare_query's per-process cache).

Browsing (empty query, with facets) and incremental indexing
(`index_practice()` as the publish signal runs it) are timed too.

The practices are written with bulk inserts, not through the importer:
importing 100 000 practices as Wagtail revisions would take hours, and only
the rows matter here. They are mapped with interchange.apply_record (the
same mapping the importer uses) and indexed by the real rebuild_index().

Usage:
    python bench/search_speed.py [--sizes 10000,100000] [--queries 100] [--seed 1]

Database: with DATABASE_URL pointing to PostgreSQL, Django's test database
("test_<name>_bench_<pid>") on that server, created and dropped per size; otherwise an
SQLite file in a temporary DATA_DIR. The developer's database is never used.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 1000


def setup_django(tmp: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "mallipankki.settings"
    os.environ["DATA_DIR"] = tmp
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    import django

    django.setup()
    from django.db import connections

    database = connections["default"].settings_dict
    if database["ENGINE"].endswith("postgresql"):
        # Not Django's default test_<name>: a test run on the same server
        # must not have its database replaced by a benchmark, nor the reverse.
        database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_bench_{os.getpid()}"


class FreshDatabase:
    """A new, migrated database for one corpus size."""

    def __enter__(self):
        from django.core.management import call_command
        from django.db import connection

        if connection.vendor == "postgresql":
            from django.test.utils import setup_databases

            self.old_config = setup_databases(verbosity=0, interactive=False)
        else:
            connection.close()
            Path(connection.settings_dict["NAME"]).unlink(missing_ok=True)
            call_command("migrate", verbosity=0)
        return self

    def __exit__(self, *exc):
        from django.db import connection

        if connection.vendor == "postgresql":
            from django.test.utils import teardown_databases

            teardown_databases(self.old_config, verbosity=0)
        else:
            connection.close()


# --------------------------------------------------------------------------
# Loading


def site_tree():
    from wagtail.models import Page, Site

    from mallipankki.pages.models import HomePage
    from mallipankki.practices.models import PracticeIndexPage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Mallipankki", slug="bench-koti"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home.add_child(instance=PracticeIndexPage(title="Mallit", slug="mallit"))


def load_practices(index, records) -> int:
    """Write the records as live (or draft) practice pages with bulk inserts."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils.dateparse import parse_datetime
    from wagtail.models import Locale, Page

    from mallipankki.imports.tree_paths import child_path
    from mallipankki.practices.interchange import VocabularyIndex, apply_record
    from mallipankki.practices.models import PracticePage

    vocabularies = VocabularyIndex()
    content_type = ContentType.objects.get_for_model(PracticePage)
    locale = Locale.get_default()
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    own_fields = PracticePage._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in own_fields)
    insert = (
        f"INSERT INTO {connection.ops.quote_name(PracticePage._meta.db_table)} ({columns}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(own_fields))})"
    )
    m2m = {name: getattr(PracticePage, name).through for name in ("themes", "target_groups", "countries", "regions")}
    children = ("organisations", "funding", "resources")
    position = 0

    def flush(batch):
        bases = []
        for practice in batch:
            base = Page()
            for field in page_fields:
                setattr(base, field.attname, getattr(practice, field.attname))
            bases.append(base)
        Page.objects.bulk_create(bases)
        rows = []
        for practice, base in zip(batch, bases, strict=True):
            practice.pk = practice.page_ptr_id = base.pk
            rows.append([field.get_db_prep_save(getattr(practice, field.attname), connection) for field in own_fields])
        with connection.cursor() as cursor:
            cursor.executemany(insert, rows)
        for name, through in m2m.items():
            target = getattr(PracticePage, name).field.remote_field.model._meta.model_name
            through.objects.bulk_create(
                [
                    through(**{"practicepage_id": practice.pk, f"{target}_id": term.pk})
                    for practice in batch
                    for term in getattr(practice, name).all()
                ]
            )
        for name in children:
            objects = []
            for practice in batch:
                for order, child in enumerate(getattr(practice, name).all()):
                    child.practice_id = practice.pk
                    child.sort_order = order
                    objects.append(child)
            if objects:
                type(objects[0]).objects.bulk_create(objects)

    with transaction.atomic():
        batch = []
        for record in records:
            practice = PracticePage()
            apply_record(practice, record, vocabularies)
            position += 1
            published = record.get("status", "published") == "published"
            when = parse_datetime(record["published_at"]) if record.get("published_at") else None
            practice.path = child_path(index.path, index.depth + 1, position)
            practice.depth = index.depth + 1
            practice.numchild = 0
            practice.url_path = f"{index.url_path}{practice.slug}/"
            practice.draft_title = practice.title
            practice.content_type = content_type
            practice.locale = locale
            practice.live = published
            practice.has_unpublished_changes = not published
            practice.first_published_at = when if published else None
            practice.last_published_at = when if published else None
            batch.append(practice)
            if len(batch) >= BATCH:
                flush(batch)
                batch = []
        if batch:
            flush(batch)
        Page.objects.filter(pk=index.pk).update(numchild=position)
    return position


# --------------------------------------------------------------------------
# Queries


def make_queries(count: int, seed: int) -> list[str]:
    """Varied queries in the corpus's own vocabulary, deterministic for a seed."""
    from bench.generate_corpus import GROUPS, REGIONS, TOPICS

    rng = random.Random(seed)
    kinds = [
        lambda: rng.choice(TOPICS).nom,
        lambda: rng.choice((rng.choice(TOPICS).gen, rng.choice(TOPICS).ela, rng.choice(TOPICS).ine)),
        lambda: f"{rng.choice(TOPICS).ela} {rng.choice(GROUPS).alla}",
        lambda: f"{rng.choice(GROUPS).gen} {rng.choice(TOPICS).par}",
        lambda: f"{rng.choice(TOPICS).nom} {rng.choice(REGIONS).loc}",
        lambda: rng.choice(GROUPS).alla,
        lambda: rng.choice((rng.choice(TOPICS).en, rng.choice(TOPICS).sv)),
        lambda: _typo(rng, rng.choice(TOPICS).nom),
        lambda: rng.choice(("IPS", "ESR+ hanke", "S30577", "kokemusasiantuntija", "nepsy-valmennus")),
        lambda: rng.choice(("xyzzyplugh", "kvanttitietokone", "avaruusmatkailu")),
    ]
    return [kinds[index % len(kinds)]() for index in range(count)]


def _typo(rng: random.Random, text: str) -> str:
    word = max(text.split(), key=len)
    cut = rng.randrange(2, len(word) - 1)
    return text.replace(word, word[:cut] + word[cut + 1 :])


def make_filters(count: int, seed: int) -> list[dict[str, list[str]]]:
    from bench.generate_corpus import REGIONS, TOPICS

    rng = random.Random(seed + 1)
    themes = sorted({theme for topic in TOPICS for theme in topic.themes})
    filters = []
    for index in range(count):
        chosen = {"theme": [rng.choice(themes)]}
        if index % 2:
            chosen["region"] = [rng.choice(REGIONS).code]
        filters.append(chosen)
    return filters


class Times(list):
    """Milliseconds per call, and in ``cpu`` the CPU milliseconds each took:
    this thread's, plus the database server process's when it runs on this
    machine (PostgreSQL on 127.0.0.1). On a shared machine wall times count
    the other processes' work too; CPU time is what the search itself costs."""

    cpu: list[float]


def _server_cpu_ns():
    """A function giving the CPU nanoseconds of this connection's PostgreSQL
    server process so far, or None when that cannot be read here."""
    from django.db import connection

    if connection.vendor != "postgresql" or connection.settings_dict.get("HOST") not in ("127.0.0.1", "localhost"):
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        path = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
    try:
        path.read_text()
    except OSError:
        return None
    return lambda: int(path.read_text().split()[0])


def timed(calls) -> Times:
    """Milliseconds per call (and CPU milliseconds, see Times), after one untimed pass to warm the caches."""
    for call in calls:
        call()
    server = _server_cpu_ns() or (lambda: 0)
    times, times.cpu = Times(), []
    for call in calls:
        started, cpu, server_cpu = time.perf_counter(), time.thread_time(), server()
        call()
        times.append((time.perf_counter() - started) * 1000)
        times.cpu.append((time.thread_time() - cpu) * 1000 + (server() - server_cpu) / 1e6)
    return times


def cold(call):
    """``call`` with the prepared-query cache and the matches' facet bitmaps emptied first."""
    from mallipankki.search.facet_bitmaps import forget_matches
    from mallipankki.search.query import forget_prepared_queries

    def run():
        forget_prepared_queries()
        forget_matches()
        call()

    return run


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    text = f"p50 {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms   max {ordered[-1]:7.1f} ms"
    if getattr(times, "cpu", None):
        cpu = sorted(times.cpu)
        cpu_p95 = cpu[min(len(cpu) - 1, round(0.95 * len(cpu)) - 1)]
        text += f"   CPU p50 {statistics.median(cpu):6.1f} p95 {cpu_p95:6.1f} ms"
    return text


def run_size(size: int, query_count: int, seed: int) -> None:
    from django.db import connection

    from bench.generate_corpus import generate_practices
    from mallipankki.practices.listing import published_practices
    from mallipankki.search.indexing import index_practice
    from mallipankki.search.rebuild import rebuild_index
    from mallipankki.search.service import search

    print(f"\n== {size} practices ({connection.vendor}) ==")
    index = site_tree()
    started = time.monotonic()
    written = load_practices(index, generate_practices(size, seed=seed))
    print(f"pages written (bulk inserts): {written} in {time.monotonic() - started:.1f} s")

    last = [0.0]

    def progress(done, total):
        if time.monotonic() - last[0] > 10 or done == total:
            last[0] = time.monotonic()
            print(f"  indexed {done}/{total}", flush=True)

    started = time.monotonic()
    indexed = rebuild_index(progress=progress)
    elapsed = time.monotonic() - started
    print(f"rebuild_index: {indexed} published practices in {elapsed:.1f} s = {indexed / elapsed:.0f} practices/s")

    sample = list(published_practices().order_by("?")[:200])
    started = time.monotonic()
    for page in sample:
        index_practice(page)
    per_page = (time.monotonic() - started) / len(sample) * 1000
    print(f"index_practice (one publish): {per_page:.1f} ms per practice (mean of {len(sample)})")

    queries = make_queries(query_count, seed)
    filters = make_filters(query_count, seed)
    counts = [search(query, with_facets=False).count for query in queries]
    print(
        f"{len(queries)} queries: median {statistics.median(counts):.0f} results, "
        f"{sum(1 for count in counts if not count)} with none, max {max(counts)}"
    )
    print(f"load average: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")
    print("results only           " + summary(timed([lambda q=q: search(q, with_facets=False) for q in queries])))
    print("with facets            " + summary(timed([lambda q=q: search(q) for q in queries])))
    # The lines above find each query prepared (query.prepare_query caches
    # the analysis, spelling and strict/relaxed choice for a while) and its
    # match's facet bitmap kept (facet_bitmaps.py); these start every query
    # afresh, as for a query nobody asked just before.
    print("results only, cold     " + summary(timed([cold(lambda q=q: search(q, with_facets=False)) for q in queries])))
    print("with facets, cold      " + summary(timed([cold(lambda q=q: search(q)) for q in queries])))
    # The same without the thesaurus (laajenna=ei): what widening the queries costs.
    print(
        "  without thesaurus    "
        + summary(timed([cold(lambda q=q: search(q, expand=False)) for q in queries]))
        + f"   ({sum(1 for q in queries if search(q, with_facets=False).widenings)} queries widened)"
    )
    # Again with it: the first timed pass also warmed the database's caches.
    print("  with thesaurus again " + summary(timed([cold(lambda q=q: search(q)) for q in queries])))
    print(
        "with facets + filters  "
        + summary(timed([lambda q=q, f=f: search(q, f) for q, f in zip(queries, filters, strict=True)]))
    )
    print("browse (empty query)   " + summary(timed([lambda: search("")] * 20)))
    print(f"load average: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes (default 10000)")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]

    with tempfile.TemporaryDirectory(prefix="mallipankki-speed-") as tmp:
        setup_django(tmp)
        from mallipankki.search.analysis import voikko_available

        print(f"Voikko: {'yes' if voikko_available() else 'NO (Snowball fallback)'}")
        for size in sizes:
            with FreshDatabase():
                run_size(size, args.queries, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
