"""The query's words and what a search looks for: plain Python, no database.

Query semantics: a query word matches any of its alternatives (its own base
forms and, as weaker matches, its compound-part expansions and spelling
corrections); all words must match; when too few documents have them all,
words that no document has are left out (``missing``, and the reader is
told), and if that is not enough, documents with any of the words are found
too (``relaxed``). query.py makes that choice; the backends (backends/)
turn a `Match` into SQL.

Every term of a word is lowercase letters and digits and nothing else
(checked again here): the backends quote each one into a match expression,
so quotes, operators, NUL bytes and other hostile input in a query cannot
change the meaning of the SQL or of the match expression.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .analysis import LANGUAGES, analyse_query

# Longer input is not a search query; cutting it bounds the analysis work.
MAX_QUERY_CHARS = 500


@dataclass(frozen=True)
class Word:
    """A query word with its alternatives in every language."""

    original: str
    terms: frozenset[str]
    expansions: frozenset[str]

    @property
    def alternatives(self) -> frozenset[str]:
        return self.terms | self.expansions


def _safe(term: str) -> bool:
    # The analyser promises this shape; the SQL depends on it, so check again.
    return 0 < len(term) <= 100 and term.isalnum() and term == term.lower()


def parse_query(text: str) -> list[Word]:
    """The query's words, each analysed as Finnish, Swedish and English.

    The reader's language says nothing about the language of what they type
    (Finnish users search for "supported employment" too), and a practice
    stores each of its languages analysed in that language. So each word's
    alternatives are the union of its analyses in all three languages. A
    word that any language treats as a stop word (Swedish "och", English
    "in") is dropped, unless that would leave nothing.
    """
    if not isinstance(text, str):
        return []
    text = text[:MAX_QUERY_CHARS]
    analyses = {lang: {word.original: word for word in analyse_query(text, lang)} for lang in LANGUAGES}
    originals: list[str] = []
    for lang in LANGUAGES:
        originals += [original for original in analyses[lang] if original not in originals]
    kept = [original for original in originals if all(original in analyses[lang] for lang in LANGUAGES)]
    words: list[Word] = []
    for original in kept or originals:
        found = [analyses[lang][original] for lang in LANGUAGES if original in analyses[lang]]
        terms = frozenset(term for word in found for term in word.terms if _safe(term))
        expansions = frozenset(term for word in found for term in word.expansions if _safe(term)) - terms
        word = Word(original, terms, expansions)
        if terms and all((w.terms, w.expansions) != (terms, expansions) for w in words):
            words.append(word)
    words.sort(key=lambda word: _position(text, word.original))
    return words


def _position(text: str, original: str) -> int:
    position = text.find(original)
    return position if position >= 0 else len(text)


@dataclass(frozen=True)
class Match:
    """What to look for: every word, or (relaxed) any word.

    ``missing`` are query words that no practice has, left out of ``words``
    (see `query.choose_match`); they change neither what matches nor the
    order, so a match is the same with or without them.
    """

    words: tuple[Word, ...]
    relaxed: bool = False
    missing: tuple[Word, ...] = field(default=(), compare=False)
