"""Tests for bench/generate_corpus.py (plain pytest, no Django needed)."""

import io
import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator

from bench.generate_corpus import generate_practices, write_corpus

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "mallipankki" / "formats"
SCRIPT = ROOT / "bench" / "generate_corpus.py"
N = 300
ALLOWED_COUNTRIES = {"FI", "SE", "DE", "FR", "EE", "NL", "IT", "ES", "IE", "DK", "NO"}


@pytest.fixture(scope="module")
def schema():
    return json.loads((FORMATS / "practices-v1.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vocab():
    data = json.loads((FORMATS / "vocabularies-v1.json").read_text(encoding="utf-8"))
    return {key: {item["code"] for item in data[key]} for key in ("themes", "target_groups", "regions")}


def render(n, seed=1):
    buf = io.StringIO()
    write_corpus(n, buf, seed=seed)
    return buf.getvalue()


@pytest.fixture(scope="module")
def text():
    return render(N)


@pytest.fixture(scope="module")
def practices(text):
    return json.loads(text)["practices"]


def test_validates_against_schema(text, schema):
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_top_level(text):
    doc = json.loads(text)
    assert doc["format"] == "practices"
    assert doc["version"] == 1
    assert len(doc["practices"]) == N
    assert "exported_at" in doc


def test_formats_the_validator_does_not_check(practices):
    # Without optional extras jsonschema silently skips date-time and uri, so
    # check them by hand rather than trusting a green validation.
    def stamps(p):
        yield from (p[k] for k in ("published_at", "updated_at") if k in p)

    def urls(p):
        yield from (o["url"] for o in p.get("organisations", []) if "url" in o)
        yield from (r["url"] for r in p.get("resources", []))
        yield from p.get("evidence", {}).get("sources", [])

    for p in practices:
        for stamp in stamps(p):
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)
            datetime.fromisoformat(stamp)
        if "published_at" in p and "updated_at" in p:
            assert p["updated_at"] >= p["published_at"]
        for url in urls(p):
            parts = urlsplit(url)
            assert parts.scheme == "https" and "example." in parts.netloc, url
        for item in p.get("funding", []):
            if "start" in item and "end" in item:
                assert date.fromisoformat(item["start"]) <= date.fromisoformat(item["end"])


def test_vocabulary_codes_exist(practices, vocab):
    for p in practices:
        assert set(p["themes"]) <= vocab["themes"]
        assert 1 <= len(p["themes"]) <= 3
        assert set(p.get("target_groups", [])) <= vocab["target_groups"]
        assert set(p.get("regions", [])) <= vocab["regions"]
        assert set(p.get("countries", [])) <= ALLOWED_COUNTRIES
        if p.get("regions"):
            assert "FI" in p.get("countries", [])
        for adoption in p.get("adoptions", []):
            if "region" in adoption:
                assert adoption["region"] in vocab["regions"]
                assert adoption.get("country") == "FI"


def test_ids_unique(practices):
    ids = [p["id"] for p in practices]
    assert len(ids) == len(set(ids))


def test_builds_on_points_to_earlier_ids(practices):
    seen = set()
    linking = 0
    for p in practices:
        links = p.get("builds_on", [])
        if links:
            linking += 1
            assert 1 <= len(links) <= 2
            assert len(links) == len(set(links))
            assert p["id"] not in links
            assert set(links) <= seen, (p["id"], links)
        seen.add(p["id"])
    assert 0.1 * N <= linking <= 0.3 * N


def test_same_seed_same_bytes(text):
    assert render(N) == text


def test_different_seeds_differ(text):
    assert render(N, seed=2) != text


def test_generator_matches_file(practices):
    assert list(generate_practices(N)) == practices


def test_every_optional_field_appears(practices, schema):
    practice = schema["$defs"]["practice"]
    optional = set(practice["properties"]) - set(practice["required"])
    present = {key for p in practices for key in p}
    assert optional <= present, optional - present


def test_every_nested_optional_field_appears(practices, schema):
    defs = schema["$defs"]["practice"]["properties"]
    for field in ("organisations", "funding", "resources", "adoptions"):
        wanted = set(defs[field]["items"]["properties"])
        present = {key for p in practices for item in p.get(field, []) for key in item}
        assert wanted <= present, (field, wanted - present)
    for field in ("evidence", "readiness", "costs", "scaling", "contact"):
        wanted = set(defs[field]["properties"])
        present = {key for p in practices for key in p.get(field, {})}
        assert wanted <= present, (field, wanted - present)


def test_realistic_mix(practices):
    statuses = [p.get("status", "published") for p in practices]
    assert statuses.count("published") > 0.7 * N
    assert {"draft", "in_review"} <= set(statuses)
    publics = [p["contact"].get("public") for p in practices if "contact" in p]
    assert True in publics and publics.count(True) < publics.count(False)
    countries = [c for p in practices for c in p.get("countries", [])]
    assert countries.count("FI") > 0.7 * N
    assert len(set(countries)) >= 6
    translated = sum(1 for p in practices if set(p["name"]) - {"fi"})
    assert 0.01 * N <= translated <= 0.12 * N
    # Sparsity: no optional field is in every record.
    for key in ("description", "funding", "contact", "builds_on"):
        assert sum(key in p for p in practices) < N


def test_texts(practices):
    names = {p["name"]["fi"] for p in practices}
    assert len(names) > 0.6 * N
    for p in practices:
        assert "fi" in p["name"] and "fi" in p["summary"]
        for summary in p["summary"].values():
            assert len(summary) <= 1000
        for desc in p.get("description", {}).values():
            assert "<" not in desc and ">" not in desc, "raw HTML in description"
            assert desc.startswith("## ")
    assert any("\n- " in p.get("description", {}).get("fi", "") for p in practices)


def test_zero_records_is_valid(schema):
    doc = json.loads(render(0))
    assert doc["practices"] == []
    Draft202012Validator(schema).validate(doc)


# The CLI runs in a subprocess on purpose: it must work as a plain script from
# any directory, without the project on sys.path. Arguments are all ours.
def test_cli_writes_file(tmp_path):
    out = tmp_path / "corpus.json"
    subprocess.run(
        [sys.executable, str(SCRIPT), "25", "--output", str(out), "--seed", "7"],  # noqa: S603
        check=True,
        cwd=tmp_path,
    )
    assert out.read_text(encoding="utf-8") == render(25, seed=7)


def test_cli_stdout_is_utf8(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "5"],
        check=True,
        capture_output=True,  # noqa: S603
        cwd=tmp_path,
        env=env,
    )
    assert result.stdout.decode("utf-8") == render(5)
    assert result.stderr == b""
