"""Cross-language concepts for the matcher: the thesaurus as editors keep it.

A planner who writes "työhönvalmentaja" should find the Swedish practice that
says "jobbcoach": the words share no stem, but the thesaurus (its concepts are
snippets in the admin, mallipankki.thesaurus) files both under one concept.
When a description names a concept (every word of one of its labels is in the
description), the concept's other labels, in all three languages, join the
description as weaker terms.

The matcher names a concept by a label's words anywhere in a long
description, where search's expansion (search.expansion) wants them as a run
of query words, so the labels are analysed here; which concepts there are and
their labels come from the database, and an editor's change reaches matching
as it reaches search (the same version check, search.expansion.version).

Plain Python over the search app's analysis; one statement per check.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from mallipankki.search import expansion
from mallipankki.search.analysis import LANGUAGES, analyse_query
from mallipankki.thesaurus.models import Concept as ThesaurusConcept

from .description import _WORD_RE, DescriptionTerms, word_terms

# A concept's other labels say the same thing in other words. Once a
# term's idf is counted among the practices of its own language (see
# match_index), the labels are worth as much as the planner's own word: it is
# mostly through them that a description meets the practices written in
# another language. Chosen on the tuning half of
# bench/planning/descriptions-relevance.json: 0.3, 0.5 and 0.8 tried first
# (0.8 best then); with the per-language idf 0.5, 0.8, 1.0, 1.2 (1.0 and
# 1.2 equal, 0.04 above 0.8).
CONCEPT_WEIGHT = 1.0

# A label as the matcher sees it: per word, the word's alternative terms.
Label = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Concept:
    id: str
    labels: tuple[tuple[str, Label], ...]  # (label as written, analysed label)


def _analyse_label(text: str) -> Label | None:
    """The label's words, stop words left out. A label with a genre word
    ("development work", "employment plan") is left out whole: without that
    word it would be named by any description that says "work"."""
    words = []
    for word in _WORD_RE.findall(text):
        if any(not analyse_query(word, lang) for lang in LANGUAGES):
            continue  # a stop word: "of", "för"
        analysed = word_terms(word)
        if analysed is None:
            return None
        words.append(analysed[0])
    return tuple(words) or None


@functools.lru_cache(maxsize=50_000)
def _analysed(text: str) -> Label | None:
    return _analyse_label(text)


def analyse_concepts(records: Iterable[tuple[str, Iterable[tuple[str, str]]]]) -> tuple[Concept, ...]:
    """Concepts from (id, [(language, label), …]); labels that analyse to nothing are left out."""
    concepts = []
    for concept_id, labels in records:
        analysed = tuple((text, label) for _lang, text in labels if (label := _analysed(text)))
        if analysed:
            concepts.append(Concept(concept_id, analysed))
    return tuple(concepts)


_loaded: tuple[tuple, tuple[Concept, ...]] | None = None
_lock = threading.Lock()


def load_concepts() -> tuple[Concept, ...]:
    """The thesaurus's concepts, analysed again only when an editor has changed them."""
    global _loaded
    version = expansion.version()
    with _lock:
        if _loaded is not None and _loaded[0] == version:
            return _loaded[1]
    found = analyse_concepts(
        (concept.slug, concept.all_labels())
        for concept in ThesaurusConcept.objects.only("slug", "labels_fi", "labels_sv", "labels_en").order_by("slug")
    )
    with _lock:
        _loaded = (version, found)
    return found


def _named(label: Label, available) -> bool:
    return all(not alternatives.isdisjoint(available) for alternatives in label)


def concept_terms(
    strong_terms, concepts: tuple[Concept, ...] | None = None
) -> dict[str, tuple[float, tuple[str, ...], str]]:
    """The terms that the concepts named by ``strong_terms`` (a description's
    own terms) add: term -> (weight, the labels that gave it, as written,
    the concept id). A label's weight is shared by its words, so that a
    three-word label does not outweigh a one-word one."""
    if concepts is None:
        concepts = load_concepts()
    available = frozenset(strong_terms)
    added: dict[str, tuple[float, tuple[str, ...], str]] = {}
    for concept in concepts:
        if not any(_named(label, available) for _text, label in concept.labels):
            continue
        for text, label in concept.labels:
            share = CONCEPT_WEIGHT / len(label)
            for alternatives in label:
                for term in alternatives:
                    if term in available:
                        continue
                    weight, texts, _id = added.get(term, (0.0, (), concept.id))
                    added[term] = (max(weight, share), tuple(dict.fromkeys((*texts, text))), concept.id)
    return added


def widen(terms: DescriptionTerms, concepts: tuple[Concept, ...] | None = None) -> DescriptionTerms:
    """``terms`` with the terms of the concepts they name. A term the
    description has itself keeps its own weight; an added term is shown to
    the planner as the label that gave it ("jobbcoach"), the word the
    practice has."""
    weights = dict(terms.weights)
    words = dict(terms.words)
    for term, (weight, labels, _concept) in concept_terms(terms.strong_terms, concepts).items():
        if weight > weights.get(term, 0.0):
            weights[term] = weight
            words[term] = tuple(dict.fromkeys((*words.get(term, ()), *labels)))
    return DescriptionTerms(weights, words)
