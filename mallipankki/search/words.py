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


# A clause is a tuple of term groups: a document has it when it has a term
# of every group. A one-group clause is a plain OR of terms.
Clause = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Word:
    """A query word with its alternatives in every language.

    ``terms`` are its exact forms and ``expansions`` weaker single-term
    alternatives (compound parts, spelling corrections). The thesaurus
    (expansion.py) adds ``wider``: the labels of a concept the word names,
    each a clause (a multi-word label needs all its words), also weaker.
    Query words that together name a concept ("tuettu työllistyminen")
    become one Word whose exact form is the ``phrase`` (a clause of the
    words' terms) and whose ``terms`` are empty.
    """

    original: str
    terms: frozenset[str]
    expansions: frozenset[str]
    phrase: Clause = ()
    wider: frozenset[Clause] = frozenset()

    @property
    def alternatives(self) -> frozenset[str]:
        """The terms the word matches by (for spelling and highlighting).

        A word of a multi-word thesaurus label is left out: alone it is not
        what was searched for ("työ" of "palkkatuettu työ"), and highlighted
        it would mark every "työ" in a snippet."""
        found = self.terms | self.expansions
        for group in self.phrase:
            found |= group
        for clause in self.wider:
            if len(clause) == 1:
                found |= clause[0]
        return found

    @property
    def has_weaker(self) -> bool:
        """Whether the word matches some documents by a weaker form than its exact one."""
        return bool(self.expansions or self.wider)

    def exact_clauses(self) -> list[Clause]:
        return _merged([(self.terms,)] if self.terms else [], [self.phrase] if self.phrase else [])

    def clauses(self) -> list[Clause]:
        """Every way the word matches: the exact forms, then the weaker ones."""
        single = [(self.terms | self.expansions,)] if self.terms or self.expansions else []
        multi = [self.phrase] if self.phrase else []
        for clause in sorted(self.wider, key=_clause_key):
            (single if len(clause) == 1 else multi).append(clause)
        return _merged(single, multi)


def _clause_key(clause: Clause) -> tuple:
    return tuple(sorted(group) for group in clause)


def _merged(single: list[Clause], multi: list[Clause]) -> list[Clause]:
    """One OR group of every single-group clause, then the multi-group ones
    without repeats: the same match, written shorter."""
    terms = frozenset().union(*(clause[0] for clause in single)) if single else frozenset()
    clauses = [(terms,)] if terms else []
    for clause in multi:
        # A clause one of whose groups is already matched alone adds nothing.
        if clause not in clauses and not (terms and any(group <= terms for group in clause)):
            clauses.append(clause)
    return clauses


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
