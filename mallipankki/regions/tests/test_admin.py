"""The support request queue in the Wagtail admin: who sees and does what, region by region.

Outcomes: ok = 200; login = redirected to the admin login; denied = the
admin's refusal, a 403 page that says why (core.admin_denied), also for a
request outside the user's regions.
"""

import pytest
from django.core import mail
from django.urls import reverse

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.regions.factories import RegionalWorkerFactory, SupportRequestFactory
from mallipankki.regions.models import RegionalWorker, SupportRequest
from mallipankki.vocabularies.factories import region
from mallipankki.vocabularies.models import Region

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "no_role", "evaluator", "worker_without_region", "lapland", "uusimaa", "editor", "admin"]
# view: outcome per user, in USERS order.
MATRIX = {
    "queue": "login login denied denied ok ok ok ok",
    "lapland request": "login login denied denied ok denied ok ok",
    "uusimaa request": "login login denied denied denied ok ok ok",
    "regional workers snippet": "login login denied denied denied denied ok ok",
}


@pytest.fixture
def people(db):
    return {
        "no_role": UserFactory(username="tavallinen"),
        "evaluator": UserFactory(username="arvioija", role=permissions.EVALUATORS),
        "worker_without_region": UserFactory(username="alueeton", role=permissions.REGIONAL_WORKERS),
        "lapland": RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"]).user,
        "uusimaa": RegionalWorkerFactory(user__username="uusimaalainen", regions=["uusimaa"]).user,
        "editor": UserFactory(username="toimittaja", role=permissions.EDITORS),
        "admin": UserFactory(username="yllapitaja", role=permissions.ADMINS),
    }


@pytest.fixture
def requests_(db):
    return {
        "lappi": SupportRequestFactory(region=region("lappi"), name="Lapin Pyytäjä"),
        "uusimaa": SupportRequestFactory(region=region("uusimaa"), name="Uusimaan Pyytäjä"),
    }


def outcome(response) -> str:
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return "login"
        if location == reverse("wagtailadmin_home"):
            return "denied"
        return f"302 {location}"
    return "ok" if response.status_code == 200 else str(response.status_code)


def test_scoping_matrix(client, people, requests_):
    urls = {
        "queue": reverse("regions_admin:index"),
        "lapland request": reverse("regions_admin:detail", args=[requests_["lappi"].pk]),
        "uusimaa request": reverse("regions_admin:detail", args=[requests_["uusimaa"].pk]),
        "regional workers snippet": reverse("wagtailsnippets_regions_regionalworker:list"),
    }
    problems = []
    for position, name in enumerate(USERS):
        client.logout()
        if name != "anonymous":
            client.force_login(people[name])
        for view, expected in MATRIX.items():
            got = outcome(client.get(urls[view]))
            if got != expected.split()[position]:
                problems.append(f"{name} → {view}: {got}, expected {expected.split()[position]}")
    assert not problems, "\n".join(problems)


def test_lapland_worker_sees_lapland_queue_not_uusimaa(client, people, requests_):
    client.force_login(people["lapland"])
    content = client.get(reverse("regions_admin:index")).content.decode()
    assert requests_["lappi"].reference in content and "Lapin Pyytäjä" in content
    assert requests_["uusimaa"].reference not in content and "Uusimaan Pyytäjä" not in content
    # Filtering by a region of someone else's does not widen the view either.
    content = client.get(reverse("regions_admin:index") + "?alue=uusimaa").content.decode()
    assert requests_["uusimaa"].reference not in content


def test_editor_filters_by_status_and_region(client, people, requests_):
    requests_["uusimaa"].status = SupportRequest.Status.DONE
    requests_["uusimaa"].save()
    client.force_login(people["editor"])
    url = reverse("regions_admin:index")
    both = client.get(url).content.decode()
    assert requests_["lappi"].reference in both and requests_["uusimaa"].reference in both
    done = client.get(url + "?tila=done").content.decode()
    assert requests_["uusimaa"].reference in done and requests_["lappi"].reference not in done
    lapland = client.get(url + "?alue=lappi").content.decode()
    assert requests_["lappi"].reference in lapland and requests_["uusimaa"].reference not in lapland
    nothing = client.get(url + "?alue=lappi&tila=done").content.decode()
    assert "Rajausta vastaavia tukipyyntöjä ei ole." in nothing


