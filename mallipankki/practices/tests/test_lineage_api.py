"""The API's lineage notes: published relatives only, notes from the link's owner."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mallipankki.practices.interchange import export_queryset, practice_to_record
from mallipankki.practices.models import BuildsOnLink, PracticePage

API = "/api/v1"


def note(child, parent, text):
    BuildsOnLink.objects.filter(practice=child, target=parent).update(adaptation_note=text)


@pytest.fixture
def family(make_practice):
    original = make_practice(id="alkuperainen")
    hidden_parent = make_practice(id="piilotettu-pohja")
    refined = make_practice(id="jatkettu", builds_on=["alkuperainen", "piilotettu-pohja"])
    child = make_practice(id="lapsi", builds_on=["jatkettu"])
    draft_child = make_practice(id="luonnoslapsi", builds_on=["jatkettu"])
    note(refined, original, "Sovitettu nuorille.")
    note(refined, hidden_parent, "Piilossa oleva muutos.")
    note(child, refined, "Lisätty mentorointi.")
    note(draft_child, refined, "Luonnoksen muutos.")
    hidden_parent.unpublish()
    draft_child.unpublish()
    return {"original": original, "refined": refined, "child": child}


@pytest.mark.django_db
def test_detail_adds_lineage_notes_of_published_relatives_only(client, family):
    data = client.get(f"{API}/practices/jatkettu").json()

    assert data["lineage"] == {
        "builds_on": [{"id": "alkuperainen", "note": "Sovitettu nuorille."}],
        "built_upon_by": [{"id": "lapsi", "note": "Lisätty mentorointi."}],
    }
    assert "Piilossa oleva muutos." not in str(data) and "Luonnoksen muutos." not in str(data)


@pytest.mark.django_db
def test_the_note_on_a_child_is_the_one_on_the_childs_link(client, family):
    assert client.get(f"{API}/practices/lapsi").json()["lineage"] == {
        "builds_on": [{"id": "jatkettu", "note": "Lisätty mentorointi."}],
        "built_upon_by": [],
    }
    assert client.get(f"{API}/practices/alkuperainen").json()["lineage"] == {
        "builds_on": [],
        "built_upon_by": [{"id": "jatkettu", "note": "Sovitettu nuorille."}],
    }


@pytest.mark.django_db
def test_detail_keeps_every_record_field_beside_the_lineage(client, family):
    data = client.get(f"{API}/practices/jatkettu").json()
    page = export_queryset(PracticePage.objects.filter(slug="jatkettu")).get()
    record = practice_to_record(page, public=True)
    assert {
        key: value for key, value in data.items() if key not in ("url", "lineage", "lang", "texts", "labels")
    } == record
    # Open data names only live practices, also in builds_on.
    assert set(data["builds_on"]) < set(practice_to_record(page)["builds_on"])


@pytest.mark.django_db
def test_the_interchange_record_carries_builds_on_ids_only(family):
    record = practice_to_record(export_queryset(PracticePage.objects.filter(slug="jatkettu")).get())
    assert "alkuperainen" in record["builds_on"]
    assert all(isinstance(item, str) for item in record["builds_on"])
    assert "lineage" not in record
    assert "Sovitettu nuorille." not in str(record)


@pytest.mark.django_db
def test_detail_query_count_does_not_grow_with_relatives(client, make_practice):
    make_practice(id="pohja")
    make_practice(id="jatko-0", builds_on=["pohja"])

    def count():
        client.get(f"{API}/practices/pohja")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{API}/practices/pohja").status_code == 200
        return len(queries)

    few = count()
    for number in range(1, 6):
        make_practice(id=f"jatko-{number}", builds_on=["pohja"])
    assert count() == few
