"""A planner's description of a project, as weighted index terms.

A description is not a search query: it is a paragraph or several, and a
practice that shares many of its concepts fits better than one that shares a
few, but no word is required. So every word is analysed (not only the first
32 that a search query keeps), repeats are counted, and each word's base
forms weigh in fully while its compound-part expansions weigh in weakly.

Words are analysed as Finnish, Swedish and English, as the search does
(`search.words.parse_query`): what language a planner writes in says nothing
about the language of the practice that fits. A word that any of the three
treats as a stop word is dropped.

Plain Python over the search app's analysis: no database.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from mallipankki.search.analysis import LANGUAGES, analyse_query

MAX_DESCRIPTION_CHARS = 5000
# An expansion (a compound's part: "valmennus" of "työhönvalmennus") says
# less about the planner's meaning than the word itself.
EXPANSION_WEIGHT = 0.35

# Words of the genre, not of the topic: every project plan says it will
# develop a model with partners for a target group. Left in, they make the
# practices that use the same genre words fit better, whatever they are
# about. Base forms, in each language.
GENRE_WORDS = frozenset(
    """
    hanke hankkeemme projekti tavoite tavoitteena tarkoitus suunnitella suunnittelu kehittää
    kehittäminen malli toimintamalli toiminta tehdä olla haluta aikoa pyrkiä kohderyhmä
    osallistuja asiakas vuosi kuukausi alue rahoitus budjetti euro
    project aim goal plan develop model target group participant year region funding
    budget want intend
    projekt mål målgrupp utveckla modell deltagare år region finansiering
    """.split()
)

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*")


def clean_description(text: object) -> str:
    """The description as the planner meant it: text, without NUL bytes, at most 5,000 characters."""
    if not isinstance(text, str):
        return ""
    return text.replace("\x00", " ")[:MAX_DESCRIPTION_CHARS].strip()


@dataclass(frozen=True)
class DescriptionTerms:
    """``weights``: term -> query weight. ``words``: term -> the description's
    words (as written) that gave it, for telling the planner why a practice
    matched."""

    weights: dict[str, float]
    words: dict[str, tuple[str, ...]]
    # The description's words in order, stop words left out, each as its
    # terms in all three languages, genre words included: a thesaurus label
    # with a genre word ("business plan", "Clubhouse model") names its
    # concept only as a phrase (concepts.py).
    sequence: tuple[frozenset[str], ...] = ()

    @property
    def strong_terms(self) -> frozenset[str]:
        return frozenset(term for term, weight in self.weights.items() if weight >= 1)

    def __bool__(self) -> bool:
        return bool(self.weights)


def all_terms(word: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """A word's terms and expansions in all three languages; None for a stop word in any of them."""
    terms: set[str] = set()
    expansions: set[str] = set()
    for lang in LANGUAGES:
        analysed = analyse_query(word, lang)
        if not analysed:
            return None
        terms |= analysed[0].terms
        expansions |= analysed[0].expansions
    return (frozenset(terms), frozenset(expansions - terms)) if terms else None


def _topic(analysed: tuple[frozenset[str], frozenset[str]] | None) -> tuple[frozenset[str], frozenset[str]] | None:
    if analysed is None or not analysed[0].isdisjoint(GENRE_WORDS):
        return None
    return analysed[0], analysed[1] - GENRE_WORDS


def word_terms(word: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """A topic word's terms and expansions; None for a stop word or a genre word."""
    return _topic(all_terms(word))


def description_terms(text: str) -> DescriptionTerms:
    found = _WORD_RE.findall(clean_description(text))
    counts = Counter(found)
    # Each distinct word analysed once, for its weight and for the sequence.
    analysed_words = {word: all_terms(word) for word in counts}
    mass: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    for word, count in counts.items():
        analysed = _topic(analysed_words[word])
        if analysed is None:
            continue
        terms, expansions = analysed
        for term in terms:
            mass[term] = mass.get(term, 0.0) + count
            words.setdefault(term, []).append(word)
        for term in expansions:
            mass[term] = mass.get(term, 0.0) + count * EXPANSION_WEIGHT
            words.setdefault(term, []).append(word)
    # Repeating a word stresses it, with diminishing returns: a description
    # that says "nuoret" ten times is about young people, not ten times so.
    weights = {term: (1 + math.log(value)) if value >= 1 else value for term, value in mass.items()}
    sequence = tuple(analysed[0] for word in found if (analysed := analysed_words[word]))
    return DescriptionTerms(weights, {term: tuple(dict.fromkeys(given)) for term, given in words.items()}, sequence)
