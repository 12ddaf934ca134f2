"""Reading and checking the thesaurus data files, and loading them.

The files are mallipankki/thesaurus/data/concepts/<group>.json (format in
README, "Tesaurus"). Everything is checked before anything is written, and
every problem is reported in Finnish with its file and concept id, so a data
editor can fix them all in one go.

`load_concepts` is used by the data migration (with historical models) and
by the load_thesaurus command. It adds new concepts and updates concepts no
editor has changed since they were loaded (their content still has the
fingerprint of the last load); a concept an editor has edited is left as it
is, and reported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .models import GROUPS, LANGUAGES, content_fingerprint

DATA_DIR = Path(__file__).resolve().parent / "data" / "concepts"

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YSO_RE = re.compile(r"^http://www\.yso\.fi/onto/yso/p\d+$")
GROUP_IDS = {group for group, _label in GROUPS}
# One general word as a label would widen nearly every query.
TOO_GENERAL = frozenset(
    {
        "työ",
        "tuki",
        "palvelu",
        "hanke",
        "projekti",
        "work",
        "service",
        "support",
        "project",
        "arbete",
        "stöd",
        "tjänst",
        "projekt",
    }
)


class ThesaurusDataError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class ConceptData:
    slug: str
    group: str
    labels: dict[str, list[str]]
    yso: str | None
    source: str = ""

    def fingerprint(self) -> str:
        return content_fingerprint(self.group, self.labels, self.yso)


@dataclass
class LoadReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)


def read_concepts(directory: Path = DATA_DIR) -> list[ConceptData]:
    """Every concept of every *.json file in ``directory``, checked.

    Raises ThesaurusDataError listing every problem found."""
    problems: list[str] = []
    concepts: list[ConceptData] = []
    for path in sorted(Path(directory).glob("*.json")):
        concepts += _read_file(path, problems)
    problems += check_concepts(concepts)
    if problems:
        raise ThesaurusDataError(problems)
    return concepts


def _read_file(path: Path, problems: list[str]) -> list[ConceptData]:
    name = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(f"{name}: tiedostoa ei voi lukea JSON-muodossa ({exc}).")
        return []
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        problems.append(f"{name}: tiedostosta puuttuu käsitteiden luettelo (”concepts”).")
        return []
    group = data.get("group", {}).get("id") if isinstance(data.get("group"), dict) else None
    if group not in GROUP_IDS:
        problems.append(f"{name}: tuntematon ryhmä {group!r}; sallitut: {', '.join(sorted(GROUP_IDS))}.")
        return []
    concepts = []
    for index, item in enumerate(data["concepts"], start=1):
        where = f"{name}, käsite {item.get('id') if isinstance(item, dict) else None!r} (nro {index})"
        if not isinstance(item, dict):
            problems.append(f"{where}: käsitteen pitää olla JSON-olio.")
            continue
        slug = item.get("id")
        if not isinstance(slug, str) or not SLUG_RE.match(slug):
            problems.append(
                f"{where}: tunniste puuttuu tai ei ole ASCII-muotoinen (pienet kirjaimet, numerot, väliviivat)."
            )
            continue
        labels = {}
        for lang in LANGUAGES:
            value = item.get(lang)
            if not isinstance(value, list) or not all(isinstance(label, str) for label in value):
                value = []
            value = [" ".join(label.split()) for label in value if label.strip()]
            if not value:
                problems.append(
                    f"{where}: nimike puuttuu kielellä {lang}; jokaisella käsitteellä on oltava fi-, sv- ja en-nimike."
                )
            labels[lang] = value
        yso = item.get("yso")
        if yso is not None and (not isinstance(yso, str) or not YSO_RE.match(yso)):
            problems.append(f"{where}: YSO-osoite {yso!r} ei ole muotoa http://www.yso.fi/onto/yso/p<numero>.")
            yso = None
        concepts.append(ConceptData(slug, group, labels, yso, name))
    return concepts


def check_concepts(concepts: list[ConceptData]) -> list[str]:
    """Problems across concepts: repeated ids, a label in two concepts, too general labels."""
    problems = []
    seen_ids: dict[str, str] = {}
    seen_labels: dict[str, tuple[str, str]] = {}
    for concept in concepts:
        where = f"{concept.source}, käsite {concept.slug!r}"
        if concept.slug in seen_ids:
            problems.append(f"{where}: tunniste on jo käytössä tiedostossa {seen_ids[concept.slug]}.")
        seen_ids.setdefault(concept.slug, concept.source)
        own = set()
        for lang in LANGUAGES:
            for label in concept.labels.get(lang, []):
                key = label.casefold()
                if key in TOO_GENERAL:
                    problems.append(f"{where}: nimike ”{label}” on liian yleinen ja laajentaisi lähes jokaisen haun.")
                if key in own:
                    continue
                own.add(key)
                if key in seen_labels:
                    other_source, other = seen_labels[key]
                    problems.append(
                        f"{where}: nimike ”{label}” on jo käsitteellä {other!r} ({other_source}); "
                        "nimike saa kuulua vain yhdelle käsitteelle."
                    )
                else:
                    seen_labels[key] = (concept.source, concept.slug)
    return problems


def load_concepts(get_model, concepts: list[ConceptData]) -> LoadReport:
    """Add new concepts and update those no editor has changed.

    ``get_model(name)`` gives the model (historical in a migration)."""
    Concept = get_model("Concept")
    report = LoadReport()
    existing = {concept.slug: concept for concept in Concept.objects.all()}
    for data in concepts:
        values = {
            "group": data.group,
            **{f"labels_{lang}": "\n".join(data.labels[lang]) for lang in LANGUAGES},
            "yso_uri": data.yso or "",
        }
        concept = existing.get(data.slug)
        new_fingerprint = data.fingerprint()
        if concept is None:
            Concept.objects.create(slug=data.slug, loaded_fingerprint=new_fingerprint, **values)
            report.added.append(data.slug)
            continue
        current = content_fingerprint(
            concept.group,
            {lang: _split(getattr(concept, f"labels_{lang}")) for lang in LANGUAGES},
            concept.yso_uri or None,
        )
        if current == new_fingerprint:
            if concept.loaded_fingerprint != new_fingerprint:
                concept.loaded_fingerprint = new_fingerprint
                concept.save(update_fields=["loaded_fingerprint"])
            continue
        if current != concept.loaded_fingerprint:
            report.kept_edited.append(data.slug)
            continue
        for name, value in values.items():
            setattr(concept, name, value)
        concept.loaded_fingerprint = new_fingerprint
        concept.save()
        report.updated.append(data.slug)
    return report


def _split(text: str) -> list[str]:
    # Historical models in a migration have no methods.
    return list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))
