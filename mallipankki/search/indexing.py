"""Keeping the search index: what a practice contributes, and writing it.

`document_entry` turns a practice, in its interchange shape (the one mapping
of interchange.py), into analysed terms per weight group and facet values;
it is plain Python so tests and benchmarks call it directly. The other
functions write entries to the tables in models.py:

- `index_practice(page)` after a publish or an edit,
- `remove_practice(page_id)` after an unpublish or a delete,
- `write_entry_rows(rows)` for whole batches: `rebuild.rebuild_index` (for
  `manage.py rebuild_search_index`) and the bulk import.

Only live and public practices are ever written: `index_practice` reloads
the page through `published_practices()` and removes it when it is not there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction
from django.db.models.constants import OnConflict
from django.utils.dateparse import parse_datetime

from mallipankki.core.bulk_sql import db_values, insert_rows
from mallipankki.practices.interchange import export_queryset, search_record
from mallipankki.practices.listing import published_practices
from mallipankki.practices.models import LANGS
from mallipankki.vocabularies.models import TargetGroup

from .analysis import analyse_for_index
from .facet_bitmaps import record_change
from .models import SearchDocument, SearchFacet, SearchTerm

# Words for spelling suggestions: letters only, at least four (shorter ones
# are never corrected); a suggestion replaces one typed word with one word.
_VOCABULARY_WORD_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]{4,}(?![^\W\d_])")
# Markdown link targets and bare URLs are addresses, not words: without this
# every description with a link would index "https", "www" and domain parts.
_LINK_TARGET_RE = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass
class Entry:
    """What one practice puts in the index."""

    lang: str
    terms: dict[str, list[str]] = field(default_factory=dict)  # weight group "a".."d" -> terms
    facets: list[tuple[str, str]] = field(default_factory=list)
    published_at: datetime | None = None
    # Words as written (lowercased), for spelling suggestions only.
    words: set[str] = field(default_factory=set)

    def vocabulary(self) -> set[str]:
        """What this practice adds to SearchTerm: its terms and its words."""
        return {term for group in self.terms.values() for term in group} | self.words

    def columns(self) -> dict[str, str]:
        return {f"terms_{group}": " ".join(self.terms.get(group, [])) for group in "abcd"}


def _plain(text: str) -> str:
    return _URL_RE.sub(" ", _LINK_TARGET_RE.sub("]", text))


def _neutral_terms(text: str, langs: list[str]) -> list[str]:
    """Terms of a text that has no language of its own (a keyword, a name).

    It is analysed in the practice's first language, and the terms that its
    other languages add are appended once, so that an English keyword of a
    Finnish-English practice meets an English query and a Finnish one.
    """
    terms = analyse_for_index(text, langs[0])
    seen = set(terms)
    for lang in langs[1:]:
        for term in analyse_for_index(text, lang):
            if term not in seen:
                seen.add(term)
                terms.append(term)
    return terms


def record_languages(record: dict) -> list[str]:
    present = {lang for key in ("name", "summary", "description") for lang in (record.get(key) or {})}
    return [lang for lang in LANGS if lang in present] or ["fi"]


def target_groups_by_code() -> dict[str, TargetGroup]:
    return {group.code: group for group in TargetGroup.objects.all()}


def document_entry(record: dict, target_groups: dict[str, TargetGroup]) -> Entry:
    """The index entry of a practice given as an interchange record.

    Weight groups: a = name; b = keywords and target groups; c = summary;
    d = description, organisations, resource titles and funding project codes.
    ``target_groups`` maps codes to groups (see `target_groups_by_code`): a
    practice is also found by the names of its target groups.
    """
    langs = record_languages(record)
    terms: dict[str, list[str]] = {group: [] for group in "abcd"}

    for lang, text in (record.get("name") or {}).items():
        terms["a"] += analyse_for_index(text, lang)
    for keyword in record.get("keywords", []):
        terms["b"] += _neutral_terms(keyword, langs)
    for code in record.get("target_groups", []):
        group = target_groups.get(code)
        if group is not None:
            for lang in langs:
                name = getattr(group, f"name_{lang}", "")
                if name:
                    terms["b"] += analyse_for_index(name, lang)
    for lang, text in (record.get("summary") or {}).items():
        terms["c"] += analyse_for_index(text, lang)
    descriptions = {lang: _plain(text) for lang, text in (record.get("description") or {}).items()}
    for lang, text in descriptions.items():
        terms["d"] += analyse_for_index(text, lang)
    for organisation in record.get("organisations", []):
        terms["d"] += _neutral_terms(organisation["name"], langs)
    for resource in record.get("resources", []):
        for lang, title in (resource.get("title") or {}).items():
            terms["d"] += analyse_for_index(title, lang)
    for funding in record.get("funding", []):
        if funding.get("project_code"):
            terms["d"] += _neutral_terms(funding["project_code"], langs)

    facets = [("theme", code) for code in record.get("themes", [])]
    facets += [("target_group", code) for code in record.get("target_groups", [])]
    facets += [("country", code) for code in record.get("countries", [])]
    facets += [("region", code) for code in record.get("regions", [])]
    level = (record.get("evidence") or {}).get("level")
    if level is not None:
        facets.append(("evidence_level", str(level)))
    stage = (record.get("scaling") or {}).get("stage")
    if stage:
        facets.append(("scaling_stage", stage))
    facets += [("resource_type", resource["type"]) for resource in record.get("resources", [])]
    continuity = (record.get("scaling") or {}).get("status")
    if continuity:
        facets.append(("continuity_status", continuity))
    if record.get("adoptions"):
        facets.append(("has_adoptions", "yes"))

    texts = [*(record.get("name") or {}).values(), *(record.get("summary") or {}).values()]
    texts += descriptions.values()
    texts += record.get("keywords", [])
    words = {word for text in texts for word in _VOCABULARY_WORD_RE.findall(text.lower()) if len(word) <= 100}
    published = record.get("published_at")
    return Entry(
        lang=" ".join(langs),
        terms=terms,
        facets=list(dict.fromkeys(facets)),
        published_at=parse_datetime(published) if published else None,
        words=words,
    )


def _add_terms(terms: Iterable[str]) -> None:
    if not terms:
        return
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    column = connection.ops.quote_name(SearchTerm._meta.get_field("term").column)
    insert = connection.ops.insert_statement(on_conflict=OnConflict.IGNORE)
    conflict = connection.ops.on_conflict_suffix_sql(
        [SearchTerm._meta.get_field("term")], OnConflict.IGNORE, None, None
    )
    terms = sorted(set(terms))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement: executemany costs a round trip per term, a
            # large share of a publish with its hundreds of terms.
            cursor.execute(f"{insert} {table} ({column}) SELECT unnest(%s::text[]) {conflict}", [terms])
        else:
            cursor.executemany(f"{insert} {table} ({column}) VALUES (%s) {conflict}", [(term,) for term in terms])


@dataclass
class EntryRows:
    """The rows of entries of practices that are not in the index yet (entry_rows)."""

    documents: list[tuple] = field(default_factory=list)
    facets: list[tuple] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)


def entry_rows(entries: Iterable[tuple[int, Entry]]) -> EntryRows:
    """The rows of (page id, Entry) pairs: made where the entries are
    analysed, they are a few strings a practice rather than its every term."""
    rows = EntryRows()
    for page_id, entry in entries:
        columns = entry.columns()
        rows.documents.append(
            (
                page_id,
                entry.lang,
                columns["terms_a"],
                columns["terms_b"],
                columns["terms_c"],
                columns["terms_d"],
                entry.published_at,
            )
        )
        rows.facets += [(page_id, facet, code) for facet, code in entry.facets]
        rows.terms |= entry.vocabulary()
    # As the database takes them (the facets' values are plain already).
    rows.documents = db_values([SearchDocument._meta.get_field(name) for name in DOCUMENT_COLUMNS], rows.documents)
    return rows


DOCUMENT_COLUMNS = "page lang terms_a terms_b terms_c terms_d published_at".split()


def write_entry_rows(rows: EntryRows) -> int:
    """Writes entry_rows; returns how many documents were written.

    Used by `rebuild.rebuild_index` and by the bulk import (imports/bulk_write.py).
    Plain bulk writes (core.bulk_sql.insert_rows: COPY on PostgreSQL): at a
    hundred thousand practices the ORM's model instances would cost more
    than the database does.
    """
    insert_rows(SearchDocument, DOCUMENT_COLUMNS, rows.documents, prepared=True)
    insert_rows(SearchFacet, ["document", "facet", "code"], rows.facets, prepared=True)
    _add_terms(rows.terms)
    if rows.documents:
        record_change(None)
    return len(rows.documents)


def index_practice(page) -> bool:
    """Index the practice as it is live now; True if it is in the index after.

    The page is read again from the database: the instance a signal hands
    over may carry unsaved state, and only a live, public page may be indexed.
    """
    current = export_queryset(published_practices().filter(pk=page.pk)).first()
    if current is None:
        remove_practice(page.pk)
        return False
    entry = document_entry(search_record(current), target_groups_by_code())
    with transaction.atomic():
        document, _created = SearchDocument.objects.update_or_create(
            page_id=current.pk,
            defaults={"lang": entry.lang, "published_at": entry.published_at, **entry.columns()},
        )
        SearchFacet.objects.filter(document=document).delete()
        SearchFacet.objects.bulk_create(
            [SearchFacet(document=document, facet=facet, code=code) for facet, code in entry.facets]
        )
        _add_terms(entry.vocabulary())
        record_change(current.pk)
    return True


def remove_practice(page_id: int) -> None:
    """Take the practice out of the index (a no-op when it is not there).

    The change is logged for the facet bitmaps by the post_delete receiver
    of SearchDocument (signals.py), which also sees cascades from pages.
    """
    SearchDocument.objects.filter(page_id=page_id).delete()
