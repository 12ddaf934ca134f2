#!/usr/bin/env python3
"""How much of the catalogue's own vocabulary the thesaurus covers.

Usage: python scripts/thesaurus_coverage.py [--covered] [--summaries [N]]

The terms are every keyword and the key noun phrases of the names of the
practices in bench/relevance/corpus.json and in the demo content
(mallipankki/pages/demo/practices.json). A term is covered when it names a
concept of the seed files (mallipankki/thesaurus/data/concepts/) as the
planning matcher names one in a description: every word of one of the
concept's labels is among the term's words, analysed by the search app.
Prints the coverage (covered / total) per kind and the uncovered terms, each
with the practices that have it: the list from which the thesaurus is
widened, by a rule that looks at no judged query.

Noun phrases of a name: the name is cut at punctuation; a Finnish name gives
its nouns, each with the adjectives right before it ("etsivä nuorisotyö",
"siirtymätyö"), by Voikko's word classes; a Swedish or English name gives
its runs of words between stop words ("skilled immigrants").

With --summaries the noun phrases of the practices' summaries and
descriptions (every language present, cut also at line breaks and Markdown
marks) are counted as well, grouped by their analysed words, and those that
name no concept are listed most frequent first (the number of practices
having one of them): the wider list for the thesaurus's domain vocabulary.
Only phrases that at least N practices have are kept (default 1).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    ROOT / "bench" / "relevance" / "corpus.json",
    ROOT / "mallipankki" / "pages" / "demo" / "practices.json",
)
# Where a name breaks into phrases: "Porras-malli: työkokeilusta …", "X – Y".
_SEPARATORS = re.compile(r"[:;,.!?()\[\]\"“”–—/]|\s-\s|\s&\s")
# A summary or description also breaks at line breaks and Markdown marks.
_TEXT_SEPARATORS = re.compile(r"(?:^|\n)\s*\d+[.)]\s|\n|[*#>|`]+")
_WORD = re.compile(r"[^\W_]+(?:['’\-‐‑+][^\W_]*)*")
_PROPER = {"etunimi", "sukunimi", "paikannimi", "nimi"}
_ADJECTIVE = {"laatusana", "nimisana_laatusana", "lukusana", "asemosana"}


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mallipankki.settings")
    os.environ.setdefault("SECRET_KEY", "thesaurus-coverage")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def _finnish_phrases(segment: str) -> list[str]:
    from mallipankki.search.analysis import thread_voikko

    voikko = thread_voikko()
    phrases: list[str] = []
    pending: list[str] = []  # adjectives waiting for their noun
    foreign: list[str] = []  # a run of words Voikko does not know: "Green Care"
    for word in _WORD.findall(segment):
        classes = {reading.get("CLASS") for reading in (voikko.analyze(word) if voikko else [])}
        if not classes and word[:1].isupper() and (foreign or pending == []):
            foreign.append(word)
            continue
        if foreign:
            phrases.append(" ".join(foreign))
            foreign = []
        if classes & _PROPER and not classes - _PROPER:
            pending = []
        elif not classes or "nimisana" in classes and not classes & _ADJECTIVE:
            phrases.append(" ".join((*pending, word)))
            pending = []
        elif classes & _ADJECTIVE:
            pending.append(word)
        else:  # verbs, adverbs, particles, postpositions
            pending = []
    if foreign:
        phrases.append(" ".join(foreign))
    elif len(pending) == 1 and "nimisana" in {
        reading.get("CLASS") for reading in (voikko.analyze(pending[0]) if voikko else [])
    }:
        phrases.append(pending[0])  # "etsivä" at the end is a noun
    return phrases


def _other_phrases(segment: str, lang: str) -> list[str]:
    from mallipankki.search.analysis import analyse_query

    phrases: list[str] = []
    run: list[str] = []
    for word in _WORD.findall(segment):
        if analyse_query(word, lang):
            run.append(word)
        elif run:
            phrases.append(" ".join(run))
            run = []
    if run:
        phrases.append(" ".join(run))
    return phrases


def name_phrases(name: str, lang: str) -> list[str]:
    phrases = []
    for segment in _SEPARATORS.split(name):
        phrases += _finnish_phrases(segment) if lang == "fi" else _other_phrases(segment, lang)
    return phrases


def text_phrases(text: str, lang: str) -> list[str]:
    """Noun phrases of a summary or description, as of a name."""
    return [phrase for part in _TEXT_SEPARATORS.split(text) for phrase in name_phrases(part, lang)]


def catalogue_terms(sources=SOURCES, summaries: bool = False) -> dict[tuple[str, str], set[str]]:
    """(kind, term) -> ids of the practices that have it; kind is "keyword",
    "name" or (with ``summaries``) "summary", the noun phrases of summaries
    and descriptions."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    spelled: dict[tuple[str, str], str] = {}

    def add(kind: str, term: str, practice: str) -> None:
        key = (kind, " ".join(term.split()).casefold())
        spelled.setdefault(key, " ".join(term.split()))
        found[(kind, spelled[key])].add(practice)

    for path in sources:
        for record in json.loads(path.read_text(encoding="utf-8"))["practices"]:
            practice = f"{path.parent.name}/{record['id']}"
            for keyword in record.get("keywords") or []:
                add("keyword", keyword, practice)
            names = record.get("name") or {}
            for lang, name in names.items() if isinstance(names, dict) else [("fi", names)]:
                for phrase in name_phrases(name, lang):
                    add("name", phrase, practice)
            if summaries:
                for field in ("summary", "description"):
                    texts = record.get(field) or {}
                    for lang, text in texts.items() if isinstance(texts, dict) else [("fi", texts)]:
                        for phrase in text_phrases(text, lang):
                            add("summary", phrase, practice)
    return found


