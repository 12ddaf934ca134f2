"""Result snippets: a passage of the original text with the matching words marked.

A word is marked when any of its index terms is one of the query's terms or
expansions, so the marks show exactly why a practice matched (also for an
inflected or compound form: ``työkokeilujakso`` is marked for
``työkokeiluun``). Everything except the ``<mark>`` tags is escaped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from mallipankki.practices.models import LANGS

from .analysis import analyse_for_index

SNIPPET_WORDS = 36
# Words shown before the first marked word, so it is seen in context.
LEAD_WORDS = 8
# Only the start of a long description is scanned for a passage.
MAX_SCAN_CHARS = 6000

# Words as the analyser sees them: letters and digits, joined by hyphens or
# apostrophes, with a colon ending (TYP:n).
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*(?::[^\W\d_]{1,6}(?![^\W_]))?")
_MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKUP_RE = re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)|[*_`]{1,3}")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Snippet:
    html: SafeString
    lang: str


def plain_text(markdown: str) -> str:
    """Markdown as running text: link texts kept, markup and line breaks gone."""
    text = _MARKDOWN_LINK_RE.sub(r"\1", markdown)
    text = _MARKDOWN_MARKUP_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


@functools.lru_cache(maxsize=100_000)
def _word_terms(word: str, lang: str) -> frozenset[str]:
    # analysis.py caches per word too, but a snippet asks about hundreds of
    # words per page of results; this skips its tokenising as well.
    return frozenset(analyse_for_index(word, lang))


def _is_match(word: str, lang: str, terms: frozenset[str]) -> bool:
    return not terms.isdisjoint(_word_terms(word, lang))


def highlight(text: str, lang: str, terms: frozenset[str]) -> SafeString | None:
    """A passage of ``text`` around its first matching word, or None.

    ``text`` is plain text (not HTML); the result is safe HTML in which only
    the ``<mark>`` elements are markup.
    """
    if not text or not terms:
        return None
    text = text[:MAX_SCAN_CHARS]
    # Words are read only as far as the passage needs, not to the end of a
    # long description: a results page highlights some 25 texts.
    found = _WORD_RE.finditer(text)
    words = []
    for word in found:
        words.append(word)
        if _is_match(word.group(), lang, terms):
            break
    else:
        return None
    start = max(0, len(words) - 1 - LEAD_WORDS)
    # One word past the passage tells whether the text goes on.
    for word in found:
        if len(words) > start + SNIPPET_WORDS:
            break
        words.append(word)
    end = min(len(words), start + SNIPPET_WORDS)
    marked = [words[index] for index in range(start, end) if _is_match(words[index].group(), lang, terms)]
    position = words[start].start() if start > 0 else 0
    last = words[end - 1].end() if end < len(words) else len(text)
    # Escaping the stretches between marks, not word by word: the same
    # text, with a tenth of the calls.
    parts = ["… " if start > 0 else ""]
    for word in marked:
        parts += [escape(text[position : word.start()]), "<mark>", escape(word.group()), "</mark>"]
        position = word.end()
    parts.append(escape(text[position:last]))
    if end < len(words):
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text is escaped above)


def _languages(preferred: str) -> list[str]:
    first = preferred if preferred in LANGS else "fi"
    return [first] + [lang for lang in ("fi", "en", "sv") if lang != first]


def snippet_for(page, terms: Iterable[str], language: str = "fi") -> Snippet | None:
    """The best passage of a practice for the query terms, or None.

    Summaries come before descriptions, and the reader's language before
    the others; the first text with a matching word is used.
    """
    terms = frozenset(terms)
    if not terms:
        return None
    languages = _languages(language)
    for field in ("summary", "description"):
        for lang in languages:
            text = getattr(page, f"{field}_{lang}", "")
            if field == "description":
                text = plain_text(text[: MAX_SCAN_CHARS * 2])
            html = highlight(text, lang, terms)
            if html is not None:
                return Snippet(html, lang)
    return None
