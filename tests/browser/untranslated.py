"""English left on Finnish admin pages: Wagtail's (and Django's) msgids found in a page's text.

Wagtail's Finnish catalogues list only the strings someone translated; its
English ones (`locale/en/LC_MESSAGES/*.po`, generated from the source) list
every msgid. If a page served to a Finnish user shows one of those English
msgids, gettext found no translation for it: neither Wagtail's fi catalogue
nor our overlay in mallipankki/locale. The exceptions are msgids whose
Finnish translation is the English text itself ("Wagtail", "URL"), and a
short list of words that are also ours (IGNORED).

A tiny .po reader stands in for polib: msgctxt, plurals, continuation lines,
C escapes, the fuzzy flag (gettext ignores fuzzy entries, so do we) and
obsolete `#~` entries are all it needs.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import django
import wagtail

OVERLAY_DIR = Path(__file__).resolve().parents[2] / "mallipankki" / "locale"

# Too short or too common to tell English from a name, a code or our own text.
IGNORED = frozenset(
    {
        "Wagtail",
        "Mallipankki",
        "OK",
        "ID",
        "URL",
        "PDF",
        "JSON",
        "CSV",
        "HTML",
        "Email",  # also an <input type=email>'s placeholder in our own forms
    }
)


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgid_plural: str
    msgstrs: tuple[str, ...]
    fuzzy: bool = False

    @property
    def translated(self) -> bool:
        return not self.fuzzy and any(self.msgstrs)

    def translations(self) -> tuple[str, ...]:
        return self.msgstrs if self.translated else ()


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str) -> str:
    text = text.strip()
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        raise ValueError(f"not a quoted .po string: {text!r}")
    return re.sub(r"\\(.)", lambda match: _ESCAPES.get(match.group(1), match.group(1)), text[1:-1])


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file's text (the header, msgid "", included)."""
    entries = []
    current: dict = {}
    field = None

    def finish():
        nonlocal current, field
        if "msgid" in current:
            strs = current.get("msgstr", {})
            entries.append(
                Entry(
                    msgid=current["msgid"],
                    msgid_plural=current.get("msgid_plural", ""),
                    msgstrs=tuple(strs[index] for index in sorted(strs)),
                    fuzzy=current.get("fuzzy", False),
                )
            )
        current, field = {}, None

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if "msgid" in current and "msgstr" in current:
                finish()
            if line.startswith("#,") and "fuzzy" in line:
                current["fuzzy"] = True
            continue
        if line.startswith('"'):
            value = _unquote(line)
            if field is None:
                continue
            if isinstance(field, tuple):
                current["msgstr"][field[1]] += value
            else:
                current[field] += value
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgstr" in current:
            finish()
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            current.setdefault("msgstr", {})[index] = _unquote(rest)
            field = ("msgstr", index)
        elif keyword in ("msgctxt", "msgid", "msgid_plural"):
            current[keyword] = _unquote(rest)
            field = keyword
    finish()
    return [entry for entry in entries if entry.msgid]


def read_po(path: Path) -> list[Entry]:
    return parse_po(path.read_text(encoding="utf-8"))


def wagtail_catalogues(language: str) -> list[Path]:
    """Every django.po and djangojs.po of the installed Wagtail for `language`."""
    root = Path(wagtail.__file__).parent
    return sorted(root.glob(f"**/locale/{language}/LC_MESSAGES/django*.po"))


def django_catalogues(language: str) -> list[Path]:
    """Django's own (forms, validation, dates) and its contrib apps' that the admin uses."""
    root = Path(django.__file__).parent
    paths = [root / "conf" / "locale" / language / "LC_MESSAGES" / "django.po"]
    paths += [
        root / "contrib" / app / "locale" / language / "LC_MESSAGES" / "django.po" for app in ("auth", "contenttypes")
    ]
    return [path for path in paths if path.exists()]


# %(name)s, %s, %d, {name}, {0}: what gettext or the JS fills in.
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdfi]|%[sdfi]|\{[A-Za-z0-9_]*\}")


NUMERIC_NAME = re.compile(r"count|num|index|total|number|size|days|hours|minutes")