def naming(term: str, concepts) -> list[str]:
    """Ids of the concepts that ``term`` names, as the matcher decides it."""
    from mallipankki.planning.description import description_terms

    available = description_terms(term).strong_terms
    return [
        concept.id
        for concept in concepts
        if any(all(not alternatives.isdisjoint(available) for alternatives in label) for _text, label in concept.labels)
    ]


def seed_concepts():
    from mallipankki.planning.concepts import analyse_concepts
    from mallipankki.thesaurus.loading import read_concepts

    return analyse_concepts(
        (data.slug, [(lang, label) for lang, labels in data.labels.items() for label in labels])
        for data in read_concepts()
    )


def _summary_phrases_by_base_form(terms, at_least: int):
    """Summary phrases grouped by their analysed terms ("työkokeilun",
    "työkokeilusta"), kept when ``at_least`` practices have one."""
    from mallipankki.planning.description import description_terms

    grouped: dict[frozenset[str], tuple[str, set[str]]] = {}
    kept = {}
    for (kind, term), practices in terms.items():
        if kind != "summary":
            kept[(kind, term)] = practices
            continue
        key = description_terms(term).strong_terms
        spelling, found = grouped.setdefault(key, (term, set()))
        found |= practices
    for spelling, practices in grouped.values():
        if len(practices) >= at_least:
            kept[("summary", spelling)] = practices
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--covered", action="store_true", help="also list the covered terms and their concepts")
    parser.add_argument(
        "--summaries",
        type=int,
        nargs="?",
        const=1,
        metavar="N",
        help="also the noun phrases of summaries and descriptions that at least N (default 1) practices have, "
        "the uncovered ones most frequent first (a wider net, not the rule)",
    )
    args = parser.parse_args(argv)
    setup_django()
    from mallipankki.planning.description import description_terms

    concepts = seed_concepts()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    uncovered: list[tuple[str, str, set[str]]] = []
    covered: list[tuple[str, str, list[str]]] = []
    terms = catalogue_terms(summaries=args.summaries is not None)
    if args.summaries is not None:
        terms = _summary_phrases_by_base_form(terms, args.summaries)
    for (kind, term), practices in sorted(terms.items(), key=lambda item: (item[0][0], item[0][1].casefold())):
        if not description_terms(term).strong_terms:
            continue  # stop and genre words only: nothing to name
        ids = naming(term, concepts)
        totals[kind][1] += 1
        if ids:
            totals[kind][0] += 1
            covered.append((kind, term, ids))
        else:
            uncovered.append((kind, term, practices))
    all_covered = sum(counts[0] for counts in totals.values())
    all_terms = sum(counts[1] for counts in totals.values())
    for kind, (hit, total) in sorted(totals.items()):
        print(f"{kind:8} {hit:4} / {total:4} covered ({hit / total:.0%})")
    print(
        f"{'all':8} {all_covered:4} / {all_terms:4} covered ({all_covered / all_terms:.0%}); {len(concepts)} concepts"
    )
    print("\nUncovered:")
    if args.summaries is not None:  # the summaries' phrases most frequent first, after the rule's terms
        uncovered.sort(key=lambda item: (item[0] == "summary", -len(item[2]) if item[0] == "summary" else 0))
    for kind, term, practices in uncovered:
        count = f"{len(practices):3}  " if kind == "summary" else ""
        print(f"  {kind:8} {count}{term}  [{', '.join(sorted(practices))}]")
    if args.covered:
        print("\nCovered:")
        for kind, term, ids in covered:
            print(f"  {kind:8} {term} -> {', '.join(ids)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
