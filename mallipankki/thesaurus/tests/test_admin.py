"""The thesaurus in the Wagtail admin: editors add and edit concepts (kept
as revisions), admins also delete, other roles are refused."""

import pytest
from django.urls import reverse

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.search.service import search
from mallipankki.thesaurus.factories import ConceptFactory
from mallipankki.thesaurus.models import Concept

pytestmark = pytest.mark.django_db

FORM = {
    "slug": "testi-vertaistuki",
    "group": "menetelmat",
    "labels_fi": "testivertaistuki\ntestivertaisryhmä",
    "labels_sv": "testkamratstöd",
    "labels_en": "test peer support",
    "yso_uri": "",
}


def url(action, *args):
    return reverse(f"wagtailsnippets_thesaurus_concept:{action}", args=args)


@pytest.fixture
def people():
    return {
        "editor": UserFactory(role=permissions.EDITORS),
        "admin": UserFactory(role=permissions.ADMINS),
        "evaluator": UserFactory(role=permissions.EVALUATORS),
        "regional": UserFactory(role=permissions.REGIONAL_WORKERS),
    }


def test_editor_adds_a_concept_and_search_widens_at_once(client, people):
    client.force_login(people["editor"])
    page = client.get(url("add"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "YSO – Yleinen suomalainen ontologia, Kansalliskirjasto / Finto, CC BY 4.0" in content
    response = client.post(url("add"), FORM)
    assert response.status_code == 302, response.content.decode()[:3000]
    concept = Concept.objects.get(slug="testi-vertaistuki")
    assert concept.labels("fi") == ["testivertaistuki", "testivertaisryhmä"]
    assert concept.revisions.count() == 1
    assert "testi-vertaistuki" in [w.slug for w in search("testivertaisryhmässä").widenings]


def test_editor_edits_a_concept_as_a_new_revision(client, people):
    concept = ConceptFactory()
    client.force_login(people["editor"])
    response = client.post(url("edit", concept.pk), {**FORM, "slug": concept.slug, "group": concept.group})
    assert response.status_code == 302, response.content.decode()[:3000]
    concept.refresh_from_db()
    assert concept.labels("sv") == ["testkamratstöd"]
    assert concept.revisions.count() == 1


def test_a_label_of_another_concept_is_refused_in_finnish(client, people):
    ConceptFactory(labels_en="test peer support")
    client.force_login(people["editor"])
    response = client.post(url("add"), FORM)
    assert response.status_code == 200
    assert "Nimike ”test peer support” on jo käsitteellä" in response.content.decode()
    assert not Concept.objects.filter(slug="testi-vertaistuki").exists()


def test_every_language_needs_a_label(client, people):
    client.force_login(people["editor"])
    response = client.post(url("add"), {**FORM, "labels_sv": "  "})
    assert response.status_code == 200
    assert not Concept.objects.filter(slug="testi-vertaistuki").exists()


def test_only_admins_delete_concepts(client, people):
    concept = ConceptFactory()
    client.force_login(people["editor"])
    client.post(url("delete", concept.pk))
    assert Concept.objects.filter(pk=concept.pk).exists()
    client.force_login(people["admin"])
    client.post(url("delete", concept.pk))
    assert not Concept.objects.filter(pk=concept.pk).exists()


@pytest.mark.parametrize("role", ["evaluator", "regional"])
def test_other_roles_are_refused(client, people, role):
    concept = ConceptFactory()
    client.force_login(people[role])
    for address in (url("list"), url("add"), url("edit", concept.pk)):
        response = client.get(address)
        assert response.status_code in (302, 403), address
        assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    client.post(url("edit", concept.pk), {**FORM, "slug": concept.slug})
    concept.refresh_from_db()
    assert concept.labels("sv") != ["testkamratstöd"]