def _fill(placeholder: str, whole_segment: bool) -> str:
    """What a placeholder may stand for on the page.

    In a whole segment a free-text value is kept short and within one
    sentence, so that "%(a)s for %(b)s" does not swallow any line with "for".
    """
    if placeholder in ("%d", "%i") or NUMERIC_NAME.search(placeholder):
        return r"[\d\u00a0 ,.]+"
    return r"[^.!?:]{1,80}?" if whole_segment else r".+?"


@dataclass(frozen=True)
class Pattern:
    msgid: str
    regex: re.Pattern
    whole_segment: bool


def _plain(text: str) -> str:
    """The msgid as a browser shows it: no tags, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'")
    return " ".join(text.replace("%%", "%").split())


def make_pattern(msgid: str) -> Pattern | None:
    """A matcher for `msgid` as it would appear on a page, or None if too vague to check.

    A phrase of two or more English words is looked for anywhere in a segment,
    bounded by non-letters. A single word (with or without placeholders) must
    be a whole segment ("Root", "Exploring" before its colon, "1-2 of 2
    sivut"), so "Live" inside some longer text does not count. A msgid with
    fewer than four letters of its own, unless placeholders give it a shape,
    says too little to tell it from anything else.
    """
    text = _plain(msgid)
    if text in IGNORED:
        return None
    parts = PLACEHOLDER.split(text)
    placeholders = len(parts) - 1
    static = " ".join(parts)
    words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", static)
    letters = sum(len(word) for word in words)
    if not words or (letters < 4 and placeholders < 2):
        return None
    whole_segment = len(words) < 2
    fills = [_fill(placeholder.group(0), whole_segment) for placeholder in PLACEHOLDER.finditer(text)]
    body = "".join(re.escape(part) + fill for part, fill in zip(parts, fills + [""], strict=True))
    if whole_segment:
        return Pattern(msgid, re.compile(body.strip()), True)
    return Pattern(msgid, re.compile(r"(?<![A-Za-zÅÄÖåäö])" + body.strip() + r"(?![A-Za-zÅÄÖåäö])"), False)


@cache
def english_patterns() -> tuple[Pattern, ...]:
    """Patterns for Wagtail's English msgids that have no Finnish translation of their own.

    A msgid whose Finnish translation, in Wagtail's catalogue or ours, is the
    same English text is not "left in English"; it is the translation.
    """
    same_in_finnish = set()
    for path in wagtail_catalogues("fi") + django_catalogues("fi") + sorted(OVERLAY_DIR.glob("fi/LC_MESSAGES/*.po")):
        for entry in read_po(path):
            if entry.msgid in entry.translations():
                same_in_finnish.add(entry.msgid)
    patterns = {}
    for path in wagtail_catalogues("en") + django_catalogues("en"):
        for entry in read_po(path):
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                if msgid in same_in_finnish or msgid in patterns:
                    continue
                pattern = make_pattern(msgid)
                if pattern is not None:
                    patterns[msgid] = pattern
    return tuple(patterns.values())


SEGMENT_SEPARATORS = re.compile(r"\s*(?::\s+|:$|\s[|·•–—]\s|…$|\.\.\.$)\s*")


def segments(text: str) -> list[str]:
    """Lines and table cells of visible text, and their parts split at colons and dashes used as separators."""
    result = []
    for line in re.split(r"[\n\t]", text):
        line = " ".join(line.split())
        if not line:
            continue
        result.append(line)
        parts = [part for part in SEGMENT_SEPARATORS.split(line) if part]
        if len(parts) > 1 or (parts and parts[0] != line):
            result.extend(parts)
    return result


def english_in(texts: list[str], patterns=None) -> list[str]:
    """The msgids of `patterns` (Wagtail's English by default) that appear in `texts`.

    Longer msgids are matched first and their matches blanked out, so that
    "More options for 'X'" is reported once, not also as "%(a)s for %(b)s".
    """
    patterns = english_patterns() if patterns is None else patterns
    found = []
    remaining = list(dict.fromkeys(segment for text in texts for segment in segments(text)))
    for pattern in sorted(patterns, key=lambda pattern: -len(_plain(PLACEHOLDER.sub("", pattern.msgid)))):
        for index, segment in enumerate(remaining):
            match = pattern.regex.fullmatch(segment) if pattern.whole_segment else pattern.regex.search(segment)
            if match:
                found.append(f"{pattern.msgid!r} in {segment!r}")
                remaining[index] = segment[: match.start()] + "\0" + segment[match.end() :]
                break
    return found
