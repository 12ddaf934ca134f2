"""Cross-language concepts for the matcher: the thesaurus as editors keep it.

A planner who writes "työhönvalmentaja" should find the Swedish practice that
says "jobbcoach": the words share no stem, but the thesaurus (its concepts are
snippets in the admin, mallipankki.thesaurus) files both under one concept.
When a description names a concept (every word of one of its labels is in the
description; a label with a genre word, such as "employment plan", only as
a phrase), the concept's other labels, in all three languages, join the
description as weaker terms, and the concept itself counts as a term that
every practice naming it shares (match_index.CONCEPT_FEATURE_WEIGHT).

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

from .description import _WORD_RE, DescriptionTerms, all_terms, word_terms

# A concept's other labels say the same thing in other words. Once a
# term's idf is counted among the practices of its own language (see
# match_index), the labels are worth nearly as much as the planner's own
# word: it is mostly through them that a description meets the practices
# written in another language. The concept itself also counts, as one
# language-free term (match_index.CONCEPT_FEATURE_WEIGHT), so the labels'
# words weigh less than they did alone. Chosen on the tuning half of
# bench/planning/descriptions-relevance.json: alone 0.3 to 1.2 tried (1.0
# kept); with the concept term 0.5, 0.6, 0.75, 0.9 and 1.0 (0.6 to 0.75 best).
CONCEPT_WEIGHT = 0.6

# A label as the matcher sees it: per word, the word's alternative terms.
Label = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Phrase:
    """A label with a genre word: "employment plan", "Clubhouse model",
    "business model". Its words anywhere in a long description would name it
    for any plan that says "employment" (every plan says "plan"), so it names
    its concept only where the description has its words in a row. The genre
    words still say which concept is meant, but they add no weight: only
    ``topic``'s words widen the description."""

    text: str
    words: Label  # every word, genre words included, in order
    topic: Label  # the words that are not genre words


@dataclass(frozen=True)
class Concept:
    id: str
    labels: tuple[tuple[str, Label], ...]  # (label as written, analysed label)
    phrases: tuple[Phrase, ...] = ()

    def word_sets(self) -> tuple[Label, ...]:
        """Each label's words: a practice whose terms have every word of one names the concept."""
        return (*(label for _text, label in self.labels), *(phrase.words for phrase in self.phrases))

    def named_by(self, terms) -> bool:
        """Whether a practice with ``terms`` names the concept (see `word_sets`)."""
        return any(_named(words, terms) for words in self.word_sets())


def _analyse_label(text: str) -> Label | Phrase | None:
    """The label's words, stop words left out; a `Phrase` when one of them
    is a genre word and another is not."""
    words, topic = [], []
    for word in _WORD_RE.findall(text):
        if any(not analyse_query(word, lang) for lang in LANGUAGES):
            continue  # a stop word: "of", "för"
        analysed = word_terms(word)
        if analysed is None:
            words.append(all_terms(word)[0])
        else:
            words.append(analysed[0])
            topic.append(analysed[0])
    if not topic:
        return None
    if len(topic) < len(words):
        return Phrase(text, tuple(words), tuple(topic))
    return tuple(words)


@functools.lru_cache(maxsize=50_000)
def _analysed(text: str) -> Label | Phrase | None:
    return _analyse_label(text)


def analyse_concepts(records: Iterable[tuple[str, Iterable[tuple[str, str]]]]) -> tuple[Concept, ...]:
    """Concepts from (id, [(language, label), …]); labels that analyse to nothing are left out."""
    concepts = []
    for concept_id, labels in records:
        analysed = [(text, _analysed(text)) for _lang, text in labels]
        plain = tuple((text, label) for text, label in analysed if isinstance(label, tuple))
        phrases = tuple(label for _text, label in analysed if isinstance(label, Phrase))
        if plain or phrases:
            concepts.append(Concept(concept_id, plain, phrases))
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


def _in_a_row(words: Label, sequence: tuple[frozenset[str], ...]) -> bool:
    last = len(sequence) - len(words)
    return any(
        all(not alternatives.isdisjoint(sequence[start + offset]) for offset, alternatives in enumerate(words))
        for start in range(last + 1)
    )


def names(concept: Concept, terms: DescriptionTerms) -> bool:
    """Whether the description names ``concept``: all the words of one of its
    labels anywhere in it, or a phrase's words in a row."""
    available = terms.strong_terms
    return any(_named(label, available) for _text, label in concept.labels) or any(
        _in_a_row(phrase.words, terms.sequence) for phrase in concept.phrases
    )


def has_label(text: str, terms) -> bool:
    """Whether ``terms`` have every topic word of the label (or word) ``text``."""
    analysed = _analysed(text)
    if analysed is None:
        return False
    words = analysed.topic if isinstance(analysed, Phrase) else analysed
    return _named(words, terms)


def named_concepts(terms: DescriptionTerms, concepts: tuple[Concept, ...] | None = None) -> tuple[Concept, ...]:
    """The concepts (of the thesaurus, or ``concepts``) that the description names."""
    if concepts is None:
        concepts = load_concepts()
    return tuple(concept for concept in concepts if names(concept, terms))


def concept_terms(
    terms: DescriptionTerms, concepts: tuple[Concept, ...] | None = None
) -> dict[str, tuple[float, tuple[str, ...], str]]:
    """The terms that the concepts named by the description add: term ->
    (weight, the labels that gave it, as written, the concept id). A label's
    weight is shared by its topic words, so that a three-word label does not
    outweigh a one-word one."""
    available = terms.strong_terms
    added: dict[str, tuple[float, tuple[str, ...], str]] = {}
    for concept in named_concepts(terms, concepts):
        labels = [*concept.labels, *((phrase.text, phrase.topic) for phrase in concept.phrases)]
        for text, label in labels:
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
    for term, (weight, labels, _concept) in concept_terms(terms, concepts).items():
        if weight > weights.get(term, 0.0):
            weights[term] = weight
            words[term] = tuple(dict.fromkeys((*words.get(term, ()), *labels)))
    return DescriptionTerms(weights, words, terms.sequence)
