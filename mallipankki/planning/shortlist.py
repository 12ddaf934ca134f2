"""The muistilista: the models a planner has chosen, and those considered but not chosen.

The list lives in the visitor's session (no account), as plain data:
``{"chosen": [{"id", "note"}], "considered": [{"id", "reason"}]}`` where
``id`` is the practice's permanent id (its slug). The functions here work
on that data and never on the request, so a test calls them directly; the
shareable address ``/muistilista/?mallit=a,b`` rebuilds a list with
`from_ids`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mallipankki.practices.listing import published_practices

SESSION_KEY = "planning_shortlist"
MAX_ITEMS = 50
MAX_NOTE_CHARS = 2000
PRACTICE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")


@dataclass
class Shortlist:
    chosen: list[dict] = field(default_factory=list)
    considered: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, data) -> Shortlist:
        """The list from session data, whatever shape that data is in."""
        shortlist = cls()
        if not isinstance(data, dict):
            return shortlist
        for key, text_key in (("chosen", "note"), ("considered", "reason")):
            for item in data.get(key) or []:
                if isinstance(item, dict) and valid_id(item.get("id")) and not shortlist.has(item["id"]):
                    text = item.get(text_key)
                    getattr(shortlist, key).append({"id": item["id"], text_key: clean_text(text)})
        return shortlist

    def dump(self) -> dict:
        return {"chosen": self.chosen, "considered": self.considered}

    @property
    def ids(self) -> list[str]:
        return [item["id"] for item in self.chosen + self.considered]

    @property
    def chosen_ids(self) -> list[str]:
        return [item["id"] for item in self.chosen]

    def has(self, practice_id: str) -> bool:
        return practice_id in self.ids

    def __len__(self) -> int:
        return len(self.chosen)

    def add(self, practice_id: str) -> bool:
        """Choose a practice; True if it was not chosen before. A considered
        practice is chosen again, with its reason kept out of the way."""
        if practice_id in self.chosen_ids or len(self.chosen) + len(self.considered) >= MAX_ITEMS:
            return False
        self.considered = [item for item in self.considered if item["id"] != practice_id]
        self.chosen.append({"id": practice_id, "note": ""})
        return True

    def remove(self, practice_id: str) -> bool:
        before = len(self.ids)
        self.chosen = [item for item in self.chosen if item["id"] != practice_id]
        self.considered = [item for item in self.considered if item["id"] != practice_id]
        return len(self.ids) < before

    def set_note(self, practice_id: str, note: str) -> None:
        for item in self.chosen:
            if item["id"] == practice_id:
                item["note"] = clean_text(note)

    def set_reason(self, practice_id: str, reason: str) -> None:
        for item in self.considered:
            if item["id"] == practice_id:
                item["reason"] = clean_text(reason)

    def consider(self, practice_id: str, reason: str = "") -> bool:
        """Move a chosen practice to "harkittu, ei valittu" with ``reason``."""
        if practice_id not in self.chosen_ids:
            return False
        self.chosen = [item for item in self.chosen if item["id"] != practice_id]
        self.considered.append({"id": practice_id, "reason": clean_text(reason)})
        return True

    def choose_again(self, practice_id: str) -> bool:
        if not any(item["id"] == practice_id for item in self.considered):
            return False
        self.considered = [item for item in self.considered if item["id"] != practice_id]
        self.chosen.append({"id": practice_id, "note": ""})
        return True

    def keep_only(self, published_ids: set[str]) -> None:
        """Drop practices that are no longer published."""
        self.chosen = [item for item in self.chosen if item["id"] in published_ids]
        self.considered = [item for item in self.considered if item["id"] in published_ids]


def valid_id(value) -> bool:
    return isinstance(value, str) and PRACTICE_ID.fullmatch(value) is not None


def clean_text(value) -> str:
    if not isinstance(value, str):
        return ""
    return value.replace("\x00", "").strip()[:MAX_NOTE_CHARS]


def parse_ids(value) -> list[str]:
    """The practice ids of a ``?mallit=a,b,c`` value, in order, without repeats or junk."""
    if not isinstance(value, str):
        return []
    ids = [part.strip() for part in value[:10_000].split(",")]
    return list(dict.fromkeys(part for part in ids if valid_id(part)))[:MAX_ITEMS]


def from_ids(ids: list[str]) -> Shortlist:
    """A list of the published practices among ``ids``, in that order."""
    shortlist = Shortlist()
    for practice_id in ids:
        shortlist.add(practice_id)
    shortlist.keep_only(published_ids(ids))
    return shortlist


def published_ids(ids) -> set[str]:
    ids = [practice_id for practice_id in ids if valid_id(practice_id)]
    if not ids:
        return set()
    return set(published_practices().filter(slug__in=ids).values_list("slug", flat=True))


SHOWN_RELATED = ("target_groups", "themes", "regions", "countries", "resources__document", "adoptions__region")
# What the annex prints of each model (annex.model_of): fewer queries than all of SHOWN_RELATED.
ANNEX_RELATED = ("resources__document", "adoptions__region")


def practices_by_id(ids: list[str], related: tuple[str, ...] = SHOWN_RELATED) -> dict:
    """The published practices among ``ids`` by id, with ``related`` fetched in
    a constant number of queries: by default what the list, the comparison and
    the card show."""
    if not ids:
        return {}
    pages = published_practices().filter(slug__in=ids).prefetch_related(*related)
    return {page.slug: page for page in pages}
