"""Facet counts from per-process bitmaps of the facet table.

Counting facets in SQL groups every facet row of every matched document,
and a broad query over a large catalogue matches a good share of it: far
too many rows to group for every search. Here every facet value is a Python
int used as a bitmap over document ids (bit n is page id n), and a count is
``(matched & value).bit_count()``: about a hundred values, counted in
little time whatever the size of the match.

The bitmaps live in each process, per database, and are brought up to date
before every count from the IndexChange log, which indexing.py writes in the
same transaction as each change of the index: a row names one document
(whose facet rows are read again) or none (a rebuild or bulk load: all of
them are read again). Every log row carries a random token, so a log that a
rollback rewrote under the same ids is noticed, and so is a log pruned past
what a process last saw; either way everything is read again.
"""

from __future__ import annotations

import secrets
import sys
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Iterable
from itertools import repeat

from django.db import connection

DOCUMENT_TABLE = "search_searchdocument"
FACET_TABLE = "search_searchfacet"
CHANGE_TABLE = "search_indexchange"  # models.IndexChange
# Log rows kept for processes that are behind; older ones are pruned.
KEEP_CHANGES = 1000


_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def ids_of(bits: int) -> list[int]:
    """The ``n`` of every bit ``n`` set in ``bits``, ascending: the inverse of `bitmap`."""
    digits = bin(bits)[:1:-1]  # bit 0 first, without "0b"
    ids, position = [], digits.find("1")
    while position >= 0:
        ids.append(position)
        position = digits.find("1", position + 1)
    return ids


def bitmap(ids: Iterable[int]) -> int:
    """An int with bit ``n`` set for every ``n`` in ``ids``."""
    ids = list(ids)
    if not ids:
        return 0
    # One byte per id, set by map() in C, then read as a base-2 numeral:
    # faster than setting bits in a Python loop.
    flags = bytearray(max(ids) + 1)
    deque(map(flags.__setitem__, ids, repeat(1)), maxlen=0)
    return int(flags.translate(_DIGITS)[::-1], 2)


def record_change(document_id: int | None) -> None:
    """Log a change of one document's index rows (None: of all of them).

    Call it in the transaction that changes the index, so that the log and
    the index commit or roll back together.
    """
    token = secrets.token_hex(8)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {CHANGE_TABLE} (document_id, token) VALUES (%s, %s)", [document_id, token])  # noqa: S608
        cursor.execute(f"SELECT MAX(id) FROM {CHANGE_TABLE}")  # noqa: S608
        newest = cursor.fetchone()[0]
        if newest % 100 == 0:
            cursor.execute(f"DELETE FROM {CHANGE_TABLE} WHERE id <= %s", [newest - KEEP_CHANGES])  # noqa: S608


