"""Text analysis for Mallipankki search.

Finnish is analysed with Voikko; Swedish and English with Snowball stemmers.

The index side and the query side are two views of one per-word analysis, so
they agree by construction: a query word is reduced exactly as the same word
in a document was. That is what lets ``työkokeiluun`` find ``työkokeilu`` and
``palkkatuen`` find ``palkkatuki`` without any fuzzy matching in the engine.

Finnish compounds are the main reason this module exists. A document about
``kokemusasiantuntijakoulutus`` must be found by ``kokemusasiantuntija`` and
by ``koulutus``; so the index side stores, besides the base form, the base
forms of the compound's parts and of every adjacent run of parts. The query
side keeps a word's own base forms as its strong terms and offers the runs
only as weaker *expansions*, so that ``maahanmuuttajanaisille`` still finds a
document about ``maahanmuuttajat`` while ranking exact matches first.

Words Voikko does not know (domain neologisms such as ``opinnollistaminen``,
``nepsy-valmentaja``) go through a deterministic fallback: split at hyphens,
look for a known tail word, normalise a few productive derivations, and
finally take a Snowball stem. Index and query use the same fallback, so an
unknown word still matches itself across inflections as well as stemming
allows.

Every term this module returns is a non-empty lowercase string of letters
and digits only, so the search engine can put it into an SQLite FTS5 column
or a PostgreSQL ``simple`` tsvector without quoting or escaping worries.

No Django imports here: the module is used by the indexer, by management
commands and by tests that run without settings.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import Stemmer

from .stopwords import STOP_WORDS

logger = logging.getLogger(__name__)

# Longer "words" are URLs, hashes, base64 or keyboard mashing; analysing them
# only costs time and pollutes the index.
MAX_WORD_LEN = 60
# A base form may be a little longer than the word it came from (a split
# head plus the tail's base form); anything past this is not a real term.
MAX_TERM_LEN = 80
# The caller ANDs query words, so more than this cannot find anything useful,
# and each word costs a Voikko call on a cold cache.
MAX_QUERY_WORDS = 32
# Bound the work on a query that is mostly stop words or junk.
MAX_QUERY_TOKENS = 8 * MAX_QUERY_WORDS
# Compound parts shorter than this (maa, työ, yö) are indexed only as whole
# words, never as parts: as parts they occur in thousands of unrelated
# compounds (maatalous, maahanmuuttaja, maakunta) and a search for the short
# word would drown in them.
MIN_INDEX_PART_LEN = 4
# Expansions widen a query word on purpose, so they need to be more specific
# still: "tuki" from "palkkatuki" or "mieli" from "mielenterveys" would match
# half the bank.
MIN_EXPANSION_LEN = 6
# Parts the writer separated with a hyphen (IPS-malli, TE-palvelut) are
# deliberate, usually acronyms, and are kept down to this length.
MIN_EXPLICIT_PART_LEN = 2
# Voikko returns many readings for long compounds; past a handful they are
# just alternative segmentations that add noise and cost.
MAX_READINGS = 8
MAX_HYPHEN_SEGMENTS = 6
CACHE_SIZE = 100_000
# Known-tail splitting of unknown words. Loanwords end in letter sequences
# that happen to be inflected Finnish words (coac|hausta, chatb|otin,
# blockc|hain); short heads and tails make such chance splits likelier, and
# a split that fires for one inflection but not another breaks matching.
MIN_SPLIT_HEAD = 4
MIN_SPLIT_TAIL = 5
# The tail must share this much with its base form: a tail that is mostly
# inflection or consonant gradation (hausta -> haku) is a chance word.
MIN_SPLIT_TAIL_STEM = 4

LANGUAGES = ("fi", "sv", "en")
_LANGUAGE_ALIASES = {"fin": "fi", "swe": "sv", "eng": "en"}
_SNOWBALL_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}
# A split tail must be a content word; pronouns, adpositions and conjunctions
# as tails come from chance letter sequences (nepsyvalmentaj|alle).
_CONTENT_CLASSES = frozenset({"nimisana", "laatusana", "nimisana_laatusana", "teonsana"})

_CASE_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi")

# Invisible characters are deleted rather than treated as separators: web
# text often carries soft hyphens inside long compounds (kokemus\xadasiantuntija).
_CHAR_MAP = {
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff")),
    0x2010: "-",
    0x2011: "-",
    0x2019: "'",
}
# Hyphens and apostrophes only join words when letters/digits follow; a
# colon ending (TYP:n, EU:ssa) is kept as part of the word so that Voikko
# can read it and the analyser can drop it, but 12:30 stays two numbers.
_MAPPED_CHAR_RE = re.compile("[" + "".join(map(chr, _CHAR_MAP)) + "]")
_WORD_RE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*(?::[^\W\d_]{1,6}(?![^\W_]))?")
# Splitting at every position only makes sense for words Voikko could know.
_LATIN_WORD_RE = re.compile(r"[a-zà-öø-ÿšž]+")
# One WORDBASES item: "+surface(base)", or a bare "+surface" for an
# inflectional/derivational fragment or a hyphen ("+-").
_WORDBASES_PART_RE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")

# Productive Finnish derivations that Voikko lacks for new coinages. Snowball
# leaves their inflected forms with different stems (opinnollistamin /
# opinnollistamis / opinnollistam), so they are mapped to the nominative
# instead. Vowel before the suffix keeps e.g. "lämmin" out.
_DERIVATIONS = (
    # -minen action nouns, including the bare compound form "-mis".
    (
        re.compile(
            r"(.{3,}[aeiouyäö])mi(?:nen|s(?:en|eksi|ess[aä]|est[aä]|een|ell[aä]"
            r"|elt[aä]|elle|t[aä]|et|ten|i[aä]|iin|iss[aä]|ist[aä]|ille|ill[aä]"
            r"|ilt[aä]|iksi|ineen)?)"
        ),
        r"\1minen",
    ),
    # -inti nouns from loan verbs (mentorointi, mentoroinnin) with nt:nn.
    (
        re.compile(
            r"(.{3,}[aeiouyäö])i(?:nti|nti[aä]|ntiin|ntien|nte(?:j[aä]|ihin)"
            r"|nni(?:n|t|ss[aä]|st[aä]|ll[aä]|lle|lt[aä]|ksi|tt[aä])"
            r"|nnei(?:ss[aä]|st[aä]|lle|ll[aä]|lt[aä]|ksi|n))"
        ),
        r"\1inti",
    ),
    # -us/-ys nouns (coachaus, sparraus): Snowball gives coachaus/coachau.
    (
        re.compile(
            r"(.{3,}[aeiouyäö][^aeiouyäö]{0,2}[uy])(?:s|st[aä]|sten|ks(?:en|eksi|een"
            r"|ess[aä]|est[aä]|ell[aä]|elle|elt[aä]|et|ien|i[aä]|iin|iss[aä]"
            r"|ist[aä]|ill[aä]|ille|ilt[aä]|iksi))"
        ),
        r"\1s",
    ),
)

T = TypeVar("T")


@dataclass(frozen=True)
class QueryWord:
    """One query word; the caller ORs ``terms`` (and, weaker, ``expansions``)
    within a word and ANDs the words."""

    original: str
    terms: frozenset[str]
    expansions: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Part:
    """A compound part: ``surface`` is how it is written inside the compound
    (asian, mielen), ``bases`` what it means on its own (asia, mieli)."""

    surface: str
    bases: tuple[str, ...]
    # Separated by a hyphen in the text, so the writer meant it as a word.
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class _Reading:
    baseform: str
    word_class: str
    parts: tuple[_Part, ...]
    # One dictionary word, not a compound Voikko assembled on the fly.
    lexical: bool = False


@dataclass(frozen=True, slots=True)
class _Analysis:
    bases: tuple[str, ...]
    # Only multi-part segmentations; a single part adds nothing to bases.
    readings: tuple[tuple[_Part, ...], ...] = ()


# --------------------------------------------------------------------------
# Voikko and stemmers: one instance per thread, because neither libvoikko
# handles nor PyStemmer objects may be used from two threads at once.

_local = threading.local()
_state_lock = threading.Lock()
_voikko_failed = False
_voikko_warned = False


def create_voikko():
    """A new Finnish Voikko handle (tests replace this to take Voikko away)."""
    # Imported lazily so that a machine without the native library can still
    # import this module and run on the Snowball fallback.
    from libvoikko import Voikko

    return Voikko("fi")


def thread_voikko():
    """This thread's Voikko handle, made on first use; None without Voikko."""
    global _voikko_failed, _voikko_warned
    if _voikko_failed:
        return None
    voikko = getattr(_local, "voikko", None)
    if voikko is not None:
        return voikko
    try:
        voikko = create_voikko()
    except Exception as exc:  # ImportError, OSError (no .so), VoikkoException (no fi dictionary)
        with _state_lock:
            _voikko_failed = True
            if not _voikko_warned:
                _voikko_warned = True
                logger.warning(
                    "Voikko is not available (%s); Finnish search falls back to "
                    "Snowball stemming without compound splitting.",
                    exc,
                )
        return None
    _local.voikko = voikko
    return voikko


