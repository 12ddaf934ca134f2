"""An admin page a role may not open answers 403 in the admin's look, saying what is missing, with a way back."""

import pytest
from django.urls import reverse

from mallipankki.adoptions.factories import PendingAdoptionFactory
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.regions.factories import RegionalWorkerFactory
from mallipankki.vocabularies.factories import region

pytestmark = pytest.mark.django_db

USERS = "Käyttäjien hallinta kuuluu ylläpitäjille."
IMPORT = "Mallien tuonti kuuluu toimittajille ja ylläpitäjille."
FRAMEWORK = "Arviointikehyksen (kriteerit ja asteikot) muokkaaminen kuuluu ylläpitäjille."
VOCABULARIES = "Sanastojen muokkaaminen kuuluu ylläpitäjille."
OTHER_REGION = "Tämä käyttöönottoilmoitus kuuluu toisen alueen aluetyöntekijöille."

# role: [(url name or path, the reason the page must give)]
FORBIDDEN = {
    "regional worker": [
        ("other region's adoption", OTHER_REGION),
        ("/admin/snippets/vocabularies/region/", VOCABULARIES),
        ("/admin/snippets/evaluation/evaluationcriterion/", FRAMEWORK),
        ("/admin/tuonti/", IMPORT),
        ("/admin/users/", USERS),
        ("/admin/arviointi/", "Arvioinnit kuuluvat toimittajille ja arvioijille."),
    ],
    "evaluator": [
        ("/admin/kayttoonotot/", "Käyttöönottoilmoituksia käsittelevät aluetyöntekijät"),
        ("/admin/tukipyynnot/", "Tukipyyntöjä käsittelevät aluetyöntekijät"),
        ("/admin/jatkuvuus/", "Jatkuvuusraporttia lukevat toimittajat ja aluetyöntekijät"),
        ("/admin/snippets/evaluation/evaluationcriterion/", FRAMEWORK),
        ("/admin/tuonti/", IMPORT),
        ("/admin/users/", USERS),
    ],
    "editor": [
        ("/admin/users/", USERS),
        ("/admin/groups/", "Roolien ja ryhmien hallinta kuuluu ylläpitäjille."),
    ],
}
ROLE_LINES = {
    "regional worker": "Roolisi: Aluetyöntekijät. Alueesi: Lappi.",
    "evaluator": "Roolisi: Arvioijat.",
    "editor": "Roolisi: Toimittajat.",
}


@pytest.fixture
def users():
    return {
        "regional worker": RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"]).user,
        "evaluator": UserFactory(username="arvioija", role=permissions.EVALUATORS),
        "editor": UserFactory(username="toimittaja", role=permissions.EDITORS),
    }


@pytest.mark.parametrize("role", FORBIDDEN)
def test_each_role_is_told_what_is_missing(client, users, role, make_practice):
    practice = make_practice(id="kaupunki", regions=["FI-18"])
    uusimaa = PendingAdoptionFactory(practice=practice, organisation="Espoon kaupunki", region=region("FI-18"))
    client.force_login(users[role])
    for url, reason in FORBIDDEN[role]:
        if url == "other region's adoption":
            url = reverse("adoptions_admin:detail", args=[uusimaa.pk])
        response = client.get(url)
        assert response.status_code == 403, (role, url, response.status_code)
        html = response.content.decode()
        assert "Sinulla ei ole oikeutta avata tätä sivua." in html and reason in html, (role, url)
        assert ROLE_LINES[role] in html, (role, url)
        # In the admin's look (its menu is there), with the address asked for and a way back.
        assert 'id="wagtail-sidebar-props"' in html and "<title>Ei käyttöoikeutta" in html
        assert f"<code>{url}</code>" in html
        assert f'href="{reverse("wagtailadmin_home")}">Takaisin kojelaudalle</a>' in html
        # Not Wagtail's silent redirect with a flash message, nor another region's data.
        assert "Sorry, you do not have permission" not in html and "Espoon kaupunki" not in html


def test_a_refused_form_post_gets_the_same_page_and_changes_nothing(client, users, make_practice):
    practice = make_practice(id="kaupunki", regions=["FI-18"])
    uusimaa = PendingAdoptionFactory(practice=practice, organisation="Espoon kaupunki", region=region("FI-18"))
    client.force_login(users["regional worker"])
    response = client.post(reverse("adoptions_admin:confirm", args=[uusimaa.pk]))
    assert response.status_code == 403 and OTHER_REGION in response.content.decode()
    uusimaa.refresh_from_db()
    assert uusimaa.status == "pending"


def test_a_page_action_outside_ones_regions_says_so(client, users, make_practice):
    practice = make_practice(id="kaupunki", status="draft", regions=["FI-18"])
    client.force_login(users["regional worker"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    assert response.status_code == 403
    assert "ei kuulu roolillesi tai alueillesi" in response.content.decode()


def test_the_admins_scripts_get_a_plain_403(client, users):
    client.force_login(users["evaluator"])
    response = client.get("/admin/users/", headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403
    assert "wagtail-sidebar-props" not in response.content.decode()


def test_what_a_role_may_open_still_opens(client, users):
    client.force_login(users["regional worker"])
    for url in ("/admin/", "/admin/kayttoonotot/", "/admin/tukipyynnot/", "/admin/jatkuvuus/"):
        assert client.get(url).status_code == 200, url
