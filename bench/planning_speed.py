"""Planning speed on a synthetic corpus: matching, the annexes, the practice card.

Loads a corpus from bench/generate_corpus.py (bulk inserts, then the real
rebuild_index(), as bench/search_speed.py does) and times

- loading the matcher's in-memory index (once per process, then followed
  incrementally through the search index's change log),
- matching (`match_practices`, 20 results): the judged descriptions of
  bench/planning/descriptions*.json plus descriptions assembled from the
  corpus's own topics, warm (index loaded), p50/p95,
- the annex of 10 models as PDF (WeasyPrint, PDF/UA) and as DOCX, and the
  printable card of one practice, each built as the views build them.

Targets (issue 20): matching p95 < 300 ms at 100 000 practices; a 10-model
PDF annex < 1.5 s; a DOCX annex < 0.5 s; a card < 0.5 s.

Usage:
    python bench/planning_speed.py [--sizes 10000,100000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_speed import FreshDatabase, load_practices, setup_django, site_tree, summary, timed  # noqa: E402

DESCRIPTIONS = [
    ROOT / "bench" / "planning" / name
    for name in ("descriptions.json", "descriptions-relevance.json", "descriptions-fresh.json")
]
RUNS = 20  # per document; p95 of 20 is the second slowest


def corpus_descriptions(count: int, seed: int) -> list[str]:
    """Project descriptions of 3-6 sentences from the generator's own topics and groups."""
    from bench.generate_corpus import GROUPS, REGIONS, TOPICS

    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        topics = rng.sample(TOPICS, 3)
        group = rng.choice(GROUPS)
        region = rng.choice(REGIONS)
        texts.append(
            f"Hankkeemme kohderyhmänä ovat {group.nom}. "
            f"Haluamme kehittää {topics[0].par} ja yhdistää sen {topics[1].gen} kanssa. "
            f"Toiminta alkaa {region.loc} ja laajenee myöhemmin. Palvelemme erityisesti {group.alla}. "
            f"Lisäksi kokeilemme {topics[2].par} yhdessä työnantajien ja oppilaitosten kanssa. "
            "Tavoitteena on, että osallistujat työllistyvät avoimille työmarkkinoille."
        )
    return texts


def run_size(size: int, seed: int) -> None:
    from django.db import connection

    from bench.generate_corpus import generate_practices
    from mallipankki.planning import concepts, match_index
    from mallipankki.planning.annex import build_annex, model_of
    from mallipankki.planning.annex_docx import render_docx
    from mallipankki.planning.matcher import Plan, match_practices
    from mallipankki.planning.pdf import render_pdf
    from mallipankki.planning.shortlist import Shortlist, practices_by_id
    from mallipankki.practices.listing import published_practices
    from mallipankki.search.rebuild import rebuild_index

    print(f"\n== {size} practices ({connection.vendor}) ==", flush=True)
    index = site_tree()
    started = time.monotonic()
    written = load_practices(index, generate_practices(size, seed=seed))
    print(f"pages written: {written} in {time.monotonic() - started:.0f} s", flush=True)
    started = time.monotonic()
    indexed = rebuild_index()
    print(f"rebuild_index: {indexed} in {time.monotonic() - started:.0f} s", flush=True)

    judged = [
        item["text"] for path in DESCRIPTIONS for item in json.loads(path.read_text(encoding="utf-8"))["descriptions"]
    ]
    texts = judged + corpus_descriptions(76, seed)
    match_index.forget()
    # Cold start with the warm-up that a server worker runs (mallipankki/wsgi.py):
    # the first match does not wait for the load; it is ranked by the plain search.
    started = time.monotonic()
    thread = match_index.warm_up()
    first = time.monotonic()
    match_practices(Plan(texts[0]))
    print(
        f"first match during warm-up (plain-search fallback, warming={match_index.warming()}): "
        f"{(time.monotonic() - first) * 1000:.0f} ms",
        flush=True,
    )
    thread.join()
    print(f"background warm-up load: {time.monotonic() - started:.1f} s", flush=True)
    match_index.forget()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    match_practices(Plan(texts[0]))
    print(
        f"matcher index load (first match, no warm-up): {time.monotonic() - started:.1f} s, "
        f"max RSS +{(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024:.0f} MB",
        flush=True,
    )
    print(
        f"matching, {len(texts)} descriptions   "
        + summary(timed([lambda t=t: match_practices(Plan(t)) for t in texts]))
    )
    # The same, without the thesaurus's cross-language concepts: what they cost.
    with mock.patch.object(concepts, "load_concepts", return_value=()):
        print("  without the thesaurus   " + summary(timed([lambda t=t: match_practices(Plan(t)) for t in texts])))
    picks = Plan(texts[1], target_groups=("nuoret",), themes=("yhteistyo",), regions=("FI-18",))
    print("matching with picks       " + summary(timed([lambda: match_practices(picks)] * 20)))
    # The practices that name each concept are found once per concept and
    # kept until the index reloads: the most the first matches after a load add.
    index = match_index._indexes[match_index._database()]
    index._concept_positions.clear()
    every = concepts.load_concepts()
    started = time.monotonic()
    sizes = [len(index.concept_positions(concept)) for concept in every]
    elapsed = time.monotonic() - started
    print(
        f"practices naming each concept, first time: all {len(every)} concepts {elapsed:.2f} s, "
        f"{elapsed / max(len(every), 1) * 1000:.1f} ms each (median {statistics.median(sizes or [0]):.0f}, "
        f"largest {max(sizes or [0])} practices)"
    )

    ids = list(published_practices().order_by("?").values_list("slug", flat=True)[:10])
    shortlist = Shortlist()
    for practice_id in ids:
        shortlist.add(practice_id)
        shortlist.set_note(practice_id, "Hyödynnämme mallin valmennusrunkoa ja materiaaleja sellaisinaan.")
    description = texts[0]

    def pdf():
        render_pdf("planning/annex_pdf.html", {"annex": build_annex(shortlist, description)})

    def docx():
        render_docx(build_annex(shortlist, description))

    def card():
        page = practices_by_id([ids[0]])[ids[0]]
        render_pdf("planning/card_pdf.html", {"model": model_of(page), "practice": page})

    print(f"load average before the documents: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")
    print("PDF annex, 10 models      " + wall_and_cpu([pdf] * RUNS))
    print("DOCX annex, 10 models     " + wall_and_cpu([docx] * RUNS))
    print("practice card PDF         " + wall_and_cpu([card] * RUNS))
    print(f"load average after: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")


def wall_and_cpu(calls) -> str:
    """Wall-clock p50/p95 (`summary`) and this process's CPU time p50/p95 beside
    it: on a shared machine the wall time counts the other processes too."""
    for call in calls[:2]:
        call()
    walls, cpus = [], []
    for call in calls:
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    cpus.sort()
    cpu_p95 = cpus[min(len(cpus) - 1, round(0.95 * len(cpus)) - 1)]
    return f"{summary(walls)}   CPU p50 {statistics.median(cpus):6.1f} ms p95 {cpu_p95:6.1f} ms   ({len(calls)} runs)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mallipankki-planning-speed-") as tmp:
        setup_django(tmp)
        for size in [int(size) for size in args.sizes.split(",") if size.strip()]:
            with FreshDatabase():
                run_size(size, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
