"""Which published practices a planned project should build on.

`match_practices(plan)` ranks the practices by how well they fit the whole
description (description.py turns it into weighted terms, match_index.py
scores them, BM25-style, with no word required), then raises the practices
that share the target groups, themes and regions the planner picked or
named in the text. The facets only raise a practice: a planner who picks
"nuoret" still sees the best model for the rest of the description.

Each match carries its reasons: the shared target groups, themes and
regions, and the description's words the practice has.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from mallipankki.search.analysis import LANGUAGES, analyse_query
from mallipankki.vocabularies.models import Region, TargetGroup, Theme

from . import match_index
from .concepts import has_label, named_concepts, widen
from .description import DescriptionTerms, clean_description, description_terms

MAX_LIMIT = 100
# Boosts on the text score, which is 1.0 for the best-fitting practice.
PICKED_BOOST = {"target_group": 0.25, "theme": 0.25, "region": 0.15}
# Named in the description rather than picked: the planner may have
# mentioned a group in passing ("not only young people"), so less.
NAMED_BOOST = {"target_group": 0.08, "theme": 0.05, "region": 0.05}
MAX_WORDS_SHOWN = 8
# Words that labels of target groups share and that say nothing of the group.
_PERSON_WORDS = frozenset({"people", "peopl", "person", "personer", "henkilö", "henkilöt", "henkilo"})
_MATCH_LISTS = {"target_group": "target_groups", "theme": "themes", "region": "regions"}
_VOCABULARIES = {"target_group": TargetGroup, "theme": Theme, "region": Region}


@dataclass(frozen=True)
class Plan:
    """What the planner told us. Codes are vocabulary codes; unknown ones are ignored."""

    description: str
    target_groups: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()

    def picked(self) -> dict[str, tuple[str, ...]]:
        return {"target_group": self.target_groups, "theme": self.themes, "region": self.regions}


@dataclass(frozen=True)
class Label:
    code: str
    name: str
    picked: bool  # picked by the planner rather than named in the description


@dataclass
class PracticeMatch:
    page_id: int
    score: float
    target_groups: list[Label] = field(default_factory=list)
    themes: list[Label] = field(default_factory=list)
    regions: list[Label] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the description's words the practice has
    terms: frozenset[str] = frozenset()  # their index terms, for highlighting

    def reasons(self) -> list[str]:
        """The reasons as sentences, for the API and the annex."""
        reasons = []
        for label, items in (
            ("Yhteinen kohderyhmä", self.target_groups),
            ("Yhteinen teema", self.themes),
            ("Sama maakunta", self.regions),
        ):
            reasons += [f"{label}: {item.name}" for item in items]
        if self.words:
            reasons.append("Yhteiset sanat: " + ", ".join(self.words))
        return reasons


@functools.lru_cache(maxsize=1000)
def _label_words(name: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """A label's words (their terms and expansions) in each language, without the person words."""
    readings = []
    for lang in LANGUAGES:
        words = [word for word in analyse_query(name, lang) if word.terms.isdisjoint(_PERSON_WORDS)]
        readings.append(tuple(word.terms | word.expansions for word in words))
    return tuple(readings)


def _named_in(terms: DescriptionTerms, name: str) -> bool:
    """Whether the description names a vocabulary label: at least half of
    the label's words (leaving out "people", "personer", "henkilöt"), so
    that "young participants" names "Young people" and "Långtidsarbetslösa"
    is named by "långtidsarbetslösa"."""
    available = terms.weights
    for words in _label_words(name):
        found = sum(1 for alternatives in words if any(term in available for term in alternatives))
        if words and found * 2 >= len(words):
            return True
    return False


def _vocabulary_boosts(plan: Plan, terms: DescriptionTerms) -> tuple[dict[tuple[str, str], float], dict]:
    boosts: dict[tuple[str, str], float] = {}
    labels: dict[tuple[str, str], Label] = {}
    picked = plan.picked()
    for facet, model in _VOCABULARIES.items():
        for term in model.objects.all():
            key = (facet, term.code)
            if term.code in picked[facet]:
                boosts[key] = PICKED_BOOST[facet]
                labels[key] = Label(term.code, term.name, True)
            elif terms and any(_named_in(terms, name) for name in term.names().values()):
                boosts[key] = NAMED_BOOST[facet]
                labels[key] = Label(term.code, term.name, False)
    return boosts, labels


def match_practices(plan: Plan, limit: int = 20) -> list[PracticeMatch]:
    """The published practices that fit ``plan`` best, best first.

    A description that analyses to nothing and no picked facet gives no
    matches (not the whole catalogue).
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    terms = description_terms(clean_description(plan.description))
    boosts, labels = _vocabulary_boosts(plan, terms)
    # Highlighted in a practice's text: the planner's own words, not the
    # concepts' labels that widened them (they are listed among the words).
    highlighted = terms.strong_terms
    concepts = named_concepts(terms)
    terms = widen(terms, concepts)
    if not terms and not any(label.picked for label in labels.values()):
        return []
    matches = []
    for scored in match_index.top(terms.weights, boosts, limit, concepts):
        match = PracticeMatch(scored.page_id, round(scored.score, 4))
        for key in sorted(boosts, key=lambda key: (not labels[key].picked, labels[key].name)):
            if key in scored.facets:
                getattr(match, _MATCH_LISTS[key[0]]).append(labels[key])
        words: list[str] = []
        shared = frozenset(scored.terms)
        for term in scored.terms:
            # A label that gave the term is shown only if the practice has all
            # its words: "unga företagare" is not a reason for a practice that
            # says "företag" alone.
            given = terms.words[term]
            for word in [word for word in given if has_label(word, shared)] or given[:1]:
                if word.lower() not in (w.lower() for w in words):
                    words.append(word)
        match.words = words[:MAX_WORDS_SHOWN]
        match.terms = frozenset(term for term in scored.terms if term in highlighted)
        matches.append(match)
    return matches
