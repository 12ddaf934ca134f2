"""A per-process term index of the published practices for matching.

A planner's description has hundreds of words, none of them required. The
search index's SQL (FTS5, tsvector) is built for a few words that must all
match: asked for any of hundreds of words, it would score most of the
catalogue in SQL for every description. So the matcher keeps its own
postings in memory, built from the search app's analysed documents
(SearchDocument, so it agrees with the search on what a word is), with the
BM25 term saturation precomputed per posting, as numpy arrays: scoring a
description is then one vectorised sum per term over its postings.

The index follows the search index's change log (search_indexchange) as the
facet bitmaps do: a changed document is set aside in the base postings and
kept, re-read, in a small overlay; a rebuild of the search index (or an
overlay grown large) reloads everything.
"""

from __future__ import annotations

import logging
import math
import threading
from array import array
from dataclasses import dataclass

import numpy as np
from django.db import connection

from mallipankki.search.facet_bitmaps import CHANGE_TABLE, DOCUMENT_TABLE, FACET_TABLE

logger = logging.getLogger(__name__)

# The search's own weight groups: name, keywords and target groups, summary,
# description. A shared word in a practice's name says more about its topic
# than one in the running text.
FIELD_WEIGHTS = (("terms_a", 3.0), ("terms_b", 2.0), ("terms_c", 1.5), ("terms_d", 1.0))
K1, B = 1.2, 0.75
FACETS = ("theme", "target_group", "region")
# Postings summed per description, rarest terms first. The commonest terms
# ("työ" in nearly every practice) add almost the same to every score, so
# leaving them out once the budget is spent changes the order very little
# and bounds the time of a very long description at a large catalogue.
POSTINGS_BUDGET = 5_000_000
# The languages a practice can be written in, for the per-language document
# frequencies (`MatchIndex.idf`).
LANGUAGES = ("fi", "sv", "en")
# The terms of a description that the plain search ranks while the index loads.
FALLBACK_TERMS = 12
# Terms whose idf a loaded index keeps (a description's terms recur).
MAX_CACHED_IDF = 200_000
# Past this many changed documents since the last load, reload everything.
MAX_OVERLAY = 2000
# A description shares everyday words ("work", "local", "people") with every
# practice written in its own language, and with those only: a practice in
# another language meets it only through the thesaurus's labels. So the
# practices of a language whose typical match (the mean text score of its
# practices that share any term) lies above another language's lose that
# difference, this many times over: what counts is how much better than its
# language's usual match a practice fits. Chosen on the tuning half of
# bench/planning/descriptions-relevance.json (1, 1.5 and 2 tried; also the
# mean itself rather than the difference, which a one-language catalogue
# would feel). BACKGROUND_PRIOR: see `_background` (0, 1, 2 and 5 tried;
# without it a language's one good match is its own background).
LANGUAGE_BACKGROUND = 1.5
BACKGROUND_PRIOR = 2.0
# A thesaurus concept that both the description and a practice name (by any
# of its labels, in any language) is one more shared term, a language-free
# one, worth this many times its idf among all practices. A description
# meets a practice written in another language mostly through the
# concept's labels (planning.concepts), term by term: a common word of a
# label ("yritys" of "yhteiskunnallinen yritys") then counts for little,
# though the concept is rare. Chosen on the tuning half of
# bench/planning/descriptions-relevance.json with concepts.CONCEPT_WEIGHT
# (see bench/README.md: 1.5 to 4 tried).
CONCEPT_FEATURE_WEIGHT = 3.0
# Positions of concepts that a loaded index keeps, in all (4 bytes each): the
# thesaurus's few hundred concepts take a few MB at 100,000 practices, and
# concepts an editor has since changed are dropped with the rest past this.
MAX_CONCEPT_POSITIONS = 25_000_000


@dataclass
class _Document:
    saturation: dict[str, float]
    facets: frozenset[tuple[str, str]]
    shares: tuple[float, ...]  # as MatchIndex.language_shares


