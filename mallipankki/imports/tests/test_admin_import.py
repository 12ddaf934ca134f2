import json

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from mallipankki.practices.factories import PracticeRecordFactory
from mallipankki.practices.models import PracticePage


def upload(client, practices, name="tuonti.json"):
    body = json.dumps({"format": "practices", "version": 1, "practices": practices}).encode()
    return client.post("/admin/tuonti/", {"file": SimpleUploadedFile(name, body, "application/json")})


@pytest.fixture
def staff_client(client, db):
    user = User.objects.create_superuser("toimittaja", "t@example.fi", "salasana-pitka-123")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_staff_review_every_problem_before_anything_is_written(staff_client, practice_index):
    response = upload(staff_client, [PracticeRecordFactory(regions=["FI-20"]), PracticeRecordFactory(themes=["x"])])
    html = response.content.decode()
    assert response.status_code == 200
    assert "unknown region" in html and "unknown theme" in html
    assert "Vahvista tuonti" not in html
    assert not PracticePage.objects.exists()


@pytest.mark.django_db
def test_a_valid_file_is_imported_only_after_confirmation(staff_client, practice_index):
    response = upload(staff_client, [PracticeRecordFactory(id="ladattu")])
    html = response.content.decode()
    assert "Vahvista tuonti" in html
    assert not PracticePage.objects.filter(slug="ladattu").exists()
    token = html.split('name="token" value="')[1].split('"')[0]
    response = staff_client.post("/admin/tuonti/", {"token": token})
    assert response.status_code == 302
    page = PracticePage.objects.get(slug="ladattu")
    assert page.live
    assert page.revisions.get().user.username == "toimittaja"
    # The token is spent: replaying it imports nothing.
    assert staff_client.post("/admin/tuonti/", {"token": token}).status_code == 302


@pytest.mark.django_db
def test_a_non_json_upload_gets_a_clear_error(staff_client, practice_index):
    response = staff_client.post(
        "/admin/tuonti/", {"file": SimpleUploadedFile("x.json", b"%PDF-1.4 not json", "application/json")}
    )
    assert "ei ole JSON" in response.content.decode()


@pytest.mark.django_db
def test_import_needs_an_account_with_rights(client, practice_index):
    assert client.get("/admin/tuonti/").status_code == 302
    user = User.objects.create_user("katsoja", password="salasana-pitka-123")
    client.force_login(user)
    assert client.get("/admin/tuonti/").status_code in (302, 403)
