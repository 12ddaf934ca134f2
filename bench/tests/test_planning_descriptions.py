"""The judged project descriptions of bench/planning/ stay usable: every
judgment names a practice of its corpus, and both halves are there."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_relevance_descriptions_are_judged_against_real_practices_in_both_halves():
    data = json.loads((ROOT / "planning" / "descriptions-relevance.json").read_text(encoding="utf-8"))
    corpus = json.loads((ROOT / "relevance" / "corpus.json").read_text(encoding="utf-8"))["practices"]
    slugs = {record["id"] for record in corpus}
    descriptions = data["descriptions"]
    assert data["corpus"] == "relevance"
    assert len({item["id"] for item in descriptions}) == len(descriptions)
    for item in descriptions:
        assert set(item["judgments"]) <= slugs, item["id"]
        assert 3 in item["judgments"].values(), item["id"]
        assert item["lang"] in {"fi", "sv", "en"}
        # A paragraph, not a keyword list: the matcher is for whole descriptions.
        assert len(item["text"]) >= 500, item["id"]
    assert {item["lang"] for item in descriptions} == {"fi", "sv", "en"}
    assert any(item["id"] % 2 for item in descriptions) and any(not item["id"] % 2 for item in descriptions)