@dataclass
class Scored:
    page_id: int
    score: float  # the text score over its language's background, normalised to the best (1.0), plus the boosts
    text: float  # that text score alone
    facets: frozenset[tuple[str, str]]
    terms: tuple[str, ...] = ()  # description terms the practice has, the weightiest first


def _saturation(tf: float, length: float, average: float) -> float:
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))


def _weighted_terms(row) -> tuple[dict[str, float], float]:
    tf: dict[str, float] = {}
    length = 0.0
    for text, (_column, weight) in zip(row, FIELD_WEIGHTS, strict=True):
        terms = (text or "").split()
        length += weight * len(terms)
        for term in terms:
            tf[term] = tf.get(term, 0.0) + weight
    return tf, length


_COLUMNS = ", ".join(column for column, _weight in FIELD_WEIGHTS)


def _language_shares(lang: str) -> tuple[float, ...]:
    found = [code for code in (lang or "").split() if code in LANGUAGES] or ["fi"]
    return tuple(found.count(code) / len(found) for code in LANGUAGES)


class MatchIndex:
    def __init__(self):
        self.seen: tuple[int, str] | None = None
        self.loaded = False
        self.ids: list[int] = []
        self.position: dict[int, int] = {}
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.document_frequency: dict[str, int] = {}
        self.facets: list[frozenset[tuple[str, str]]] = []
        self.by_facet: dict[tuple[str, str], np.ndarray] = {}
        self.average_length = 1.0
        # Per position, the share of each of LANGUAGES in the practice's
        # languages (a "fi en" practice is half Finnish, half English).
        self.language_shares = np.zeros((0, len(LANGUAGES)), dtype=np.float32)
        self.language_sizes = np.zeros(len(LANGUAGES))  # the documents in each language (their shares summed)
        self._idf: dict[str, float] = {}
        self.stale: set[int] = set()  # positions whose postings are out of date
        self.overlay: dict[int, _Document] = {}  # page id -> document re-read since the load
        self._concept_positions: dict = {}  # planning.concepts.Concept -> positions (concept_positions)

    # -- loading -------------------------------------------------------------

    def refresh(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, token FROM {CHANGE_TABLE} ORDER BY id DESC LIMIT 1")  # noqa: S608
            newest = cursor.fetchone()
            newest = tuple(newest) if newest else None
            if self.loaded and newest == self.seen:
                return
            changed = self._changed_documents(cursor, newest) if self.loaded else None
            if changed is None or len(changed) + len(self.overlay) > MAX_OVERLAY:
                self._load_all(cursor)
            else:
                self._load_documents(cursor, changed)
        self.seen, self.loaded = newest, True

    def _changed_documents(self, cursor, newest) -> set[int] | None:
        if self.seen is None or newest is None:
            return None
        cursor.execute(f"SELECT token FROM {CHANGE_TABLE} WHERE id = %s", [self.seen[0]])  # noqa: S608
        row = cursor.fetchone()
        if row is None or row[0] != self.seen[1]:
            return None  # the log was rolled back or pruned past what we saw
        cursor.execute(
            f"SELECT document_id FROM {CHANGE_TABLE} WHERE id > %s AND id <= %s",  # noqa: S608
            [self.seen[0], newest[0]],
        )
        changed = [document_id for (document_id,) in cursor.fetchall()]
        return None if None in changed else set(changed)

    def _read_facets(self, cursor, ids: list[int] | None = None) -> dict[int, set[tuple[str, str]]]:
        placeholders = ", ".join(["%s"] * len(FACETS))
        sql = f"SELECT document_id, facet, code FROM {FACET_TABLE} WHERE facet IN ({placeholders})"  # noqa: S608
        params = list(FACETS)
        if ids is not None:
            sql += f" AND document_id IN ({', '.join(['%s'] * len(ids))})"
            params += ids
        cursor.execute(sql, params)
        facets: dict[int, set[tuple[str, str]]] = {}
        for document_id, facet, code in cursor.fetchall():
            facets.setdefault(document_id, set()).add((facet, code))
        return facets

    def _load_all(self, cursor) -> None:
        cursor.execute(f"SELECT COUNT(*), 0 FROM {DOCUMENT_TABLE}")  # noqa: S608
        count = cursor.fetchone()[0]
        # Two passes, so that no document's term counts are held for long:
        # the lengths first (for the average), then the postings.
        total = 0.0
        cursor.execute(f"SELECT {_COLUMNS} FROM {DOCUMENT_TABLE}")  # noqa: S608
        while rows := cursor.fetchmany(2000):
            for row in rows:
                total += sum(
                    weight * len((text or "").split()) for text, (_c, weight) in zip(row, FIELD_WEIGHTS, strict=True)
                )
        average = total / count if count else 1.0
        ids: list[int] = []
        postings: dict[str, tuple[array, array]] = {}
        shares: list[tuple[float, ...]] = []
        cursor.execute(f"SELECT page_id, lang, {_COLUMNS} FROM {DOCUMENT_TABLE} ORDER BY page_id")  # noqa: S608
        while rows := cursor.fetchmany(2000):
            for row in rows:
                position = len(ids)
                ids.append(row[0])
                shares.append(_language_shares(row[1]))
                tf, length = _weighted_terms(row[2:])
                norm = K1 * (1 - B + B * length / (average or 1.0))
                for term, value in tf.items():
                    found = postings.get(term)
                    if found is None:
                        found = postings[term] = (array("i"), array("f"))
                    found[0].append(position)
                    found[1].append(value * (K1 + 1) / (value + norm))
        facets_by_id = self._read_facets(cursor)
        self.ids = ids
        self.postings = {
            term: (np.frombuffer(positions, dtype=np.int32), np.frombuffer(values, dtype=np.float32))
            for term, (positions, values) in postings.items()
        }
        self.position = {page_id: position for position, page_id in enumerate(ids)}
        self.document_frequency = {term: len(found[0]) for term, found in postings.items()}
        self.facets = [frozenset(facets_by_id.get(page_id, ())) for page_id in ids]
        by_facet: dict[tuple[str, str], list[int]] = {}
        for position, values in enumerate(self.facets):
            for value in values:
                by_facet.setdefault(value, []).append(position)
        self.by_facet = {value: np.array(positions, dtype=np.int32) for value, positions in by_facet.items()}
        self.average_length = average or 1.0
        self.language_shares = np.array(shares, dtype=np.float32).reshape(len(ids), len(LANGUAGES))
        self.language_sizes = self.language_shares.sum(axis=0, dtype=np.float64)
        self._idf = {}
        self._concept_positions = {}
        self.stale, self.overlay = set(), {}

    def _load_documents(self, cursor, changed: set[int]) -> None:
        ids = sorted(changed)
        for page_id in ids:
            self.overlay.pop(page_id, None)
            if page_id in self.position:
                self.stale.add(self.position[page_id])
        cursor.execute(
            f"SELECT page_id, lang, {_COLUMNS} FROM {DOCUMENT_TABLE} WHERE page_id IN ({', '.join(['%s'] * len(ids))})",  # noqa: S608
            ids,
        )
        rows = cursor.fetchall()
        facets_by_id = self._read_facets(cursor, ids)
        for row in rows:
            tf, length = _weighted_terms(row[2:])
            self.overlay[row[0]] = _Document(
                {term: _saturation(value, length, self.average_length) for term, value in tf.items()},
                frozenset(facets_by_id.get(row[0], ())),
                _language_shares(row[1]),
            )

    # -- scoring -------------------------------------------------------------

    @property
    def size(self) -> int:
        return len(self.ids) - len(self.stale) + sum(1 for page_id in self.overlay if page_id not in self.position)

    def idf(self, term: str) -> float:
        """BM25's inverse document frequency, among the practices written in
        the languages the term is found in.

        Counted over the whole catalogue, an English word that nearly every
        English practice has ("work", "people") would look rare, because
        most practices are Finnish: it would then lift the few English
        practices above the Finnish ones that fit an English description
        better. So a term's frequency is set against the number of
        practices in its own languages: the languages of the practices that
        have it, weighted by how many of them have each.
        """
        found = self._idf.get(term)
        if found is not None:
            return found
        df = self.document_frequency.get(term, 0)
        n = float(max(len(self.ids), 1))
        if df and len(self.language_shares) == len(self.ids):
            profile = self.language_shares[self.postings[term][0]].sum(axis=0, dtype=np.float64)
            total = profile.sum()
            if total > 0:
                n = max(float(profile @ self.language_sizes / total), float(df))
        value = math.log(1 + (n - df + 0.5) / (df + 0.5))
        if len(self._idf) < MAX_CACHED_IDF:
            self._idf[term] = value
        return value

    def _named_at(self, word_sets) -> np.ndarray:
        """The positions whose terms have every word of one of ``word_sets``.

        Boolean masks over all positions rather than sorted-array unions: a
        common word's postings hold most of the catalogue, and a mask takes
        them in one scatter, where a union would sort them."""
        named = np.zeros(len(self.ids), dtype=bool)
        for words in word_sets:
            label = None
            for alternatives in words:
                found = [self.postings[term][0] for term in alternatives if term in self.postings]
                if not found:
                    label = None
                    break
                here = np.zeros(len(self.ids), dtype=bool)
                for positions in found:
                    here[positions] = True
                label = here if label is None else np.logical_and(label, here, out=label)
            if label is not None:
                named |= label
        return np.flatnonzero(named).astype(np.int32)

    def concept_positions(self, concept) -> np.ndarray:
        """The positions of the practices that name ``concept`` (a
        planning.concepts.Concept), kept until the next full load. A concept
        an editor changes is a new object, and is looked up anew."""
        found = self._concept_positions.get(concept)
        if found is None:
            found = self._named_at(concept.word_sets())
            kept = sum(len(positions) for positions in self._concept_positions.values())
            if kept + len(found) > MAX_CONCEPT_POSITIONS:
                self._concept_positions.clear()
            self._concept_positions[concept] = found
        return found

    def concept_idf(self, df: int) -> float:
        n = max(len(self.ids), 1)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def score(
        self, weights: dict[str, float], boosts: dict[tuple[str, str], float], limit: int, concepts=()
    ) -> list[Scored]:
        """The ``limit`` best practices for the description terms ``weights``.

        Each of ``concepts`` (planning.concepts.Concept, those the description
        names) that a practice names adds CONCEPT_FEATURE_WEIGHT times its idf
        to the practice's text score. The text score is normalised to the best
        one (1.0), and each facet value of ``boosts`` that a practice has adds
        its boost. Practices with neither a term nor a boosted value are not
        candidates.
        """
        count = len(self.ids)
        texts = np.zeros(count, dtype=np.float64)
        visited = 0
        present = sorted((self.document_frequency[t], t) for t in weights if t in self.document_frequency)
        for df, term in present:
            if visited + df > POSTINGS_BUDGET and visited:
                break
            visited += df
            positions, values = self.postings[term]
            # A term's postings hold each position once, so the fancy-index
            # add is a plain vector add.
            texts[positions] += (weights[term] * self.idf(term)) * values
        for concept in concepts:
            positions = self.concept_positions(concept)
            if len(positions):
                texts[positions] += CONCEPT_FEATURE_WEIGHT * self.concept_idf(len(positions))
        boost = np.zeros(count, dtype=np.float64)
        for value, amount in boosts.items():
            positions = self.by_facet.get(value)
            if positions is not None:
                boost[positions] += amount
        if self.stale:
            stale = np.fromiter(self.stale, dtype=np.int64)
            texts[stale] = 0.0
            boost[stale] = 0.0
        overlay = {}
        for page_id, document in self.overlay.items():
            text = sum(
                weight * self.idf(term) * document.saturation[term]
                for term, weight in weights.items()
                if term in document.saturation
            )
            for concept in concepts:
                if concept.named_by(document.saturation):
                    text += CONCEPT_FEATURE_WEIGHT * self.concept_idf(max(len(self.concept_positions(concept)), 1))
            extra = sum(amount for value, amount in boosts.items() if value in document.facets)
            if text or extra:
                overlay[page_id] = (text, extra)
        shares = self.language_shares
        background = self._background(texts, overlay)
        above = texts - LANGUAGE_BACKGROUND * (shares @ background) if count else texts
        overlay_above = {
            page_id: text - LANGUAGE_BACKGROUND * float(np.asarray(self.overlay[page_id].shares) @ background)
            for page_id, (text, _extra) in overlay.items()
        }
        best = max(float(above.max()) if count else 0.0, max(overlay_above.values(), default=0.0))
        best = best if best > 0 else 1.0
        # Below its language's background a practice keeps only its boosts, and
        # its own text score orders it among its like.
        fitted = np.maximum(above, 0.0) / best
        totals = fitted + boost
        candidates = np.flatnonzero((texts > 0) | (boost > 0))
        if len(candidates) > limit:
            # Ties (all those below the background, unboosted) go to the higher own score.
            key = totals[candidates] + 1e-9 * texts[candidates] / (float(texts.max()) or 1.0)
            chosen = candidates[np.argpartition(-key, limit - 1)[:limit]]
        else:
            chosen = candidates
        ranked = [
            (float(totals[p]), float(texts[p]), self.ids[p], float(fitted[p]), self.facets[p]) for p in chosen.tolist()
        ]
        for page_id, (text, extra) in overlay.items():
            fit = max(overlay_above[page_id], 0.0) / best
            ranked.append((fit + extra, text, page_id, fit, self.overlay[page_id].facets))
        ranked.sort(key=lambda item: (-item[0], -item[1], item[2]))
        return [
            Scored(page_id, total, fit, facets, _weightiest(self, self.shared_terms(page_id, weights), weights))
            for total, _text, page_id, fit, facets in ranked[:limit]
        ]

    def _background(self, texts: np.ndarray, overlay: dict[int, tuple[float, float]]) -> np.ndarray:
        """Per language, how far the mean text score of the practices written in it that share any
        term lies above that of the language whose practices match least."""
        shares = self.language_shares.astype(np.float64)
        matched = (texts > 0).astype(np.float64)
        sums = shares.T @ texts if len(texts) else np.zeros(len(LANGUAGES))
        counts = shares.T @ matched if len(texts) else np.zeros(len(LANGUAGES))
        for page_id, (text, _extra) in overlay.items():
            if text > 0:
                document = np.asarray(self.overlay[page_id].shares, dtype=np.float64)
                sums = sums + text * document
                counts = counts + document
        if not (counts > 0).any():
            return np.zeros(len(LANGUAGES))
        # Few matches say little of a language's usual match (one match is its
        # own mean): counted as if BACKGROUND_PRIOR more had matched nothing.
        means = sums / (counts + BACKGROUND_PRIOR)
        # Only the difference between languages is unfair: the language whose
        # practices match least keeps its scores, so a catalogue (or a match)
        # in one language ranks exactly as before.
        return np.where(counts > 0, means - means[counts > 0].min(), 0.0)

    def facets_of(self, page_id: int) -> frozenset[tuple[str, str]]:
        if page_id in self.overlay:
            return self.overlay[page_id].facets
        return self.facets[self.position[page_id]]

    def shared_terms(self, page_id: int, terms) -> frozenset[str]:
        """The ``terms`` that the practice has."""
        if page_id in self.overlay:
            return frozenset(term for term in terms if term in self.overlay[page_id].saturation)
        position = self.position[page_id]
        found = set()
        for term in terms:
            postings = self.postings.get(term)
            if postings is None:
                continue
            index = int(np.searchsorted(postings[0], position))
            if index < len(postings[0]) and postings[0][index] == position:
                found.add(term)
        return frozenset(found)


_indexes: dict[str, MatchIndex] = {}
_building: set[str] = set()  # databases whose index a warm-up thread is loading
_lock = threading.Lock()


def _database() -> str:
    return connection.settings_dict["NAME"]


def top(weights: dict[str, float], boosts: dict[tuple[str, str], float], limit: int, concepts=()) -> list[Scored]:
    """The ``limit`` best practices of this database (see `MatchIndex.score`).

    While a warm-up thread is still loading the index (a minute at 100 000
    practices), the answer is the plain search's ranking
    of the description's weightiest terms instead (`_plain_search_top`), so
    that the first visitors after a start do not wait for the load;
    `warming` tells the caller so.
    """
    name = _database()
    with _lock:
        if name not in _building or name in _indexes:
            index = _indexes.setdefault(name, MatchIndex())
            index.refresh()
            return index.score(weights, boosts, limit, concepts)
    return _plain_search_top(weights, boosts, limit)


def warming() -> bool:
    """True while this database's index is being loaded in the background and
    matches come from the plain search."""
    name = _database()
    with _lock:
        return name in _building and name not in _indexes


def warm_up() -> threading.Thread | None:
    """Load this process's index in a background thread, ahead of the first match.

    Called where a server starts a worker (mallipankki/wsgi.py), never in
    tests or management commands. Returns the thread, or None when the index
    is loaded or loading already.
    """
    name = _database()
    with _lock:
        if name in _indexes or name in _building:
            return None
        _building.add(name)

    def load() -> None:
        try:
            index = MatchIndex()
            index.refresh()
            with _lock:
                _indexes.setdefault(name, index)
        except Exception:  # the first match loads it again, in the foreground
            logger.warning("Loading the match index in the background failed", exc_info=True)
        finally:
            with _lock:
                _building.discard(name)
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=load, name="match-index-warm-up", daemon=True)
    thread.start()
    return thread


