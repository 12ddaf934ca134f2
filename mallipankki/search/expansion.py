"""Query expansion through the thesaurus (mallipankki.thesaurus).

A query word, or a run of query words, that names a concept (any of its
labels, in any of the three languages) gets the concept's other labels as
weaker alternatives: "palkkatuella" also finds "lönesubvention" and "wage
subsidy", ranked after the practices that say "palkkatuki" themselves.

Labels are analysed as the query is (words.parse_query: the same analysis
as documents, so inflected forms and compounds match), and a multi-word
label matches a run of query words in order, each by a base form
("tuetun työllistymisen" → tuettu työllistyminen). The longest label wins
where labels overlap. The other labels are searched as their own language
indexes them: each label word's analysis in the label's language.

Expansion happens on the query side only: the index holds the documents'
own words, so editing a concept changes no document and needs no reindex.
The table of labels is built once per process from the database and built
again when a concept is saved or deleted (signals.py); another process
notices an edit within CHECK_EVERY seconds from the concepts' count and
latest change.

`expand_terms` is the plain entry point for other callers (the planning
matcher): term sets in, matched concepts and their clauses out.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max

from mallipankki.thesaurus.models import LANGUAGES, Concept

from .analysis import analyse_query
from .words import Clause, Word, parse_query

# How often a process checks whether another one changed the concepts.
CHECK_EVERY = 30.0
# Bounds the work on a query with many words, and the size of the match
# expression: a word names at most this many concepts.
MAX_CONCEPTS_PER_WORD = 3


@dataclass(frozen=True)
class Widening:
    """A concept that widened a query: what the page says about it."""

    slug: str
    matched: str
    # (lang, label): the preferred labels of the languages other than the
    # one the query named it in, and that language's own if the query used
    # a synonym.
    labels: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Entry:
    slug: str
    lang: str
    label: str
    pattern: Clause


@dataclass
class _Table:
    by_first_term: dict[str, list[_Entry]]
    clauses: dict[str, frozenset[Clause]]
    preferred: dict[str, dict[str, str]]
    stamp: tuple


_table: _Table | None = None
_checked_at = 0.0
_lock = threading.Lock()


def _stamp() -> tuple:
    found = Concept.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return (found["count"], found["latest"])


# Labels rarely change, and analysing all of them is most of a table's
# build: kept, a rebuild after an edit analyses only the new labels.
@functools.lru_cache(maxsize=50_000)
def _label_clause(label: str, lang: str) -> tuple[Clause, Clause]:
    """(pattern to recognise the label in a query, clause to find it in documents)."""
    words = parse_query(label)
    own = {word.original: frozenset(word.terms) for word in analyse_query(label, lang)}
    pattern = tuple(word.terms for word in words)
    search = tuple(own.get(word.original) or word.terms for word in words)
    return pattern, search


def build_table() -> _Table:
    by_first_term: dict[str, list[_Entry]] = defaultdict(list)
    clauses: dict[str, frozenset[Clause]] = {}
    preferred: dict[str, dict[str, str]] = {}
    stamp = _stamp()
    for concept in Concept.objects.order_by("slug"):
        found = set()
        preferred[concept.slug] = {lang: concept.preferred_label(lang) for lang in LANGUAGES}
        for lang, label in concept.all_labels():
            pattern, search = _label_clause(label, lang)
            if not pattern:
                continue
            found.add(search)
            entry = _Entry(concept.slug, lang, label, pattern)
            for term in pattern[0]:
                by_first_term[term].append(entry)
        clauses[concept.slug] = frozenset(found)
    return _Table(dict(by_first_term), clauses, preferred, stamp)


def table() -> _Table:
    global _table, _checked_at
    now = time.monotonic()
    with _lock:
        current = _table
        if current is not None and now - _checked_at < CHECK_EVERY:
            return current
    if current is not None and _stamp() == current.stamp:
        with _lock:
            _checked_at = now
        return current
    built = build_table()
    with _lock:
        _table, _checked_at = built, now
    return built


def version() -> tuple:
    """The concepts' version (their count and latest change), checked as the table is: other
    callers that keep something made from the concepts compare it."""
    return table().stamp


def forget_table() -> None:
    """Build the table afresh on next use (a concept was saved or deleted)."""
    global _table
    with _lock:
        _table = None


def _matches_at(words: list[frozenset[str]], start: int, found: _Table) -> tuple[int, list[_Entry]]:
    """(length, entries) of the longest labels matching the words from ``start``."""
    candidates = {id(entry): entry for term in words[start] for entry in found.by_first_term.get(term, ())}
    best, entries = 0, []
    for entry in candidates.values():
        length = len(entry.pattern)
        if length < best or start + length > len(words):
            continue
        if all(words[start + index] & group for index, group in enumerate(entry.pattern)):
            if length > best:
                best, entries = length, []
            entries.append(entry)
    return best, entries


def _runs(terms: list[frozenset[str]], found: _Table) -> list[tuple[int, int, dict[str, _Entry]]]:
    runs = []
    start = 0
    while start < len(terms):
        length, entries = _matches_at(terms, start, found)
        if not length:
            start += 1
            continue
        # One matched label per concept: the preferred one where it matched.
        chosen: dict[str, _Entry] = {}
        for entry in sorted(entries, key=lambda e: (e.slug, found.preferred[e.slug].get(e.lang) != e.label)):
            chosen.setdefault(entry.slug, entry)
        runs.append((start, length, dict(list(chosen.items())[:MAX_CONCEPTS_PER_WORD])))
        start += length
    return runs


def expand_terms(terms: list[frozenset[str]]) -> list[tuple[int, int, list[str], frozenset[Clause]]]:
    """The concepts named in a sequence of query words given by their term sets.

    Returns ``(start, length, concept slugs, clauses)`` for each run of
    words that names a concept: the clauses are every label of those
    concepts as documents index it (each clause a tuple of term groups, all
    of which a document must have). Runs do not overlap; longer labels win.
    """
    found = table()
    return [
        (start, length, list(chosen), frozenset().union(*(found.clauses[slug] for slug in chosen)))
        for start, length, chosen in _runs(terms, found)
    ]


def expand_words(words: list[Word]) -> tuple[list[Word], list[Widening]]:
    """The query words with the thesaurus alternatives added, and the concepts that widened them."""
    found = table()
    if not found.by_first_term:
        return list(words), []
    expanded: list[Word] = []
    widenings: list[Widening] = []
    position = 0
    for start, length, chosen in _runs([word.terms for word in words], found):
        clauses = frozenset().union(*(found.clauses[slug] for slug in chosen))
        expanded += words[position:start]
        run = words[start : start + length]
        if length == 1:
            word = run[0]
            wider = frozenset(clause for clause in clauses if not (len(clause) == 1 and clause[0] & word.terms))
            new = Word(word.original, word.terms, word.expansions, word.phrase, word.wider | wider)
        else:
            phrase = tuple(word.terms for word in run)
            wider = set(clauses) - {phrase}
            if any(word.expansions for word in run):
                # The words' own compound parts still count, as before, weaker.
                wider.add(tuple(word.alternatives for word in run))
            new = Word(" ".join(word.original for word in run), frozenset(), frozenset(), phrase, frozenset(wider))
        expanded.append(new)
        widenings += [_widening(entry, new.original, found) for entry in chosen.values()]
        position = start + length
    expanded += words[position:]
    return expanded, [widening for widening in widenings if widening.labels]


def _widening(entry: _Entry, matched: str, found: _Table) -> Widening:
    """The preferred labels the page names: every language's, except the
    one the reader typed (the matched label is the preferred one of its
    language)."""
    preferred = found.preferred[entry.slug]
    labels = tuple(
        (lang, label)
        for lang, label in preferred.items()
        if label and not (lang == entry.lang and label == entry.label) and label.casefold() != matched.casefold()
    )
    return Widening(entry.slug, matched, labels)