def test_worker_acts_on_own_region_only(client, people, requests_):
    client.force_login(people["lapland"])
    own = reverse("regions_admin:detail", args=[requests_["lappi"].pk])
    other = reverse("regions_admin:detail", args=[requests_["uusimaa"].pk])

    assert client.post(own, {"action": "status", "status": "lost"}).status_code == 200  # form error
    response = client.post(own, {"action": "status", "status": "in_progress"})
    assert response.status_code == 302
    assert client.post(other, {"action": "status", "status": "in_progress"}).status_code == 403
    assert client.post(other, {"action": "note", "text": "Ei kuulu minulle"}).status_code == 403

    requests_["lappi"].refresh_from_db()
    requests_["uusimaa"].refresh_from_db()
    assert requests_["lappi"].status == "in_progress"
    assert requests_["uusimaa"].status == "new" and not requests_["uusimaa"].notes.exists()
    assert [message.to for message in mail.outbox] == [["pyytaja@example.org"]]


def test_detail_change_status_assign_and_note(client, people, requests_):
    support_request = requests_["lappi"]
    url = reverse("regions_admin:detail", args=[support_request.pk])
    client.force_login(people["editor"])

    page = client.get(url).content.decode()
    assert "Lapin Pyytäjä" in page and "pyytaja@example.org" in page
    # Assignable: Lapland's worker and the editors, not Uusimaa's worker.
    assert "Lappilainen Työntekijä" in page and "Uusimaalainen" not in page

    assert client.post(url, {"action": "assign", "assigned_to": people["uusimaa"].pk}).status_code == 200
    support_request.refresh_from_db()
    assert support_request.assigned_to is None

    assert client.post(url, {"action": "assign", "assigned_to": people["lapland"].pk}).status_code == 302
    assert client.post(url, {"action": "note", "text": "Soitettu, sovittu tapaaminen."}).status_code == 302
    assert client.post(url, {"action": "status", "status": "done"}).status_code == 302
    support_request.refresh_from_db()
    assert support_request.assigned_to == people["lapland"] and support_request.status == "done"
    assert [entry.kind for entry in support_request.notes.all()] == ["assignment", "note", "status"]
    # The assignee and the requester were emailed; the note went to nobody.
    assert [message.to for message in mail.outbox] == [["lappilainen@example.org"], ["pyytaja@example.org"]]
    assert "Soitettu" not in mail.outbox[1].body

    page = client.get(url).content.decode()
    assert "Soitettu, sovittu tapaaminen." in page and "Tila: Uusi → Valmis" in page

    # An empty note is refused with a Finnish message, nothing is added.
    response = client.post(url, {"action": "note", "text": ""})
    assert response.status_code == 200 and "Kirjoita muistiinpano." in response.content.decode()
    assert support_request.notes.count() == 3


def test_menu_item_shown_to_queue_users_only(client, people):
    for name, shown in (("lapland", True), ("editor", True), ("evaluator", False), ("worker_without_region", False)):
        client.force_login(people[name])
        # The sidebar menu is JSON for the admin's JavaScript: look for the item's URL.
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (reverse("regions_admin:index") in content) is shown, name


def test_editor_manages_regional_workers(client, people):
    client.force_login(people["editor"])
    user = UserFactory(username="uusi", role=permissions.REGIONAL_WORKERS)
    add_url = reverse("wagtailsnippets_regions_regionalworker:add")
    response = client.post(
        add_url,
        {
            "user": user.pk,
            "regions": [Region.objects.get(slug="kainuu").pk],
            "title": "Aluekoordinaattori",
            "phone": "040 111 2222",
            "public_contact": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    worker = RegionalWorker.objects.get(user=user)
    assert [region.slug for region in worker.regions.all()] == ["kainuu"] and worker.public_contact
