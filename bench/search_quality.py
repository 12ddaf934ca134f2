"""Search quality on the relevance test set in bench/relevance/.

Imports corpus.json into a throwaway database, runs every query of
queries.json through the site search (mallipankki.search.service.search) and
through two baselines over the same practices and fields, and prints
nDCG@10, recall@10 and MRR for the whole set and for subsets.

The engine runs twice: with the thesaurus ("engine") and without it ("no
thesaurus", laajenna=ei). Subsets include "cross" (queries whose practices
graded 2-3 include one without text in the query's language) and the tuning
(odd ids) and held-out (even ids) halves.

Baselines:
- "FTS5 raw": SQLite FTS5 over the raw text (unicode61 tokenizer, no
  stemming, no compound splitting), the same four weighted field groups and
  bm25 weights as the engine, every query word required and any word when
  that finds nothing (the engine's own semantics).
- "PG finnish": PostgreSQL to_tsvector('finnish', ...) with the same weight
  groups, plainto_tsquery('finnish', ...) (and OR when AND finds nothing),
  ranked with ts_rank_cd. Only when DATABASE_URL points to PostgreSQL.

Metrics (judgments are graded 0-3; unlisted practices are 0):
- nDCG@10 with gain 2^grade - 1;
- recall@10: share of the practices graded >= 1 that are in the top 10;
- MRR: 1 / rank of the first practice graded >= 2 in the top 10 (0 if none).

Usage:
    python bench/search_quality.py [--verbose]

Database: a test database created and destroyed by Django's test machinery
(in-memory SQLite, or "test_<name>_bench_<pid>" on the server of DATABASE_URL), with
DATA_DIR pointing to a temporary directory, so the developer's own database
and files are never touched.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import secrets
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEVANCE = ROOT / "bench" / "relevance"
K = 10
# The engine with and without the thesaurus; the rest are baselines.
ENGINE_VARIANTS = ("engine", "no thesaurus")


def setup_django(tmp: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "mallipankki.settings"
    os.environ["DATA_DIR"] = tmp
    os.environ["DEBUG"] = "false"  # no query log, and production-like settings
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.db import connections

    database = connections["default"].settings_dict
    if database["ENGINE"].endswith("postgresql"):
        # Not Django's default test_<name>: a test run on the same server
        # must not have its database replaced by a benchmark, nor the reverse.
        database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_bench_{os.getpid()}"


# --------------------------------------------------------------------------
# Metrics


def ndcg(ranked: list[str], judgments: dict[str, int], k: int = K) -> float:
    def dcg(grades):
        return sum((2**grade - 1) / math.log2(position + 2) for position, grade in enumerate(grades[:k]))

    ideal = dcg(sorted(judgments.values(), reverse=True))
    return dcg([judgments.get(pid, 0) for pid in ranked]) / ideal if ideal else 0.0


def recall(ranked: list[str], judgments: dict[str, int], k: int = K) -> float:
    relevant = {pid for pid, grade in judgments.items() if grade >= 1}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


def reciprocal_rank(ranked: list[str], judgments: dict[str, int], k: int = K) -> float:
    for position, pid in enumerate(ranked[:k], start=1):
        if judgments.get(pid, 0) >= 2:
            return 1 / position
    return 0.0


METRICS = {"nDCG@10": ndcg, "recall@10": recall, "MRR": reciprocal_rank}


# --------------------------------------------------------------------------
# Field groups shared by the baselines (the engine's are in indexing.py)


def field_groups(record: dict, group_names: Callable[[str], list[str]]) -> dict[str, str]:
    """Raw text per weight group: a name, b keywords + target groups,
    c summary, d description + organisations + resource titles + project codes."""

    def texts(value):
        return " ".join((value or {}).values())

    return {
        "a": texts(record.get("name")),
        "b": " ".join(
            record.get("keywords", []) + [n for c in record.get("target_groups", []) for n in group_names(c)]
        ),
        "c": texts(record.get("summary")),
        "d": " ".join(
            [texts(record.get("description"))]
            + [org["name"] for org in record.get("organisations", [])]
            + [texts(res.get("title")) for res in record.get("resources", [])]
            + [f.get("project_code", "") for f in record.get("funding", [])]
        ),
    }


class Fts5RawBaseline:
    name = "FTS5 raw"

    def __init__(self, records, group_names, weights):
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE raw USING fts5(pid UNINDEXED, a, b, c, d, tokenize='unicode61 remove_diacritics 0')"
        )
        for record in records:
            groups = field_groups(record, group_names)
            self.db.execute(
                "INSERT INTO raw (pid, a, b, c, d) VALUES (?, ?, ?, ?, ?)",
                (record["id"], groups["a"], groups["b"], groups["c"], groups["d"]),
            )
        self.weights = weights

    def run(self, query: str, lang: str) -> list[str]:
        tokens = list(dict.fromkeys(re.findall(r"[^\W_]+", query.lower())))
        if not tokens:
            return []
        for joiner in (" AND ", " OR "):
            expression = joiner.join(f'"{token}"' for token in tokens)
            rows = self.db.execute(
                "SELECT pid FROM raw WHERE raw MATCH ? ORDER BY bm25(raw, 0, ?, ?, ?, ?) LIMIT ?",
                (expression, *self.weights, K),
            ).fetchall()
            if rows:
                return [row[0] for row in rows]
        return []


class PostgresFinnishBaseline:
    name = "PG finnish"

    def __init__(self, records, group_names, weights):
        from django.db import connection

        self.connection = connection
        top = max(weights)
        self.weights = "{" + ",".join(str(w / top) for w in reversed(weights)) + "}"
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMPORARY TABLE bench_finnish (pid text, a text, b text, c text, d text, vector tsvector)"
            )
            for record in records:
                groups = field_groups(record, group_names)
                cursor.execute(
                    "INSERT INTO bench_finnish (pid, a, b, c, d) VALUES (%s, %s, %s, %s, %s)",
                    [record["id"], groups["a"], groups["b"], groups["c"], groups["d"]],
                )
            cursor.execute(
                "UPDATE bench_finnish SET vector = "
                "setweight(to_tsvector('finnish', a), 'A') || setweight(to_tsvector('finnish', b), 'B') || "
                "setweight(to_tsvector('finnish', c), 'C') || setweight(to_tsvector('finnish', d), 'D')"
            )

    def run(self, query: str, lang: str) -> list[str]:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT plainto_tsquery('finnish', %s)::text", [query])
            strict = cursor.fetchone()[0]
            if not strict:
                return []
            for tsquery in (strict, strict.replace(" & ", " | ")):
                cursor.execute(
                    "SELECT pid FROM bench_finnish WHERE vector @@ %s::tsquery "
                    "ORDER BY ts_rank_cd(%s::float4[], vector, %s::tsquery) DESC LIMIT %s",
                    [tsquery, self.weights, tsquery, K],
                )
                rows = cursor.fetchall()
                if rows:
                    return [row[0] for row in rows]
        return []


# --------------------------------------------------------------------------


def load_corpus() -> list[dict]:
    from wagtail.models import Page, Site

    from mallipankki.imports.importer import import_file
    from mallipankki.pages.models import HomePage
    from mallipankki.practices.models import PracticeIndexPage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Mallipankki", slug="bench-koti"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    home.add_child(instance=PracticeIndexPage(title="Mallit", slug="mallit"))
    corpus = RELEVANCE / "corpus.json"
    result = import_file(corpus)
    if not result.ok:
        raise SystemExit("corpus.json did not import: " + "; ".join(map(str, result.problems[:5])))
    return json.loads(corpus.read_text(encoding="utf-8"))["practices"]


def query_number(query: dict) -> int:
    return int(re.sub(r"\D", "", query["id"]) or 0)


def is_cross_language(query: dict, records: list[dict]) -> bool:
    """Whether a practice graded 2 or 3 for ``query`` has no text in the
    query's language: the queries that only a bridge between languages can
    answer well."""
    languages = {record["id"]: set(record.get("name", {})) | set(record.get("summary", {})) for record in records}
    return any(
        grade >= 2 and query["lang"] not in languages.get(pid, set()) for pid, grade in query["judgments"].items()
    )


def evaluate(run, queries) -> dict[str, dict[str, float]]:
    """{query id: {metric: value}}"""
    scores = {}
    for query in queries:
        ranked = run(query["query"], query["lang"])
        scores[query["id"]] = {name: metric(ranked, query["judgments"]) for name, metric in METRICS.items()}
    return scores


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print nDCG@10 per query")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="mallipankki-bench-") as tmp:
        setup_django(tmp)
        from django.db import connection
        from django.test.utils import setup_databases, teardown_databases

        old_config = setup_databases(verbosity=0, interactive=False)
        try:
            return run_benchmark(connection, args)
        finally:
            teardown_databases(old_config, verbosity=0)


def run_benchmark(connection, args) -> int:
    from mallipankki.search.analysis import voikko_available
    from mallipankki.search.backends.base import FIELD_WEIGHTS
    from mallipankki.search.service import search
    from mallipankki.vocabularies.models import TargetGroup

    queries = json.loads((RELEVANCE / "queries.json").read_text(encoding="utf-8"))["queries"]
    started = time.monotonic()
    records = load_corpus()
    print(
        f"Corpus: {len(records)} practices imported in {time.monotonic() - started:.1f} s; "
        f"{len(queries)} queries. Database: {connection.vendor}. Voikko: {'yes' if voikko_available() else 'NO'}."
    )
    groups = {
        group.code: [n for n in (group.name_fi, group.name_sv, group.name_en) if n]
        for group in TargetGroup.objects.all()
    }
    weights = [FIELD_WEIGHTS[group] for group in "abcd"]

    def engine_run(query: str, lang: str) -> list[str]:
        return [page.slug for page in search(query, per_page=K, language=lang).items]

    def unexpanded_run(query: str, lang: str) -> list[str]:
        return [page.slug for page in search(query, per_page=K, language=lang, expand=False).items]

    systems: dict[str, Callable] = {"engine": engine_run, "no thesaurus": unexpanded_run}
    systems["FTS5 raw"] = Fts5RawBaseline(records, lambda code: groups.get(code, []), weights).run
    notes = []
    if connection.vendor == "postgresql":
        systems["PG finnish"] = PostgresFinnishBaseline(records, lambda code: groups.get(code, []), weights).run
    else:
        notes.append("PG finnish: skipped (DATABASE_URL does not point to PostgreSQL).")

    timings = {}
    results = {}
    for name, run in systems.items():
        started = time.monotonic()
        results[name] = evaluate(run, queries)
        timings[name] = (time.monotonic() - started) / len(queries) * 1000

    subsets = {
        "all": [q for q in queries],
        "fi": [q for q in queries if q["lang"] == "fi"],
        "sv": [q for q in queries if q["lang"] == "sv"],
        "en": [q for q in queries if q["lang"] == "en"],
        "typo": [q for q in queries if q.get("typo")],
        "not typo": [q for q in queries if not q.get("typo")],
        "cross": [q for q in queries if is_cross_language(q, records)],
        # Odd ids are the tuning half; even ids are held out and are not
        # looked at while tuning (as in planning_quality.py).
        "tuning": [q for q in queries if query_number(q) % 2],
        "held out": [q for q in queries if not query_number(q) % 2],
    }
    subsets["cross tun."] = [q for q in subsets["cross"] if query_number(q) % 2]
    subsets["cross held"] = [q for q in subsets["cross"] if not query_number(q) % 2]
    names = list(systems)
    print()
    header = f"{'subset':<10} {'n':>3}  {'metric':<10}" + "".join(f"{name:>14}" for name in names)
    print(header)
    print("-" * len(header))
    for subset, members in subsets.items():
        for metric in METRICS:
            values = [mean(results[name][q["id"]][metric] for q in members) for name in names]
            print(f"{subset:<10} {len(members):>3}  {metric:<10}" + "".join(f"{v:>14.3f}" for v in values))
    print()
    print("Mean time per query (ms): " + ", ".join(f"{name} {timings[name]:.1f}" for name in names))

    engine_ndcg = mean(results["engine"][q["id"]]["nDCG@10"] for q in queries)
    baselines = {
        name: mean(results[name][q["id"]]["nDCG@10"] for q in queries) for name in names if name not in ENGINE_VARIANTS
    }
    best_name, best = max(baselines.items(), key=lambda item: item[1])
    gain = (engine_ndcg / best - 1) * 100 if best else float("inf")
    print(
        f"nDCG@10: engine {engine_ndcg:.3f}; best baseline {best_name} {best:.3f}; "
        f"engine is {gain:+.0f} % (targets: >= 0.85 and >= +25 %)."
    )
    cross = subsets["cross"]
    print(
        "Thesaurus: nDCG@10 "
        + ", ".join(
            f"{subset} {mean(results['no thesaurus'][q['id']]['nDCG@10'] for q in subsets[subset]):.3f} -> "
            f"{mean(results['engine'][q['id']]['nDCG@10'] for q in subsets[subset]):.3f}"
            for subset in ("all", "cross", "held out", "cross held")
        )
        + f" (targets: all >= 0.85, cross >= 0.60; {len(cross)} cross-language queries)."
    )
    typo = subsets["typo"]
    suggestions = {q["query"]: search(q["query"], per_page=1).suggestion for q in typo}
    print("“Tarkoititko” on the typo queries: " + ", ".join(f"{q} -> {s}" for q, s in suggestions.items()))
    for note in notes:
        print(note)

    if args.verbose:
        print()
        print(f"{'id':<4} {'query':<45}" + "".join(f"{name:>12}" for name in names))
        for q in queries:
            print(
                f"{q['id']:<4} {q['query'][:45]:<45}"
                + "".join(f"{results[name][q['id']]['nDCG@10']:>12.3f}" for name in names)
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
