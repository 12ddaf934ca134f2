"""The thesaurus seed files follow the agreed format (scripts/check_thesaurus_data.py).

A broken seed file would stop the data migration that loads the concepts, and
a label shared by two concepts or one too general would widen searches wrongly.
"""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("check_thesaurus_data", ROOT / "scripts" / "check_thesaurus_data.py")
check_thesaurus_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_thesaurus_data)

DATA_GROUPS = {
    "palvelut",
    "saadokset-ja-etuudet",
    "organisaatiot",
    "menetelmat",
    "tyoelama-ja-osaaminen",
    "terveys-ja-toimintakyky",
    "ammatit-ja-toimialat",
}


def test_seed_files_pass_every_rule():
    errors, stats = check_thesaurus_data.check(check_thesaurus_data.DEFAULT_DIR)
    assert errors == []
    assert DATA_GROUPS <= set(stats)
    assert sum(stats[group]["concepts"] for group in DATA_GROUPS) >= 370


def test_the_issue_examples_cross_languages():
    concepts = {}
    for path in check_thesaurus_data.DEFAULT_DIR.glob("*.json"):
        for concept in json.loads(path.read_text(encoding="utf-8"))["concepts"]:
            concepts[concept["id"]] = concept
    assert {"palkkatuki", "lönesubvention", "wage subsidy"} <= set(
        concepts["palkkatuki"]["fi"] + concepts["palkkatuki"]["sv"] + concepts["palkkatuki"]["en"]
    )
    assert "supported employment" in concepts["tuettu-tyollistyminen"]["en"]
    assert {"vankila", "fängelse", "prison"} <= set(
        concepts["vankila"]["fi"] + concepts["vankila"]["sv"] + concepts["vankila"]["en"]
    )


def _write(folder, concepts, group="palvelut"):
    data = {"group": {"id": group, "fi": "Palvelut", "sv": "Tjänster", "en": "Services"}, "concepts": concepts}
    (folder / f"{group}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_checker_finds_shared_general_and_missing_labels(tmp_path):
    _write(
        tmp_path,
        [
            {"id": "a", "yso": None, "fi": ["työkokeilu"], "sv": ["arbetsprövning"], "en": ["work trial"]},
            {"id": "b", "yso": None, "fi": ["Työkokeilu", "tuki"], "sv": [], "en": ["support"]},
            {"id": "c", "yso": "p123", "fi": ["x y"], "sv": ["x y"], "en": ["x y"]},
        ],
    )
    errors, _stats = check_thesaurus_data.check(tmp_path)
    text = "\n".join(errors)
    assert "label 'Työkokeilu' also in concept a" in text
    assert "'tuki' is too general" in text
    assert "'support' is too general" in text
    assert "#b: no sv label" in text
    assert "yso is not a YSO concept URI" in text


def test_occupations_and_work_tasks_cross_languages():
    """A Swedish or English text about an ordinary trade reaches the Finnish one."""
    concepts = {}
    for path in check_thesaurus_data.DEFAULT_DIR.glob("*.json"):
        for concept in json.loads(path.read_text(encoding="utf-8"))["concepts"]:
            concepts[concept["id"]] = {*concept["fi"], *concept["sv"], *concept["en"]}
    assert {"puusepänverstas", "snickeri", "woodwork shop"} <= concepts["puutyo"]
    assert {"liikunnanohjaaja", "idrottsinstruktör", "sports instructor"} <= concepts["liikunnanohjaaja"]
    assert {"hoiva-avustaja", "vårdbiträde", "care assistant"} <= concepts["ala-hoiva"]
    assert {"siivooja", "lokalvårdare", "cleaner"} <= concepts["ala-siivous"]
