"""An import may not publish a practice whose evaluation is under way.

Only the workflow "Arviointi ja julkaisu" publishes such a practice
(core/publishing.py). An import file with a record that would update and
publish one is refused whole in its checks: nothing changes, and every such
record is named with what to do.
"""

import json
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.models import WorkflowState

from mallipankki.evaluation.workflow import start_workflow
from mallipankki.imports.importer import import_file
from mallipankki.practices.factories import PracticeRecordFactory
from mallipankki.practices.models import PracticePage

WHAT_TO_DO = "Vie arviointi loppuun tai peru työnkulku, ja tuo tiedosto sitten uudelleen."


def write_file(tmp_path, practices):
    path = tmp_path / "tuonti.json"
    path.write_text(json.dumps({"format": "practices", "version": 1, "practices": practices}), encoding="utf-8")
    return path


def changed(slug):
    return PracticeRecordFactory(id=slug, summary={"fi": "Tuonnin muuttama tiivistelmä."})


@pytest.fixture
def catalogue(make_practice):
    """Two live practices, "arvioitava" in its workflow and "vapaa" not."""
    pages = {slug: make_practice(id=slug) for slug in ("arvioitava", "vapaa")}
    state = start_workflow(pages["arvioitava"])
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    return pages


def snapshot():
    """What an import could change: every practice's content, liveness and revisions."""
    return {
        page.slug: (page.summary, page.live, page.revisions.count(), page.workflow_states.active().count())
        for page in PracticePage.objects.all()
    }


def mixed_file(tmp_path):
    """A valid new record, a valid update, and (second) an update of the practice under evaluation."""
    return write_file(tmp_path, [changed("vapaa"), changed("arvioitava"), PracticeRecordFactory(id="uusi")])


@pytest.mark.django_db
@pytest.mark.parametrize("parallel", [False, True], ids=["checked-first", "checked-beside-writer"])
def test_a_file_updating_a_practice_under_evaluation_changes_nothing(catalogue, tmp_path, parallel):
    before = snapshot()
    result = import_file(mixed_file(tmp_path), parallel=parallel)
    assert not result.ok
    assert [problem.place for problem in result.problems] == ["practices[1].id"]
    message = result.problems[0].message
    assert '"arvioitava"' in message and '"Arviointi ja julkaisu"' in message and WHAT_TO_DO in message
    assert snapshot() == before
    assert not PracticePage.objects.filter(slug="uusi").exists()


@pytest.mark.django_db
def test_every_blocked_record_is_listed_together_with_the_other_problems(make_practice, catalogue, tmp_path):
    start_workflow(make_practice(id="toinen"))
    path = write_file(tmp_path, [changed("arvioitava"), PracticeRecordFactory(regions=["FI-20"]), changed("toinen")])
    problems = [str(problem) for problem in import_file(path).problems]
    assert problems[0] == 'practices[1].regions[0]: unknown region "FI-20"'
    assert [problem.split(":")[0] for problem in problems[1:]] == ["practices[0].id", "practices[2].id"]


@pytest.mark.django_db
def test_the_command_names_the_record_and_exits_non_zero(catalogue, tmp_path, capsys):
    before = snapshot()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_practices", str(mixed_file(tmp_path)))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert 'practices[1].id: malli "arvioitava" on arvioitavana' in err and WHAT_TO_DO in err
    assert "nothing was changed" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_the_admin_shows_the_blocked_record_and_offers_no_confirmation(client, catalogue, tmp_path):
    client.force_login(User.objects.create_superuser("toimittaja", "t@example.fi", "salasana-pitka-123"))
    before = snapshot()
    upload = SimpleUploadedFile("tuonti.json", mixed_file(tmp_path).read_bytes(), "application/json")
    html = client.post("/admin/tuonti/", {"file": upload}).content.decode()
    assert "<code>practices[1].id</code>: malli &quot;arvioitava&quot; on arvioitavana" in html
    assert "peru työnkulku" in html and "Mitään ei tuotu." in html
    assert "Vahvista tuonti" not in html
    assert snapshot() == before


@pytest.mark.django_db
def test_a_workflow_started_between_review_and_confirmation_refuses_the_confirmed_import(
    client, make_practice, tmp_path
):
    client.force_login(User.objects.create_superuser("toimittaja", "t@example.fi", "salasana-pitka-123"))
    page = make_practice(id="arvioitava")
    upload = SimpleUploadedFile("tuonti.json", write_file(tmp_path, [changed("arvioitava")]).read_bytes())
    html = client.post("/admin/tuonti/", {"file": upload}).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    start_workflow(page)
    before = snapshot()
    html = client.post("/admin/tuonti/", {"token": token}).content.decode()
    assert "mitään ei muutettu" in html and "practices[0].id" in html and "peru työnkulku" in html
    assert snapshot() == before


@pytest.mark.django_db
def test_a_rejected_practice_asks_for_resubmission_or_cancelling(catalogue, tmp_path):
    catalogue["arvioitava"].workflow_states.active().update(status=WorkflowState.STATUS_NEEDS_CHANGES)
    [problem] = import_file(write_file(tmp_path, [changed("arvioitava")])).problems
    assert "palautettu muutettavaksi" in problem.message
    assert "Lähetä malli uudelleen arvioitavaksi" in problem.message and "peru työnkulku" in problem.message


@pytest.mark.django_db
def test_records_that_leave_a_practice_under_evaluation_alone_pass(catalogue, tmp_path):
    # Re-importing an export is the common case: the record as it is live is
    # unchanged, and a draft record publishes nothing (as before the guard).
    same = PracticeRecordFactory(id="arvioitava")
    same["name"] = {"fi": catalogue["arvioitava"].title}
    result = import_file(write_file(tmp_path, [same]))
    assert (result.ok, result.unchanged) == (True, 1)
    draft = import_file(write_file(tmp_path, [{**changed("arvioitava"), "status": "draft"}]))
    assert (draft.ok, draft.updated) == (True, 1)


@pytest.mark.django_db
def test_once_the_workflow_is_cancelled_the_same_file_imports(catalogue, tmp_path):
    catalogue["arvioitava"].workflow_states.active().get().cancel()
    result = import_file(mixed_file(tmp_path))
    assert (result.ok, result.created, result.updated) == (True, 1, 2)
    assert PracticePage.objects.get(slug="arvioitava").summary == "Tuonnin muuttama tiivistelmä."


@pytest.mark.django_db
@pytest.mark.parametrize("parallel", [False, True], ids=["checked-first", "checked-beside-writer"])
def test_a_workflow_the_checks_did_not_see_still_refuses_the_file(catalogue, tmp_path, parallel):
    """A workflow started after the checks read the practices under evaluation:
    the writer meets the guard, skips the record and refuses the file at its end."""
    before = snapshot()
    with mock.patch("mallipankki.imports.validation.slugs_in_evaluation", return_value=set()):
        result = import_file(mixed_file(tmp_path), parallel=parallel)
    assert [str(problem).split(":")[0] for problem in result.problems] == ["practices[1].id"]
    assert WHAT_TO_DO in result.problems[0].message
    assert snapshot() == before
