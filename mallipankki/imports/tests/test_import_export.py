import io
import json

import pytest
from django.core.management import call_command

from bench.generate_corpus import write_corpus
from mallipankki.imports.exporter import iter_export_json
from mallipankki.imports.importer import import_file
from mallipankki.pages.demo_content import load_demo_content
from mallipankki.practices.factories import PracticeRecordFactory
from mallipankki.practices.models import PracticePage


def write_file(tmp_path, practices, **top):
    document = {"format": "practices", "version": 1, "practices": practices, **top}
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def problems_of(result):
    return [str(problem) for problem in result.problems]


@pytest.mark.django_db
def test_a_valid_file_creates_then_updates_by_id(practice_index, tmp_path):
    path = write_file(tmp_path, [PracticeRecordFactory(id="a"), PracticeRecordFactory(id="b", status="draft")])
    result = import_file(path)
    assert (result.ok, result.created, result.updated, result.unchanged) == (True, 2, 0, 0)
    assert PracticePage.objects.get(slug="a").live
    assert not PracticePage.objects.get(slug="b").live

    again = import_file(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = write_file(tmp_path, [PracticeRecordFactory(id="a", summary={"fi": "Muutettu."})])
    assert import_file(changed).updated == 1


BAD_RECORDS = [
    ({"regions": ["FI-20"]}, 'practices[0].regions[0]: unknown region "FI-20"'),
    ({"themes": ["ei-ole"]}, 'practices[0].themes[0]: unknown theme "ei-ole"'),
    ({"target_groups": ["marsilaiset"]}, 'practices[0].target_groups[0]: unknown target group "marsilaiset"'),
    ({"countries": ["XX"]}, 'practices[0].countries[0]: unknown country "XX"'),
    ({"builds_on": ["olematon"]}, 'practices[0].builds_on[0]: unknown practice id "olematon"'),
    (
        {"resources": [{"type": "link", "title": {"fi": "x"}, "url": "javascript:alert(1)"}]},
        "practices[0].resources[0].url",
    ),
    ({"evidence": {"sources": ["ftp://example.fi/x"]}}, "practices[0].evidence.sources[0]"),
    ({"name": {"fi": "x" * 300}}, "practices[0].name.fi: too long: 300 characters, at most 255"),
    ({"summary": {"fi": "x" * 1001}}, "practices[0].summary.fi: too long"),
    ({"contact": {"email": "ei-osoite"}}, "practices[0].contact.email"),
    ({"funding": [{"programme": "ESR+", "start": "2024-05-01", "end": "2023-01-01"}]}, "ends before it starts"),
    ({"evidence": {"level": 9}}, "practices[0].evidence.level"),
    ({"id": "Iso Kirjain"}, 'practices[0].id: invalid id "Iso Kirjain"'),
    ({"updated_at": "eilen"}, "practices[0].updated_at"),
    ({"unexpected": 1}, "practices[0]: Additional properties are not allowed"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("overrides", "expected"), BAD_RECORDS)
def test_each_kind_of_bad_input_is_reported_with_its_place_and_nothing_is_written(
    practice_index, tmp_path, overrides, expected
):
    good = PracticeRecordFactory(id="hyva")
    path = write_file(tmp_path, [PracticeRecordFactory(**overrides), good])
    result = import_file(path)
    assert not result.ok
    assert any(expected in problem for problem in problems_of(result)), problems_of(result)
    assert not PracticePage.objects.exists()


@pytest.mark.django_db
def test_every_problem_in_a_file_is_reported_not_just_the_first(practice_index, tmp_path):
    path = write_file(
        tmp_path,
        [
            PracticeRecordFactory(id="x", regions=["FI-99"]),
            PracticeRecordFactory(id="x"),
            PracticeRecordFactory(themes=["nope"]),
        ],
    )
    problems = problems_of(import_file(path))
    assert any(p.startswith("practices[0].regions[0]") for p in problems)
    assert any(p.startswith('practices[1].id: duplicate id "x"') for p in problems)
    assert any(p.startswith("practices[2].themes[0]") for p in problems)


@pytest.mark.django_db
def test_broken_json_and_wrong_format_are_refused(practice_index, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "practices", "version": 1, "practices": [{"id": ', encoding="utf-8")
    assert not import_file(broken).ok
    wrong = write_file(tmp_path, [], format="something-else")
    assert any("format" in p for p in problems_of(import_file(wrong)))


@pytest.mark.django_db
def test_dry_run_counts_but_writes_nothing(practice_index, tmp_path):
    result = import_file(write_file(tmp_path, [PracticeRecordFactory(id="kuiva")]), dry_run=True)
    assert (result.ok, result.created) == (True, 1)
    assert not PracticePage.objects.filter(slug="kuiva").exists()


@pytest.mark.django_db
def test_builds_on_order_in_the_file_does_not_matter(practice_index, tmp_path):
    path = write_file(
        tmp_path, [PracticeRecordFactory(id="uusi", builds_on=["vanha"]), PracticeRecordFactory(id="vanha")]
    )
    assert import_file(path).ok
    assert [link.target.slug for link in PracticePage.objects.get(slug="uusi").builds_on_links.all()] == ["vanha"]


@pytest.mark.django_db
def test_the_command_exits_non_zero_and_prints_every_problem(practice_index, tmp_path, capsys):
    path = write_file(tmp_path, [PracticeRecordFactory(regions=["FI-20"])])
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_practices", str(path))
    assert exit_info.value.code == 1
    assert 'regions[0]: unknown region "FI-20"' in capsys.readouterr().err


def export_text(include_private=True):
    return "".join(iter_export_json(include_private=include_private, exported_at="2026-01-01T00:00:00Z"))


def empty_the_catalogue():
    for page in PracticePage.objects.all():
        page.delete()


@pytest.mark.django_db
def test_round_trip_of_a_generated_corpus_is_identical(practice_index, tmp_path):
    buffer = io.StringIO()
    write_corpus(120, buffer, seed=7)
    source = tmp_path / "corpus.json"
    source.write_text(buffer.getvalue(), encoding="utf-8")
    result = import_file(source)
    assert result.ok, problems_of(result)[:5]

    first = export_text()
    imported = {p["id"]: p for p in json.loads(buffer.getvalue())["practices"]}
    # A resource's link health (status, checked_at, archived_url) is written by
    # the service from its own checks and ignored on import, as the schema says.
    written_by_service = {"status", "checked_at", "archived_url"}
    for original in imported.values():
        for resource in original.get("resources", []):
            for key in written_by_service:
                resource.pop(key, None)
    for record in json.loads(first)["practices"]:
        original = imported[record["id"]]
        for key in ("name", "summary", "description", "organisations", "funding", "resources", "keywords"):
            assert record.get(key) == original.get(key), (record["id"], key)
        assert set(record.get("themes", [])) == set(original["themes"])

    (tmp_path / "export.json").write_text(first, encoding="utf-8")
    empty_the_catalogue()
    assert import_file(tmp_path / "export.json").created == 120
    assert export_text() == first


@pytest.mark.django_db
def test_public_export_leaves_out_private_contacts(make_practice):
    make_practice(contact={"name": "Salainen Henkilö", "email": "salainen@example.fi"})
    make_practice(contact={"name": "Julkinen Henkilö", "email": "julkinen@example.fi", "public": True})
    public = export_text(include_private=False)
    assert "salainen@example.fi" not in public
    assert "julkinen@example.fi" in public
    assert "salainen@example.fi" in export_text(include_private=True)


@pytest.mark.django_db
def test_round_trip_of_the_demo_content_is_identical(tmp_path):
    load_demo_content()
    first = export_text()
    assert len(json.loads(first)["practices"]) == 8
    (tmp_path / "demo.json").write_text(first, encoding="utf-8")
    empty_the_catalogue()
    result = import_file(tmp_path / "demo.json")
    assert (result.ok, result.created) == (True, 8)
    assert export_text() == first