def voikko_available() -> bool:
    """Whether Finnish is analysed with Voikko (for a Django system check)."""
    return thread_voikko() is not None


def _stem(lang: str, word: str) -> str:
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    stemmer = stemmers.get(lang)
    if stemmer is None:
        stemmer = stemmers[lang] = Stemmer.Stemmer(_SNOWBALL_NAMES[lang])
    try:
        stem = _clean(stemmer.stemWord(word))
    except Exception:  # a stemmer bug must not take a search or a reindex down
        logger.debug("stemming failed for %r", word, exc_info=True)
        return word
    return stem or word


def forget_native_handles() -> None:
    """Drop this process's Voikko and stemmer handles (a forked worker
    makes its own); the cached analyses stay."""
    global _local
    with _state_lock:
        _local = threading.local()


def forget_state() -> None:
    """Forget Voikko state and cached analyses (tests switch Voikko off)."""
    global _local, _voikko_failed, _voikko_warned
    with _state_lock:
        _local = threading.local()
        _voikko_failed = False
        _voikko_warned = False
    for cached in (_voikko_readings, _analyse, _index_terms, _query_terms):
        cached.cache_clear()
    _index_terms_of_word.clear()


# --------------------------------------------------------------------------
# Small helpers


def _unique(items: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(items))


