"""The language an API answer is written in, and its texts in that language.

The records keep every language (``"name": {"fi": …, "en": …}``), which is what
a machine reader wants. A reader that shows one language asks with ``lang=``
(or its ``Accept-Language``) and gets, beside the full record, each text once
in that language, or in the language that exists, saying which: a practice
described only in English shows its English text with ``"lang": "en"``.
"""

from django.http import HttpRequest

# A text missing in the asked language comes in Finnish, the catalogue's main
# language, and failing that in whichever language it was written in: the
# pages' own rule (core.languages.first_version).
from mallipankki.core.languages import first_version, language_from_header

# The record's texts, by their place in the record (practices-v1).
RECORD_TEXTS = {
    "name": ("name",),
    "summary": ("summary",),
    "description": ("description",),
    "evidence.summary": ("evidence", "summary"),
    "costs.notes": ("costs", "notes"),
    "scaling.plan": ("scaling", "plan"),
}
RECORD_CODES = {
    "themes": "themes",
    "target_groups": "target_groups",
    "regions": "regions",
    "countries": "countries",
}


def requested_language(request: HttpRequest, lang: str | None) -> tuple[str, bool]:
    """The answer's language, and whether the request header chose it.

    ``lang=`` wins; then the first supported language of ``Accept-Language``
    (``sv-FI`` counts as ``sv``); then Finnish.
    """
    if lang:
        return lang, False
    header = request.headers.get("Accept-Language", "")
    return language_from_header(header) or "fi", bool(header)


def pick(values: dict[str, str] | None, language: str) -> dict | None:
    """``{"value", "lang"}`` in ``language`` or its fallback; None when empty."""
    found = first_version((values or {}).get, language)
    return None if found is None else {"value": found[0], "lang": found[1]}


def record_texts(record: dict, language: str) -> dict[str, dict]:
    """The record's texts in one language each, keyed by their place in the record."""
    texts = {}
    for key, place in RECORD_TEXTS.items():
        node = record
        for step in place:
            node = node.get(step) if isinstance(node, dict) else None
        if (text := pick(node, language)) is not None:
            texts[key] = text
    titles = [pick(resource.get("title"), language) for resource in record.get("resources", [])]
    if any(titles):
        texts["resources.title"] = titles
    return texts


def record_labels(record: dict, names: dict[str, dict[str, dict[str, str]]], language: str) -> dict[str, list]:
    """The vocabulary codes of the record with their names in ``language``.

    ``names`` maps each record key to ``{code: {lang: name}}`` (read once per
    answer, not once per practice).
    """
    labels = {}
    for key, vocabulary in RECORD_CODES.items():
        labels[key] = [
            {"code": code, **(pick(names.get(vocabulary, {}).get(code), language) or {"value": code, "lang": "fi"})}
            for code in record.get(key, [])
        ]
    return labels
