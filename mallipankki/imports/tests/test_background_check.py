"""A large import checked in a second process while it is written
(background_check.py): a problem found after some chunks were written still
leaves nothing written, and every problem is reported as when the file is
checked first."""

import json

import pytest

from mallipankki.imports import bulk_write, importer, validation
from mallipankki.imports.importer import import_file
from mallipankki.imports.validation import validate_file
from mallipankki.practices.factories import PracticeRecordFactory
from mallipankki.practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def written_chunks(monkeypatch):
    """Chunks of four records, checked four at a time; counts the chunks written."""
    monkeypatch.setattr(importer, "BATCH_SIZE", 4)
    monkeypatch.setattr(validation, "REPORT_EVERY", 4)
    calls = []
    write = bulk_write.BatchWriter.write

    def counting(self, batch):
        calls.append(len(batch.built))
        return write(self, batch)

    monkeypatch.setattr(bulk_write.BatchWriter, "write", counting)
    return calls


def corpus(tmp_path, records):
    path = tmp_path / "import.json"
    path.write_text(
        json.dumps({"format": "practices", "version": 1, "practices": records}, ensure_ascii=False), encoding="utf-8"
    )
    return path


def records(count=20):
    return [PracticeRecordFactory(id=f"malli-{number}") for number in range(count)]


def test_a_problem_found_after_chunks_were_written_leaves_nothing(practice_index, tmp_path, written_chunks):
    practices = records()
    practices[17]["regions"] = ["FI-20"]
    practices[2]["builds_on"] = ["olematon"]  # known to be missing only at the end
    path = corpus(tmp_path, practices)

    result = import_file(path, parallel=True)

    expected = [str(problem) for problem in validate_file(lambda: open(path, "rb"))[0]]
    assert [str(problem) for problem in result.problems] == expected
    assert expected == [
        'practices[17].regions[0]: unknown region "FI-20"',
        'practices[2].builds_on[0]: unknown practice id "olematon" (not in the file or the database)',
    ]
    assert (result.ok, result.total, result.created) == (False, 20, 0)
    assert written_chunks, "the writer started before the problem was found"
    assert not PracticePage.objects.exists()


def test_a_reference_missing_from_the_file_and_the_database_is_found_at_the_end(
    practice_index, tmp_path, written_chunks
):
    practices = records()
    practices[2]["builds_on"] = ["olematon"]
    result = import_file(corpus(tmp_path, practices), parallel=True)
    assert [str(problem) for problem in result.problems] == [
        'practices[2].builds_on[0]: unknown practice id "olematon" (not in the file or the database)'
    ]
    assert sum(written_chunks) == 20
    assert not PracticePage.objects.exists()


def test_a_broken_file_leaves_nothing(practice_index, tmp_path, written_chunks):
    path = corpus(tmp_path, records())
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('"malli-18"') + 5], encoding="utf-8")

    result = import_file(path, parallel=True)

    assert not result.ok
    assert result.problems == validate_file(lambda: open(path, "rb"))[0]
    assert "not a valid JSON file" in result.problems[0].message
    assert not PracticePage.objects.exists()


def test_a_clean_file_is_written_and_counted(practice_index, tmp_path, written_chunks):
    practices = records(10)
    practices[0]["builds_on"] = ["malli-9"]
    path = corpus(tmp_path, practices)

    dry = import_file(path, parallel=True, dry_run=True)
    assert (dry.ok, dry.total, dry.created) == (True, 10, 10)
    assert not PracticePage.objects.exists()

    result = import_file(path, parallel=True)
    assert (result.ok, result.total, result.created) == (True, 10, 10)
    assert written_chunks == [4, 4, 2, 4, 4, 2]
    links = PracticePage.objects.get(slug="malli-0").builds_on_links.all()
    assert [link.target.slug for link in links] == ["malli-9"]