def _clean(text: str) -> str:
    """Reduce to lowercase letters and digits: the only safe term shape."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).lower())
    if not text.isalnum():
        text = "".join(c for c in text if c.isalnum())
    return text


def _is_term(term: str) -> bool:
    return 0 < len(term) <= MAX_TERM_LEN and term.isalnum() and term == term.lower()


def _is_caps(word: str) -> bool:
    # All-caps words are acronyms (IPS, TYP, TE): they are never stop words
    # and, when Voikko does not know them, they are kept as written.
    return len(word) >= 2 and word.isupper()


def _cache_key(word: str) -> str:
    # Sentence-initial capitals carry no information and would split the
    # cache; capitals later in the word (IPS-malli, TYP:n) mark acronyms.
    rest = word[1:]
    # The comparison is the fast answer for nearly every word.
    if rest.lower() != rest and any(c.isupper() for c in rest):
        return word
    return word.lower()


def _normalise_lang(lang: object) -> str:
    if not isinstance(lang, str):
        return "fi"
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    code = _LANGUAGE_ALIASES.get(code, code)
    # Content is overwhelmingly Finnish and the Finnish path degrades to
    # stemming for foreign words, so it is the safest default.
    return code if code in LANGUAGES else "fi"


# --------------------------------------------------------------------------
# Tokenising


def _iter_words(text: object) -> list[str]:
    if not isinstance(text, str) or not text:
        return []
    text = unicodedata.normalize("NFKC", text)
    # str.translate looks up every character in the map; most texts have
    # none of its characters, which one regular-expression search tells.
    if _MAPPED_CHAR_RE.search(text):
        text = text.translate(_CHAR_MAP)
    return [word for word in _WORD_RE.findall(text) if len(word) <= MAX_WORD_LEN]


def tokenize(text: str) -> list[str]:
    """Split text into lowercase words as the analysers see them.

    Hyphens, apostrophes and a colon ending stay inside the word (so
    ``nepsy-valmentaja`` and ``TYP:n`` are one word each); these are words,
    not index terms. Words longer than ``MAX_WORD_LEN`` are dropped.
    """
    words = []
    for word in _iter_words(text):
        folded = unicodedata.normalize("NFKC", word.lower())
        folded = "".join(c for c in folded if c.isalnum() or c in "-':")
        if folded:
            words.append(folded)
    return words


# --------------------------------------------------------------------------
# Voikko readings


@functools.lru_cache(maxsize=CACHE_SIZE)
def _voikko_readings(word: str) -> tuple[_Reading, ...]:
    voikko = thread_voikko()
    if voikko is None:
        return ()
    try:
        raw = voikko.analyze(word)
    except Exception:  # ctypes/encoding trouble on odd input: treat as unknown
        logger.debug("Voikko failed on %r", word, exc_info=True)
        return ()
    readings: list[_Reading] = []
    for analysis in raw:
        reading = _parse_reading(analysis)
        if reading is not None and reading not in readings:
            readings.append(reading)
            if len(readings) >= MAX_READINGS:
                break
    return tuple(readings)


def _parse_reading(analysis: dict) -> _Reading | None:
    baseform = _clean(analysis.get("BASEFORM") or "")
    if not baseform:
        return None
    wordbases = analysis.get("WORDBASES") or ""
    parts, lexical = parse_wordbases(wordbases, analysis.get("STRUCTURE") or "")
    if not parts:
        # Some proper-name readings have no WORDBASES; keep them whole.
        parts, lexical = (_Part(baseform, (baseform,)),), False
    return _Reading(baseform, analysis.get("CLASS") or "", parts, lexical)


def _structure_boundaries(structure: str) -> frozenset[int]:
    """Character offsets where STRUCTURE starts a new compound part.

    STRUCTURE describes the inflected word, but only the last part inflects,
    so the offsets of the earlier boundaries hold for the base form too.
    """
    offsets = set()
    position = 0
    for char in structure:
        if char == "=":
            offsets.add(position)
        else:
            position += 1
    return frozenset(offsets)


def parse_wordbases(wordbases: str, structure: str) -> tuple[tuple[_Part, ...], bool]:
    """Turn WORDBASES into compound parts; also say whether the reading is a
    single dictionary word (see ``_from_voikko``).

    ``+työ(työ)+kokeil(kokeilla)+u(+u)`` is the compound työ + kokeilu: an
    item whose base starts with ``+`` is a derivational suffix of the part
    before it, not a part of its own. Items without a base are ambiguous:
    the ``+n`` in ``+toimi(toimia)+n+ta(+ta)`` belongs to toiminta, while
    the ``+lähi`` in ``+lähi+työ(työ)`` is a part; STRUCTURE's boundaries
    decide. A bare ``+-`` is the hyphen of a compound like sote-palvelu.
    """
    boundaries = _structure_boundaries(structure)
    groups: list[list] = []  # [surface, lemma or None, derived, explicit]
    offset = 0
    after_hyphen = False
    for match in _WORDBASES_PART_RE.finditer(wordbases):
        surface, lemma = match.group(1), match.group(2)
        item_offset = offset
        offset += len(surface)
        if lemma is None and surface and not surface.strip("-"):
            after_hyphen = True
            if groups:
                groups[-1][3] = True
            continue
        if lemma is not None and not lemma.startswith("+"):
            starts_part = True
        elif lemma is not None:
            starts_part = False
        else:
            starts_part = item_offset in boundaries
        if groups and not starts_part and not after_hyphen:
            groups[-1][0] += surface
            groups[-1][2] = True
        else:
            real_lemma = lemma if lemma is not None and not lemma.startswith("+") else None
            groups.append([surface, real_lemma, False, after_hyphen])
        after_hyphen = False

    lexical = len(groups) == 1 and "=" not in (groups[0][1] or "")
    parts = []
    for index, (surface, lemma, derived, explicit) in enumerate(groups):
        surface = _clean(surface)
        if not surface:
            continue
        if lemma is not None and not derived:
            # Lexicalised compounds come as maahanmuuttaja(maahan=muuttaja);
            # they stay one part, which is what keeps "maa" out.
            bases = (_clean(lemma),)
        elif index == len(groups) - 1:
            # WORDBASES spells the base form, so the last part is already
            # in its dictionary form.
            bases = (surface,)
        else:
            bases = _derived_part_bases(surface)
        parts.append(_Part(surface, tuple(b for b in bases if b), explicit))
    return tuple(parts), lexical


def _derived_part_bases(surface: str) -> tuple[str, ...]:
    # A derived non-final part (tuntija in kokemusasiantuntijakoulutus) has
    # no lemma of its own in WORDBASES; it is usually nominative already,
    # but ask Voikko in case it is inflected (kuntoutujan-).
    bases = _unique(r.baseform for r in _voikko_readings(surface))
    if not bases or surface in bases:
        return (surface,)
    return tuple(bases)


# --------------------------------------------------------------------------
# Per-word analysis


@functools.lru_cache(maxsize=CACHE_SIZE)
def _analyse(word: str, lang: str) -> _Analysis | None:
    """Analyse one word; None for a stop word or nothing usable."""
    if "-" in word:
        return _analyse_hyphenated(word, lang)
    if lang == "fi":
        return _analyse_fi(word)
    return _analyse_stemmed(word, lang)


def _from_voikko(word: str) -> tuple[bool, _Analysis | None]:
    """(known, analysis); a known word whose readings are all stop words
    gives (True, None)."""
    readings = _voikko_readings(word)
    if not readings:
        return False, None
    bases = _unique(r.baseform for r in readings)
    if not _is_caps(word):
        bases = [b for b in bases if b not in STOP_WORDS["fi"]]
    if not bases:
        return True, None
    # Voikko builds compound readings even for words its dictionary has whole
    # (aktivointi = akti + vointi, "wellbeing"); when the dictionary reading
    # is there, the assembled segmentations are noise.
    units = {r.baseform for r in readings if r.lexical}
    compounds = _unique(r.parts for r in readings if len(r.parts) > 1 and r.baseform not in units)
    return True, _Analysis(tuple(bases), tuple(compounds))


def _analyse_fi(word: str, allow_split: bool = True) -> _Analysis | None:
    caps = _is_caps(word)
    if not caps and _clean(word) in STOP_WORDS["fi"]:
        return None
    known, analysis = _from_voikko(word)
    if known:
        return analysis
    if ":" in word:
        # TYP:n -> TYP; Voikko reads known ones (EU:n) itself.
        return _analyse(word.split(":", 1)[0], "fi")
    if "'" in word:
        return _analyse(word.replace("'", ""), "fi")
    return _fallback_fi(word, caps, allow_split)


def _fallback_fi(word: str, caps: bool, allow_split: bool) -> _Analysis | None:
    lower = _clean(word)
    if not lower:
        return None
    if any(c.isdigit() for c in lower):
        # Codes (S30042, 2024, covid19) must match exactly, never stemmed.
        return _Analysis((lower,))
    lemma = _derivation_lemma(lower)
    if allow_split:
        # Split the lemma rather than the inflected word, so that every
        # inflection of a derived word splits (or does not) the same way.
        split = _split_known_tail(lemma or lower)
        if split is not None:
            return split
    if lemma:
        return _Analysis((lemma,))
    stem = _stem("fi", lower)
    # An unknown acronym keeps its raw form; the stem is added too so that
    # the same letters typed in lowercase in a query (stemmed) still match.
    return _Analysis(tuple(_unique([lower, stem] if caps else [stem])))


def _derivation_lemma(lower: str) -> str | None:
    for pattern, replacement in _DERIVATIONS:
        match = pattern.fullmatch(lower)
        if match:
            return match.expand(replacement)
    return None


def _common_prefix_len(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def _split_known_tail(lower: str) -> _Analysis | None:
    """nepsyvalmentajalle -> nepsy + valmentaja.

    The shortest head is tried first so the longest known tail wins: later
    splits tend to land on chance words (nepsyvalment|ajalle -> aika). The
    head is analysed on its own (without splitting again) so that a head
    like opinnollistamis- still meets the word opinnollistaminen.
    """
    if len(lower) < MIN_SPLIT_HEAD + MIN_SPLIT_TAIL or not _LATIN_WORD_RE.fullmatch(lower) or thread_voikko() is None:
        return None
    for cut in range(MIN_SPLIT_HEAD, len(lower) - MIN_SPLIT_TAIL + 1):
        tail = lower[cut:]
        tails = [
            r
            for r in _voikko_readings(tail)
            if r.word_class in _CONTENT_CLASSES
            and _common_prefix_len(tail, r.baseform) >= MIN_SPLIT_TAIL_STEM
            # A compound tail starting with a short part is usually a chance
            # word at the cut (ment|ori+ohjelma); a later cut finds the
            # real one (mentori|ohjelma).
            and len(r.parts[0].surface) >= MIN_INDEX_PART_LEN
            # An uninflected tail that ends like a case ending is more likely
            # that case ending on a loanword: tikto|kissa is tiktok-issa.
            and not (r.baseform == tail and tail.endswith(_CASE_ENDINGS))
        ]
        if not tails:
            continue
        head = lower[:cut]
        head_analysis = _analyse_fi(head, allow_split=False)
        head_part = _Part(head, head_analysis.bases if head_analysis else ())
        bases = _unique(head + r.baseform for r in tails)
        readings = _unique((head_part, *r.parts) for r in tails)
        return _Analysis(tuple(bases), tuple(readings))
    return None


def _analyse_stemmed(word: str, lang: str) -> _Analysis | None:
    caps = _is_caps(word)
    word = word.split(":", 1)[0]  # Swedish writes EU:s like Finnish EU:n
    if lang == "en" and word.lower().endswith("'s"):
        word = word[:-2]
    lower = _clean(word)
    if not lower or (not caps and lower in STOP_WORDS[lang]):
        return None
    if any(c.isdigit() for c in lower):
        return _Analysis((lower,))
    stem = _stem(lang, lower)
    return _Analysis(tuple(_unique([lower, stem] if caps else [stem])))


def _analyse_hyphenated(word: str, lang: str) -> _Analysis | None:
    """Hyphenated words become compounds of their segments.

    Joining the segments makes ``nepsy-valmentaja`` and ``nepsyvalmentaja``
    meet on the same term ``nepsyvalmentaja``.
    """
    if lang == "fi":
        known, analysis = _from_voikko(word)  # Voikko knows sote-palvelu
        if known:
            return analysis
    segments = [s for s in word.split("-") if s][:MAX_HYPHEN_SEGMENTS]
    if len(segments) == 1:
        return _analyse(segments[0], lang)
    analyses = [_analyse(segment, lang) for segment in segments]
    if all(a is None for a in analyses):
        return None

    prefix = []
    for segment, analysis in zip(segments[:-1], analyses[:-1], strict=True):
        surface = _clean(segment)
        if surface:
            prefix.append(_Part(surface, analysis.bases if analysis else (), True))
    last_surface = _clean(segments[-1].split(":", 1)[0])
    last = analyses[-1]
    last_bases = last.bases if last else ((last_surface,) if last_surface else ())
    if not last_bases:
        return None
    joined = "".join(p.surface for p in prefix)
    tails = last.readings if last and last.readings else ((_Part(last_surface, last_bases),),)
    bases = _unique(joined + b for b in last_bases)
    readings = []
    for tail in tails:
        if len(tail) == 1:
            tail = (_Part(tail[0].surface, tail[0].bases, True),)
        readings.append((*prefix, *tail))
    return _Analysis(tuple(bases), tuple(_unique(readings)))


# --------------------------------------------------------------------------
# From analyses to terms


def _runs(parts: tuple[_Part, ...]) -> Iterator[tuple[str, bool]]:
    """Base forms of every adjacent run of parts except the whole word.

    A run is written with the surface forms of its leading parts and the
    base form of its last part: kokemus + asian + tuntija -> asiantuntija.
    The flag marks a run that is exactly one hyphen-separated part.
    """
    count = len(parts)
    for start in range(count):
        for end in range(start, count):
            if start == 0 and end == count - 1:
                continue
            prefix = "".join(p.surface for p in parts[start:end])
            single_explicit = start == end and parts[end].explicit
            for base in parts[end].bases:
                yield prefix + base, single_explicit


@functools.lru_cache(maxsize=CACHE_SIZE)
def _index_terms(word: str, lang: str) -> tuple[str, ...]:
    analysis = _analyse(word, lang)
    if analysis is None:
        return ()
    stop = STOP_WORDS[lang]
    terms = list(analysis.bases)
    for reading in analysis.readings:
        for run, explicit in _runs(reading):
            # An explicit part was stop-checked as a word of its own, with
            # the acronym exception (TE-palvelut), so it is not checked again.
            if explicit:
                if len(run) >= MIN_EXPLICIT_PART_LEN:
                    terms.append(run)
            elif len(run) >= MIN_INDEX_PART_LEN and run not in stop:
                terms.append(run)
    return tuple(t for t in _unique(terms) if _is_term(t))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _query_terms(word: str, lang: str) -> tuple[frozenset[str], frozenset[str]] | None:
    analysis = _analyse(word, lang)
    if analysis is None:
        return None
    terms = frozenset(t for t in analysis.bases if _is_term(t))
    if not terms:
        return None
    stop = STOP_WORDS[lang]
    expansions = set()
    for reading in analysis.readings:
        for run, explicit in _runs(reading):
            if explicit:
                wanted = len(run) >= MIN_EXPLICIT_PART_LEN
            else:
                wanted = len(run) >= MIN_EXPANSION_LEN and run not in stop
            if wanted and run not in terms and _is_term(run):
                expansions.add(run)
    return terms, frozenset(expansions)


# --------------------------------------------------------------------------
# Public API


def analyse_for_index(text: str, lang: str = "fi") -> list[str]:
    """Index terms of ``text`` in order, repeated as often as they occur.

    Duplicates are kept on purpose: BM25 needs term frequencies.
    """
    lang = _normalise_lang(lang)
    known = _index_terms_of_word.setdefault(lang, {})
    terms: list[str] = []
    for word in _iter_words(text):
        # A reindex or an import analyses millions of words, nearly all seen
        # before: a dict of the words as written saves the cache key and the
        # lru_cache call, most of the time per word.
        found = known.get(word)
        if found is None:
            found = _index_terms(_cache_key(word), lang)
            if len(known) < CACHE_SIZE:
                known[word] = found
        terms += found
    return terms


# Word as written -> _index_terms of its cache key, per language.
_index_terms_of_word: dict[str, dict[str, tuple[str, ...]]] = {}


def analyse_query(text: str, lang: str = "fi") -> list[QueryWord]:
    """Query words of ``text``: stop words dropped, repeats collapsed.

    Returns an empty list for empty or garbage input, which the caller
    should treat as "no query" rather than "match everything".
    """
    lang = _normalise_lang(lang)
    words: list[QueryWord] = []
    seen: set[tuple[frozenset[str], frozenset[str]]] = set()
    for count, word in enumerate(_iter_words(text)):
        if count >= MAX_QUERY_TOKENS or len(words) >= MAX_QUERY_WORDS:
            break
        result = _query_terms(_cache_key(word), lang)
        if result is None or result in seen:
            continue
        seen.add(result)
        words.append(QueryWord(word, *result))
    return words
