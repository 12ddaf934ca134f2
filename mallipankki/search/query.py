"""Understanding a query against the index: spelling, and a strict or relaxed match.

words.py finds the query's words and their forms; here they are checked
against what the index has. A word that no practice has in any of its own
forms is corrected to the closest word of the index vocabulary, and the
correction offered ("Tarkoititko: …"). All words must match, unless fewer
than RELAX_BELOW documents have them all: then words that no document has
are left out (``missing``), and if that is not enough, documents with any of
the words are found too (``relaxed``).

Preparing a query costs several index lookups, so prepared queries are kept
for a while (`prepare_query`).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import replace

from django.db import connection

from .expansion import expand_words
from .models import SearchTerm
from .ranking import count_matches, has_match
from .suggestions import closest_word, replace_word
from .words import Match, Word, parse_query

# With fewer complete matches than this, practices that have only some of
# the query words are shown too (after the complete ones).
RELAX_BELOW = 5


def choose_match(words: list[Word]) -> Match | None:
    """The match to run: None when there are no words.

    Every word is required, unless fewer than RELAX_BELOW documents have
    them all: then documents with any of the words are found too, ranked
    after the complete matches. A word that no document has is left out
    first (``missing``), and the rest chosen for again.

    Why: such a word adds nothing to any document's words, exact forms or
    score, so the order is that of the other words; but it made every query
    with it relaxed, and a relaxed match scores every document with any
    word: "ESR+ hanke" (no practice says "ESR") scored every practice with
    "hanke", where "hanke" alone ranks its top tier.
    """
    if not words:
        return None
    strict = Match(tuple(words))
    if len(words) == 1 or count_matches(strict, RELAX_BELOW) >= RELAX_BELOW:
        return strict
    found = [word for word in words if has_match(Match((word,)))]
    if found and len(found) < len(words):
        missing = tuple(word for word in words if word not in found)
        return replace(choose_match(found), missing=missing)
    return Match(tuple(words), relaxed=True)


def known_terms(terms: set[str]) -> set[str]:
    """The terms that the index vocabulary has."""
    if not terms:
        return set()
    return set(SearchTerm.objects.filter(term__in=sorted(terms)).values_list("term", flat=True))


def correct_spelling(words: list[Word]) -> tuple[list[Word], dict[str, str]]:
    """Words whose own terms the index does not know get the closest known word's terms and expansions.

    So a mistyped word finds and ranks what it was meant to (its own terms
    match nothing: that is why it was corrected), and the correction is
    offered as “Tarkoititko: …”. A word that no practice has and that has
    no correction keeps its compound parts as its forms. Returns the words
    and ``{original: correction}`` for the corrected ones.
    """
    known = known_terms({term for word in words for term in word.alternatives})
    corrected, corrections = [], {}
    for word in words:
        # Known only through its compound parts ("yhteipalvelu" through
        # "palvelu") is not known: such a word is more likely a typo than a
        # compound that no practice uses.
        replacement = None if word.terms & known else closest_word(word.original)
        fixed = parse_query(replacement or "")
        terms = frozenset(term for fixed_word in fixed for term in fixed_word.terms)
        expansions = frozenset(term for fixed_word in fixed for term in fixed_word.expansions) - terms
        # The vocabulary keeps words of practices that have since gone.
        if terms and has_match(Match((Word(replacement, terms | expansions, frozenset()),))):
            corrections[word.original] = replacement
            word = Word(word.original, word.terms | terms, (word.expansions | expansions) - terms)
        elif not word.terms & known:
            # No practice has the word in a form asked, so its compound parts
            # are the best matches there are: ranked as its forms, they give
            # it a top tier (practices with them in the name, keywords or
            # target groups), where it had none and every match was scored.
            # Nothing else changes: the same practices match, and no practice
            # had an exact form to rank first. ("nepsy-valmennus": no practice
            # says "nepsyvalmennus", many have "valmennus".)
            word = Word(word.original, word.alternatives, frozenset())
        corrected.append(word)
    return corrected, corrections


def respell(query: str, corrections: dict[str, str]) -> str:
    """The query as the reader typed it, with the corrected words replaced."""
    for original, term in corrections.items():
        query = replace_word(query, original, term)
    return query


# Preparing a query (analysis, spelling against the index vocabulary, the
# choice between a strict and a relaxed match) costs several index lookups,
# and a scan of similar vocabulary words for an unknown word; live search
# asks for the same query again as a reader types, filters and pages. So
# prepared queries are kept per process, for PREPARED_TTL seconds at most
# and until the index changes in this process (signals.py and
# rebuild.rebuild_index call forget_prepared_queries). The results
# themselves are always read afresh.
PREPARED_TTL = 30.0
PREPARED_MAX = 500
_prepared: OrderedDict[tuple[str, str, bool], tuple[float, tuple]] = OrderedDict()
_prepared_lock = threading.Lock()


def forget_prepared_queries() -> None:
    with _prepared_lock:
        _prepared.clear()


Prepared = tuple[tuple[Word, ...], dict[str, str], Match | None, list]


def prepare_query(query: str, expand: bool = True) -> Prepared | None:
    """(words, spelling corrections, match, thesaurus widenings) for a
    cleaned query; None when a non-empty query analyses to nothing (it
    finds nothing). ``expand`` widens the words through the thesaurus
    (expansion.py), after spelling: a corrected word is widened too."""
    if not query:
        return (), {}, None, []
    key = (connection.settings_dict["NAME"], query, expand)
    now = time.monotonic()
    with _prepared_lock:
        cached = _prepared.get(key)
        if cached and now - cached[0] < PREPARED_TTL:
            _prepared.move_to_end(key)
            return cached[1]
    words = parse_query(query)
    if not words:
        return None
    words, corrections = correct_spelling(words)
    widenings = []
    if expand:
        words, widenings = expand_words(words)
    prepared = (tuple(words), corrections, choose_match(words), widenings)
    with _prepared_lock:
        _prepared[key] = (now, prepared)
        while len(_prepared) > PREPARED_MAX:
            _prepared.popitem(last=False)
    return prepared
