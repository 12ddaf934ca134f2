"""The public form, what the public sees, and the admin queue, through the test client."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from mallipankki.adoptions import services
from mallipankki.adoptions.models import PendingAdoption
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.practices.models import PracticePage
from mallipankki.regions.factories import RegionalWorkerFactory
from mallipankki.vocabularies.factories import region

from .helpers import LAPPI, UUSIMAA, form_data, report

pytestmark = pytest.mark.django_db

URL = "/mallit/tyovalmennus/kaytossa/"
PAGE = "/mallit/tyovalmennus/"


@pytest.fixture
def practice(make_practice):
    return make_practice(id="tyovalmennus", name={"fi": "Työhönvalmennus"})


def public_outputs(client, practice) -> dict[str, str]:
    """Everything the public can read about the practice."""
    urls = {
        "page": PAGE,
        "api": f"/api/v1/practices/{practice.slug}",
        "api list": "/api/v1/practices",
        "export json": "/api/v1/export.json",
        "export csv": "/api/v1/export.csv",
        "feed": "/syotteet/mallit.atom",
        "catalogue": "/mallit/",
    }
    outputs = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        outputs[name] = content.decode("utf-8-sig")
    return outputs


# --- the public form ----------------------------------------------------------------


def test_every_published_practice_links_to_the_form(client, practice):
    html = client.get(PAGE).content.decode()
    assert f'href="{URL}"' in html
    assert "Käytämme tätä mallia" in html
    assert reverse("adoptions:report", args=[practice.slug]) == URL


def test_the_form_exists_only_for_published_practices(client, practice, make_practice):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Organisaatio", "Maakunta", "Maa", "Käyttöönottovuosi", "Mitä mallista muutettiin", "Sähköposti"):
        assert label in html
    assert 'href="/tietosuoja/"' in html
    assert "style=" not in html
    draft = make_practice(id="luonnos", status="draft")
    assert client.get(f"/mallit/{draft.slug}/kaytossa/").status_code == 404
    assert client.post(f"/mallit/{draft.slug}/kaytossa/", form_data()).status_code == 404
    assert client.get("/mallit/ei-ole/kaytossa/").status_code == 404
    assert not PendingAdoption.objects.exists()


def test_a_report_is_stored_pending_and_the_regions_worker_is_emailed(client, practice):
    RegionalWorkerFactory(user__username="lappi", regions=[LAPPI])
    RegionalWorkerFactory(user__username="uusimaa", regions=[UUSIMAA])
    response = client.post(URL, form_data(contact_phone="040 123 4567", contact_public="on"))
    assert response.status_code == 302
    assert response["Location"] == "/mallit/tyovalmennus/kaytossa/kiitos/"
    pending = PendingAdoption.objects.get()
    assert pending.practice_id == practice.pk and pending.status == PendingAdoption.Status.PENDING
    assert pending.region.code == LAPPI and pending.country.code == "FI" and pending.year == 2024
    assert pending.contact_public and pending.consent_at is not None and pending.ip_hash
    receipt, to_worker = mail.outbox
    assert to_worker.to == ["lappi@example.org"]
    assert f"/admin/kayttoonotot/{pending.pk}/" in to_worker.body
    assert "Rovaniemen kaupunki" not in to_worker.subject

    # The reporter's receipt names the report by its reference, as the thanks page does.
    assert pending.reference.startswith("KAY-") and len(pending.reference) == len("KAY-2026-K7RM4X")
    assert receipt.to == ["liisa@rovaniemi.example"]
    assert pending.reference in receipt.subject and f"Viitenumero: {pending.reference}" in receipt.body
    assert "Hei Liisa Lappalainen" in receipt.body and '"Työhönvalmennus"' in receipt.body
    assert "Lapin maakunnan aluetyöntekijä tarkistaa ilmoituksen" in receipt.body
    assert "/admin/" not in receipt.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert "Kiitos ilmoituksesta" in html
    assert f"Viitenumero <strong>{pending.reference}</strong>" in html
    assert "Lapin maakunnan aluetyöntekijä tarkistaa ilmoituksen" in html


def test_a_region_fills_in_finland_and_a_country_alone_goes_to_the_editors(client, practice):
    UserFactory(username="toimittaja", role=permissions.EDITORS)
    client.post(URL, form_data(country=""))
    assert PendingAdoption.objects.get().country.code == "FI"
    client.post(URL, form_data(region="", country="SE", organisation="Haaparannan kunta"))
    abroad = PendingAdoption.objects.get(organisation="Haaparannan kunta")
    assert abroad.region is None and abroad.country.code == "SE"
    assert mail.outbox[-1].to == ["toimittaja@example.org"]


def test_pending_reports_are_nowhere_public(client, practice):
    report(practice, organisation="Salainen Odottava Oy", contact_public=True, contact_email="odottava@example.org")
    for name, text in public_outputs(client, practice).items():
        assert "Salainen Odottava Oy" not in text, name
        assert "odottava@example.org" not in text, name
    assert "Käytössä" not in client.get("/mallit/").content.decode()


def test_confirmed_adoptions_are_public_and_contacts_only_with_consent(client, practice):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    services.confirm(report(practice, contact_public=True).pk, worker)
    services.confirm(report(practice, organisation="Kemin kaupunki", contact_email="piilo@kemi.example").pk, worker)
    outputs = public_outputs(client, practice)
    assert "Rovaniemen kaupunki" in outputs["page"] and "Kemin kaupunki" in outputs["page"]
    assert "liisa@rovaniemi.example" in outputs["page"]
    assert "Kysy kokemuksista" in outputs["page"]
    assert "Rovaniemen kaupunki" in outputs["export json"] and "Kemin kaupunki" in outputs["export json"]
    for name, text in outputs.items():
        assert "piilo@kemi.example" not in text, name
        if name != "page":
            assert "liisa@rovaniemi.example" not in text, name
    assert "Käytössä 2 organisaatiossa" in outputs["catalogue"]


def test_the_honeypot_stores_and_sends_nothing(client, practice):
    response = client.post(URL, form_data(website="https://roskaa.example"))
    assert response.status_code == 200
    assert "Kiitos ilmoituksesta" in response.content.decode()
    assert not PendingAdoption.objects.exists()
    assert mail.outbox == []


def test_reports_from_one_address_are_rate_limited(client, practice, settings):
    settings.ADOPTION_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(URL, form_data()).status_code == 302
    response = client.post(URL, form_data())
    assert response.status_code == 429
    assert "Liian monta ilmoitusta" in response.content.decode()
    assert PendingAdoption.objects.count() == 2
    other = client.post(URL, form_data(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"organisation": ""}, "organisation", "Kirjoita organisaation nimi."),
        ({"region": "", "country": ""}, "region", "Valitse maakunta tai, jos malli on käytössä ulkomailla, maa."),
        ({"country": "SE"}, "country", "Maakunta on Suomessa: valitse maaksi Suomi tai jätä maakunta valitsematta."),
        ({"region": "FI-99"}, "region", "Valitse maakunta luettelosta."),
        ({"region": "FI-10\x00"}, "region", "Valitse maakunta luettelosta."),
        ({"year": ""}, "year", "Kirjoita käyttöönottovuosi."),
        ({"year": "viime vuonna"}, "year", "Kirjoita vuosi numeroina, esimerkiksi 2024."),
        ({"year": "1850"}, "year", "Kirjoita vuosi väliltä 1990–"),
        ({"note": "x" * 2001}, "note", "Kirjoita enintään 2 000 merkkiä (nyt 2001)."),
        ({"contact_name": ""}, "contact_name", "Kirjoita yhteyshenkilön nimi."),
        ({"contact_email": "liisa"}, "contact_email", "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi."),
        ({"consent": None}, "consent", "Hyväksy tietosuojaseloste, jotta voimme käsitellä ilmoituksen."),
    ],
)
def test_invalid_reports_say_what_to_fix(client, practice, overrides, field, message):
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}"' in html
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert 'aria-invalid="true"' in html
    assert not PendingAdoption.objects.exists()


def test_an_empty_report_lists_every_missing_field(client, practice):
    html = client.post(URL, {}).content.decode()
    assert "Lomakkeessa on 6 virhettä" in html
    assert 'value="Rovaniemen kaupunki"' not in html


# --- the admin queue ------------------------------------------------------------------


@pytest.fixture
def reports(practice):
    return {
        "lappi": report(practice),
        "uusimaa": report(practice, region=region(UUSIMAA), organisation="Espoon kaupunki"),
        "abroad": report(practice, region=None, organisation="Tallinna"),
    }


def test_a_lappi_worker_sees_and_confirms_lappis_report_only(client, practice, reports):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    client.force_login(worker)
    queue = client.get("/admin/kayttoonotot/")
    assert queue.status_code == 200
    html = queue.content.decode()
    assert "Rovaniemen kaupunki" in html
    assert "Espoon kaupunki" not in html and "Tallinna" not in html
    assert "/admin/kayttoonotot/" in client.get("/admin/").content.decode()  # the menu item

    uusimaa = reports["uusimaa"].pk
    # Another region's report: refused with the reason, and nothing is decided.
    refused = client.get(f"/admin/kayttoonotot/{uusimaa}/")
    assert refused.status_code == 403 and "kuuluu toisen alueen" in refused.content.decode()
    assert "Espoon kaupunki" not in refused.content.decode()
    assert client.post(f"/admin/kayttoonotot/{uusimaa}/vahvista/").status_code == 403
    assert client.post(f"/admin/kayttoonotot/{uusimaa}/hylkaa/", {"reason": "Ei"}).status_code == 403
    assert client.get(f"/admin/kayttoonotot/{reports['abroad'].pk}/").status_code == 403
    assert client.get("/admin/kayttoonotot/999999/").status_code == 404

    lappi = reports["lappi"].pk
    detail = client.get(f"/admin/kayttoonotot/{lappi}/")
    assert detail.status_code == 200 and "liisa@rovaniemi.example" in detail.content.decode()
    response = client.post(f"/admin/kayttoonotot/{lappi}/vahvista/", follow=True)
    assert response.status_code == 200
    assert "Käyttöönotto vahvistettu" in response.content.decode()
    page = PracticePage.objects.get(pk=practice.pk)
    assert [a.organisation for a in page.adoptions.all()] == ["Rovaniemen kaupunki"]
    assert page.live_revision.user == worker
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=worker).exists()
    assert PendingAdoption.objects.get(pk=uusimaa).status == PendingAdoption.Status.PENDING
    # A second confirmation is refused with a message, not an error page.
    again = client.post(f"/admin/kayttoonotot/{lappi}/vahvista/", follow=True)
    assert "Ilmoitus on jo käsitelty." in again.content.decode()
    assert page.adoptions.count() == 1


def test_rejecting_needs_a_reason(client, practice, reports):
    client.force_login(UserFactory(username="toimittaja", role=permissions.EDITORS))
    pk = reports["abroad"].pk
    response = client.post(f"/admin/kayttoonotot/{pk}/hylkaa/", {"reason": ""})
    assert response.status_code == 400
    assert "Kirjoita perustelu hylkäykselle." in response.content.decode()
    assert PendingAdoption.objects.get(pk=pk).status == PendingAdoption.Status.PENDING
    response = client.post(f"/admin/kayttoonotot/{pk}/hylkaa/", {"reason": "Ei ole käytössä."})
    assert response.status_code == 302
    rejected = PendingAdoption.objects.get(pk=pk)
    assert rejected.status == PendingAdoption.Status.REJECTED and rejected.reason == "Ei ole käytössä."


def test_editors_see_every_report_and_others_are_refused(client, practice, reports):
    client.force_login(UserFactory(username="toimittaja", role=permissions.EDITORS))
    html = client.get("/admin/kayttoonotot/").content.decode()
    assert all(name in html for name in ("Rovaniemen kaupunki", "Espoon kaupunki", "Tallinna"))
    client.force_login(UserFactory(username="arvioija", role="Arvioijat"))
    # A refused admin page answers 403 with the reason (core.admin_denied).
    refused = client.get("/admin/kayttoonotot/")
    assert refused.status_code == 403 and "Käyttöönottoilmoituksia käsittelevät" in refused.content.decode()
    assert client.post(f"/admin/kayttoonotot/{reports['lappi'].pk}/vahvista/").status_code == 403
    assert "/admin/kayttoonotot/" not in client.get("/admin/").content.decode()
    assert PendingAdoption.objects.get(pk=reports["lappi"].pk).status == PendingAdoption.Status.PENDING
    client.logout()
    assert client.get("/admin/kayttoonotot/").status_code == 302


def test_the_practice_page_costs_the_same_queries_for_one_adoption_or_five(client, practice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        client.get(PAGE)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        return len(queries)

    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    services.confirm(report(practice, contact_public=True).pk, worker)
    one = count()
    for number in range(4):
        services.confirm(
            report(practice, organisation=f"Kunta {number}", region=region(UUSIMAA)).pk,
            UserFactory(username=f"t{number}", role=permissions.EDITORS),
        )
    assert count() == one
