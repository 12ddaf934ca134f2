#!/usr/bin/env python3
"""Check the thesaurus seed files against the agreed format (no Django needed).

Usage: python scripts/check_thesaurus_data.py [folder]

Exits 1 and lists every problem when a rule is broken; otherwise prints the
number of concepts and labels per group and language.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "mallipankki" / "thesaurus" / "data" / "concepts"
LANGUAGES = ("fi", "sv", "en")
GROUPS = {
    "kohderyhmat",
    "palvelut",
    "saadokset-ja-etuudet",
    "organisaatiot",
    "menetelmat",
    "tyoelama-ja-osaaminen",
    "terveys-ja-toimintakyky",
    "ammatit-ja-toimialat",
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YSO_RE = re.compile(r"^http://www\.yso\.fi/onto/yso/p\d+$")

# A label that is one of these words alone would widen almost every query.
BANNED = {
    "fi": {
        "työ",
        "tuki",
        "palvelu",
        "palvelut",
        "hanke",
        "projekti",
        "malli",
        "toiminta",
        "koulutus",
        "apu",
        "ohjaus",
        "neuvonta",
        "kehittäminen",
        "yhteistyö",
        "ihminen",
        "henkilö",
        "asiakas",
        "toimenpide",
        "laki",
        "etuus",
        "organisaatio",
        "menetelmä",
        "osaaminen",
        "terveys",
        "hyvinvointi",
        "työelämä",
        "työllisyys",
        "verkosto",
    },
    "sv": {
        "arbete",
        "jobb",
        "stöd",
        "tjänst",
        "tjänster",
        "service",
        "projekt",
        "modell",
        "verksamhet",
        "utbildning",
        "hjälp",
        "handledning",
        "rådgivning",
        "utveckling",
        "samarbete",
        "person",
        "klient",
        "åtgärd",
        "lag",
        "förmån",
        "organisation",
        "metod",
        "kompetens",
        "hälsa",
        "välfärd",
        "arbetsliv",
        "sysselsättning",
        "nätverk",
    },
    "en": {
        "work",
        "job",
        "support",
        "service",
        "services",
        "project",
        "model",
        "activity",
        "training",
        "education",
        "help",
        "guidance",
        "counselling",
        "development",
        "cooperation",
        "person",
        "people",
        "client",
        "measure",
        "law",
        "act",
        "benefit",
        "organisation",
        "organization",
        "method",
        "skills",
        "health",
        "welfare",
        "wellbeing",
        "employment",
        "network",
        "programme",
    },
}


def norm(label: str) -> str:
    return " ".join(label.split()).casefold()


def check(folder: Path) -> tuple[list[str], dict]:
    errors: list[str] = []
    files = sorted(folder.glob("*.json"))
    if not files:
        return [f"{folder}: no *.json files"], {}
    concept_ids: dict[str, str] = {}
    label_owner: dict[str, str] = {}
    stats: dict[str, Counter] = defaultdict(Counter)
    group_ids: set[str] = set()
    for path in files:
        where = path.name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            errors.append(f"{where}: cannot read: {exc}")
            continue
        group = data.get("group") or {}
        gid = group.get("id")
        if gid not in GROUPS:
            errors.append(f"{where}: unknown group id {gid!r}")
        if gid in group_ids:
            errors.append(f"{where}: group {gid!r} defined twice")
        group_ids.add(gid)
        if path.stem != gid:
            errors.append(f"{where}: file name should be {gid}.json")
        for lang in LANGUAGES:
            if not isinstance(group.get(lang), str) or not group[lang].strip():
                errors.append(f"{where}: group name missing in {lang}")
        concepts = data.get("concepts")
        if not isinstance(concepts, list) or not concepts:
            errors.append(f"{where}: no concepts")
            continue
        for i, concept in enumerate(concepts):
            cid = concept.get("id")
            here = f"{where}#{cid or i}"
            if not isinstance(cid, str) or not ID_RE.match(cid):
                errors.append(f"{here}: id is not an ASCII slug")
            elif cid in concept_ids:
                errors.append(f"{here}: id also in {concept_ids[cid]}")
            else:
                concept_ids[cid] = where
            extra = set(concept) - {"id", "yso", *LANGUAGES}
            if extra:
                errors.append(f"{here}: unknown keys {sorted(extra)}")
            yso = concept.get("yso", "missing")
            if yso == "missing":
                errors.append(f"{here}: key yso missing (use null)")
            elif yso is not None and not (isinstance(yso, str) and YSO_RE.match(yso)):
                errors.append(f"{here}: yso is not a YSO concept URI: {yso!r}")
            stats[gid]["concepts"] += 1
            if yso:
                stats[gid]["yso"] += 1
            seen_in_concept: set[str] = set()
            for lang in LANGUAGES:
                labels = concept.get(lang)
                if not isinstance(labels, list) or not labels:
                    errors.append(f"{here}: no {lang} label")
                    continue
                seen_in_lang: set[str] = set()
                for label in labels:
                    if not isinstance(label, str) or not label.strip():
                        errors.append(f"{here}: empty {lang} label")
                        continue
                    if label != label.strip() or "  " in label:
                        errors.append(f"{here}: stray spaces in {label!r}")
                    key = norm(label)
                    if key in seen_in_lang:
                        errors.append(f"{here}: {lang} label {label!r} twice")
                    seen_in_lang.add(key)
                    if key in BANNED[lang]:
                        errors.append(f"{here}: {lang} label {label!r} is too general")
                    owner = label_owner.get(key)
                    if owner is not None and owner != cid and key not in seen_in_concept:
                        errors.append(f"{here}: label {label!r} also in concept {owner}")
                    label_owner.setdefault(key, cid)
                    if key not in seen_in_concept:
                        stats[gid][lang] += 1
                    seen_in_concept.add(key)
    return errors, stats


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    errors, stats = check(folder)
    if stats:
        print(f"{'group':28} {'concepts':>8} {'yso':>4} {'fi':>5} {'sv':>5} {'en':>5}")
        total = Counter()
        for gid in sorted(stats):
            row = stats[gid]
            total.update(row)
            print(f"{gid:28} {row['concepts']:8} {row['yso']:4} {row['fi']:5} {row['sv']:5} {row['en']:5}")
        print(f"{'total':28} {total['concepts']:8} {total['yso']:4} {total['fi']:5} {total['sv']:5} {total['en']:5}")
    for error in errors:
        print("ERROR", error, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