def _plain_search_top(weights, boosts, limit: int) -> list[Scored]:
    """The search's own ranking of the description's weightiest terms as
    `Scored` results, with the facet boosts added and the shared terms read
    from the few documents found.

    The terms are base forms, which the search analyses to themselves; a
    few of them keep the search quick (the whole description, hundreds of
    words, took seconds at 10,000 practices).
    """
    from mallipankki.search.service import rank_practices

    # sorted() is stable: among equal weights the description's order stays.
    query = " ".join(sorted(weights, key=lambda term: -weights[term])[:FALLBACK_TERMS])
    ids = rank_practices(query, limit=limit).ids if query else []
    if not ids:
        return []
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        facets_by_id = MatchIndex()._read_facets(cursor, ids)
        cursor.execute(
            f"SELECT page_id, {_COLUMNS} FROM {DOCUMENT_TABLE} WHERE page_id IN ({placeholders})",  # noqa: S608
            ids,
        )
        terms_by_id = {row[0]: set(" ".join(text or "" for text in row[1:]).split()) for row in cursor.fetchall()}
    ranked = []
    for rank, page_id in enumerate(ids):
        facets = frozenset(facets_by_id.get(page_id, ()))
        text = 1.0 / (1 + rank)
        extra = sum(amount for value, amount in boosts.items() if value in facets)
        shared = sorted(terms_by_id.get(page_id, set()) & weights.keys(), key=lambda term: (-weights[term], term))
        ranked.append(Scored(page_id, text + extra, text, facets, tuple(shared)))
    ranked.sort(key=lambda item: -item.score)
    return ranked


def _weightiest(index: MatchIndex, terms, weights: dict[str, float]) -> tuple[str, ...]:
    return tuple(sorted(terms, key=lambda term: (-weights[term] * index.idf(term), term)))


def forget() -> None:
    """Drop every loaded index (tests that swap databases)."""
    with _lock:
        _indexes.clear()
        _building.clear()