class FacetBitmaps:
    """Bitmaps of one database's facet values and indexed documents."""

    def __init__(self):
        self.seen: tuple[int, str] | None = None  # (id, token) of the newest log row read
        self.values: dict[str, dict[str, int]] = {}
        self.documents = 0
        self.loaded = False

    def refresh(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, token FROM {CHANGE_TABLE} ORDER BY id DESC LIMIT 1")  # noqa: S608
            newest = cursor.fetchone()
            newest = tuple(newest) if newest else None
            if newest == self.seen and self.loaded:
                return
            changed = self._changed_documents(cursor, newest)
            if changed is None:
                self._load_all(cursor)
            elif changed:
                self._load_documents(cursor, changed)
        self.seen, self.loaded = newest, True

    def _changed_documents(self, cursor, newest) -> set[int] | None:
        """Documents changed since ``self.seen``; None when all must be read."""
        if self.seen is None or newest is None:
            return None
        cursor.execute(f"SELECT token FROM {CHANGE_TABLE} WHERE id = %s", [self.seen[0]])  # noqa: S608
        row = cursor.fetchone()
        if row is None or row[0] != self.seen[1]:
            return None
        cursor.execute(
            f"SELECT document_id FROM {CHANGE_TABLE} WHERE id > %s AND id <= %s",  # noqa: S608
            [self.seen[0], newest[0]],
        )
        changed = [document_id for (document_id,) in cursor.fetchall()]
        return None if None in changed else set(changed)

    def _load_all(self, cursor) -> None:
        cursor.execute(f"SELECT page_id FROM {DOCUMENT_TABLE}")  # noqa: S608
        self.documents = bitmap(document_id for (document_id,) in cursor.fetchall())
        size = (self.documents.bit_length() >> 3) + 1
        buffers: dict[tuple[str, str], bytearray] = {}
        cursor.execute(f"SELECT facet, code, document_id FROM {FACET_TABLE}")  # noqa: S608
        while rows := cursor.fetchmany(10_000):
            for facet, code, document_id in rows:
                buffer = buffers.get((facet, code))
                if buffer is None:
                    buffer = buffers[facet, code] = bytearray(size)
                buffer[document_id >> 3] |= 1 << (document_id & 7)
        self.values = {}
        for (facet, code), buffer in buffers.items():
            self.values.setdefault(facet, {})[code] = int.from_bytes(buffer, "little")

    def _load_documents(self, cursor, changed: set[int]) -> None:
        ids = sorted(changed)
        placeholders = ", ".join(["%s"] * len(ids))
        cursor.execute(f"SELECT page_id FROM {DOCUMENT_TABLE} WHERE page_id IN ({placeholders})", ids)  # noqa: S608
        present = bitmap(document_id for (document_id,) in cursor.fetchall())
        cleared = ~bitmap(ids)
        self.documents = (self.documents & cleared) | present
        for codes in self.values.values():
            for code in codes:
                codes[code] &= cleared
        cursor.execute(
            f"SELECT facet, code, document_id FROM {FACET_TABLE} WHERE document_id IN ({placeholders})",  # noqa: S608
            ids,
        )
        for facet, code, document_id in cursor.fetchall():
            codes = self.values.setdefault(facet, {})
            codes[code] = codes.get(code, 0) | (1 << document_id)

    def _chosen(self, filters: dict[str, list[str]]) -> dict[str, int]:
        """Per filtered facet, the documents with any of its selected values."""
        chosen = {}
        for facet, codes in filters.items():
            union = 0
            for code in codes:
                union |= self.values.get(facet, {}).get(code, 0)
            chosen[facet] = union
        return chosen

    def passing(self, matched: int, filters: dict[str, list[str]]) -> int:
        """The documents of ``matched`` that are indexed and pass every filter."""
        within = matched & self.documents
        for union in self._chosen(filters).values():
            within &= union
        return within

    def count(self, matched: int, filters: dict[str, list[str]]) -> int:
        """How many of ``matched`` are indexed and pass every filter."""
        return self.passing(matched, filters).bit_count()

    def counts(
        self, matched: int | None, filters: dict[str, list[str]], facets: list[str]
    ) -> dict[str, dict[str, int]]:
        """``{facet: {code: documents}}`` among ``matched`` (None: every
        indexed document) that pass every filter but the facet's own."""
        base = self.documents if matched is None else matched & self.documents
        chosen = self._chosen(filters)
        result: dict[str, dict[str, int]] = {}
        for facet in facets:
            within = base
            for other, union in chosen.items():
                if other != facet:
                    within &= union
            counts = {code: (within & values).bit_count() for code, values in self.values.get(facet, {}).items()}
            result[facet] = {code: count for code, count in counts.items() if count}
        return result


_bitmaps: dict[str, FacetBitmaps] = {}
# Bitmaps of recent matches, per database and index state: live search asks
# for the same query again with other filters and pages, and reading the
# ids of a broad match costs tens of milliseconds. A query keeps two or three
# (its match, and its top tier or complete matches, and its exact forms when
# widened), so the bound is in bytes: at 100,000 practices a bitmap is about
# 13 kB and 2,000 of them fit; a small catalogue stops at the count.
MATCHED_MAX = 2000
MATCHED_BYTES = 32 * 1024 * 1024
_matches: OrderedDict[tuple, int] = OrderedDict()
_matched_bytes = 0
_lock = threading.Lock()


def _current() -> FacetBitmaps:
    """This database's bitmaps, brought up to date (call with _lock held)."""
    bitmaps = _bitmaps.setdefault(connection.settings_dict["NAME"], FacetBitmaps())
    bitmaps.refresh()
    return bitmaps


def _matched(bitmaps: FacetBitmaps, match_key: Hashable, matched_ids: Callable[[], Iterable[int]]) -> int:
    """The bitmap of the match ``match_key``, read with ``matched_ids()``
    unless one for the current index state is at hand (call with _lock held)."""
    global _matched_bytes
    key = (connection.settings_dict["NAME"], bitmaps.seen, match_key)
    matched = _matches.get(key)
    if matched is None:
        matched = _matches[key] = bitmap(matched_ids())
        _matched_bytes += sys.getsizeof(matched)
        while len(_matches) > MATCHED_MAX or (_matched_bytes > MATCHED_BYTES and len(_matches) > 1):
            _matched_bytes -= sys.getsizeof(_matches.popitem(last=False)[1])
    _matches.move_to_end(key)
    return matched


def facet_counts(
    match_key: Hashable | None,
    matched_ids: Callable[[], Iterable[int]] | None,
    filters: dict[str, list[str]],
    facets: list[str],
) -> dict[str, dict[str, int]]:
    """FacetBitmaps.counts on this database's bitmaps, brought up to date
    first. ``matched_ids()`` reads the ids of the match ``match_key``
    (None for every document) unless its bitmap is at hand."""
    with _lock:
        bitmaps = _current()
        matched = _matched(bitmaps, match_key, matched_ids) if matched_ids is not None else None
        return bitmaps.counts(matched, filters, facets)


def match_counts(
    matches: dict[Hashable, Callable[[], Iterable[int]]], filters: dict[str, list[str]]
) -> dict[Hashable, int]:
    """``{match_key: documents}``: how many indexed documents of each match
    pass the filters, where ``matches[match_key]()`` reads the match's ids.
    A COUNT(*) without the database once a match's bitmap is kept (the
    facets of the same query read it anyway)."""
    with _lock:
        bitmaps = _current()
        return {key: bitmaps.count(_matched(bitmaps, key, ids), filters) for key, ids in matches.items()}


def passing_ids(
    match_key: Hashable, matched_ids: Callable[[], Iterable[int]], filters: dict[str, list[str]]
) -> list[int]:
    """The ids of the match ``match_key`` that are indexed and pass the
    filters, ascending, on the bitmaps as they were last brought up to date:
    call it after match_counts, to list what that counted."""
    with _lock:
        bitmaps = _bitmaps.get(connection.settings_dict["NAME"]) or _current()
        return ids_of(bitmaps.passing(_matched(bitmaps, match_key, matched_ids), filters))


def document_count(filters: dict[str, list[str]]) -> int:
    """How many indexed documents pass the filters (browsing)."""
    with _lock:
        bitmaps = _current()
        return bitmaps.count(bitmaps.documents, filters)


def forget_matches() -> None:
    global _matched_bytes
    with _lock:
        _matches.clear()
        _matched_bytes = 0
