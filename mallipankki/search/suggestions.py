"""“Tarkoititko: …” – spelling suggestions from the index's own vocabulary.

A query word is suspect when none of its own terms (base forms, not
compound parts) occurs in any indexed practice. It is compared with the
vocabulary (SearchTerm: index terms and words as written, so that the
suggestion can keep the typed inflection, maahanmuttajat ->
maahanmuuttajat) entries that start with the same letter and are about as
long: difflib picks a few similar ones, and the closest by edit distance
wins if it is within one edit (words up to 7 letters) or two (longer
words). A short correctly spelt word the index lacks (English "prison") is
thus not bent into another word ("person").
"""

from __future__ import annotations

import difflib
import re

from django.db.models.functions import Length

from .models import SearchTerm

# A loose difflib ratio only preselects; edit distance decides.
MIN_SIMILARITY = 0.7
PRESELECTED = 10
MAX_LENGTH_DIFFERENCE = 2
MIN_WORD_LENGTH = 4
LONG_WORD = 8


def allowed_edits(word: str) -> int:
    return 2 if len(word) >= LONG_WORD else 1


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions,
    substitutions and swaps of two adjacent letters each count as one."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _candidates(word: str) -> list[str]:
    first = word[0]
    low, high = len(word) - MAX_LENGTH_DIFFERENCE, len(word) + MAX_LENGTH_DIFFERENCE
    # A range on the first letter uses the unique index on term; the
    # startswith test is for collations that sort other letters in between.
    terms = (
        SearchTerm.objects.filter(term__gte=first, term__lt=chr(ord(first) + 1))
        .annotate(length=Length("term"))
        .filter(length__gte=low, length__lte=high)
        .values_list("term", flat=True)
    )
    return [term for term in terms if term.startswith(first)]


def closest_word(word: str) -> str | None:
    """The vocabulary word most like ``word`` (lowercased), if one is close enough."""
    word = word.lower()
    if len(word) < MIN_WORD_LENGTH or not word.isalnum():
        return None
    similar = difflib.get_close_matches(word, _candidates(word), n=PRESELECTED, cutoff=MIN_SIMILARITY)
    # get_close_matches orders by similarity, so ties keep the more similar.
    scored = [(edit_distance(word, term), position, term) for position, term in enumerate(similar)]
    scored = [item for item in scored if item[0] <= allowed_edits(word)]
    return min(scored)[2] if scored else None


def replace_word(query: str, original: str, replacement: str) -> str:
    """The query with the first ``original`` (any case) replaced."""
    return re.sub(re.escape(original), lambda _m: replacement, query, count=1, flags=re.IGNORECASE)
