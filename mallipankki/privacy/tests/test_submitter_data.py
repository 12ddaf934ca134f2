"""manage.py submitter_data: a person's personal data from the public forms exported as JSON, or erased on request."""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mallipankki.adoptions import services as adoption_services
from mallipankki.adoptions.models import PendingAdoption
from mallipankki.adoptions.tests.helpers import report
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.practices.models import Adoption
from mallipankki.privacy import personal_data
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import pdf_upload, proposal_data
from mallipankki.regions.factories import RegionalWorkerFactory, SupportRequestFactory, SupportRequestNoteFactory
from mallipankki.regions.models import SupportRequest, SupportRequestNote
from mallipankki.vocabularies.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposals(settings, tmp_path, practice_index):
    """Two proposals by Maija (one with her address in capitals), one by someone else."""
    settings.PROPOSAL_FILES_ROOT = str(tmp_path / "private")
    client = Client()
    for name, email in (
        ("Ensimmäinen malli", "maija@example.org"),
        ("Toinen malli", "Maija@Example.org"),
        ("Kolmas malli", "pekka@example.org"),
    ):
        data = proposal_data(
            name=name, submitter_email=email, submitter_name="Maija M." if "aija" in email else "Pekka"
        )
        response = client.post(reverse("proposals:propose"), {**data, "attachments": [pdf_upload()]})
        assert response.status_code == 302
    return Proposal.objects.order_by("pk")


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("submitter_data", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_export_prints_every_proposal_of_that_address(proposals):
    out, err = run("export", "--email", "MAIJA@example.org")
    document = json.loads(out)
    assert [record["ehdotus"]["name"] for record in document["ehdotukset"]] == ["Ensimmäinen malli", "Toinen malli"]
    first = document["ehdotukset"][0]
    assert first["henkilotiedot"]["nimi"] == "Maija M."
    assert first["henkilotiedot"]["sahkoposti"] == "maija@example.org"
    assert first["henkilotiedot"]["hyvaksyi_tietosuojaselosteen"]
    assert first["viite"].startswith("EHD-")
    assert first["liitteet"][0]["nimi"] == "kasikirja.pdf"
    assert "Pekka" not in out
    assert "Viety tiedot: 2 ehdotusta, 0 käyttöönottoilmoitusta, 0 tukipyyntöä." in err


def test_export_to_a_file_readable_by_the_owner_only(proposals, tmp_path):
    target = tmp_path / "maija.json"
    _out, err = run("export", "--email", "maija@example.org", "--output", str(target))
    assert len(json.loads(target.read_text(encoding="utf-8"))["ehdotukset"]) == 2
    assert target.stat().st_mode & 0o777 == 0o600
    assert str(target) in err
    with pytest.raises(CommandError, match="on jo olemassa"):
        run("export", "--email", "maija@example.org", "--output", str(target))


def test_bad_input_is_refused_in_finnish(proposals):
    with pytest.raises(CommandError, match="Virheellinen sähköpostiosoite"):
        run("export", "--email", "ei-osoite")
    with pytest.raises(CommandError):
        run("poista", "--email", "maija@example.org")


def test_an_unknown_address_exports_an_empty_list(proposals):
    out, err = run("export", "--email", "tuntematon@example.org")
    assert json.loads(out)["ehdotukset"] == []
    assert "ei löytynyt ehdotuksia" in err


def test_erase_blanks_the_person_and_keeps_the_practice(proposals):
    maija = list(proposals.filter(submitter_email__iexact="maija@example.org"))
    practice_ids = [proposal.practice_id for proposal in maija]
    out, _err = run("erase", "--email", "maija@example.org", "--yes")
    assert "Poistettu henkilötiedot: 2 ehdotusta, 0 käyttöönottoilmoitusta, 0 tukipyyntöä." in out
    for proposal in maija:
        proposal.refresh_from_db()
        assert proposal.submitter_name == personal_data.ERASED_NAME
        assert proposal.submitter_email == proposal.submitter_organisation == proposal.ip_hash == ""
        assert proposal.personal_data_erased_at is not None
        assert proposal.data["name"] in ("Ensimmäinen malli", "Toinen malli")
        assert proposal.attachments.count() == 1
    assert [proposal.practice_id for proposal in maija] == practice_ids
    assert Proposal.objects.get(submitter_email="pekka@example.org").submitter_name == "Pekka"
    # Nothing left to find; a second run says so and succeeds.
    out, _err = run("erase", "--email", "maija@example.org", "--yes")
    assert "ei löytynyt ehdotuksia" in out
    assert json.loads(run("export", "--email", "maija@example.org")[0])["ehdotukset"] == []


def test_erase_asks_first_and_refuses_without_a_terminal(proposals, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="--yes"):
        run("erase", "--email", "maija@example.org")
    assert Proposal.objects.filter(submitter_email__iexact="maija@example.org").count() == 2

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "e")
    with pytest.raises(CommandError, match="Keskeytetty"):
        run("erase", "--email", "maija@example.org")
    monkeypatch.setattr("builtins.input", lambda prompt: "k")
    run("erase", "--email", "maija@example.org")
    assert Proposal.objects.filter(submitter_email__iexact="maija@example.org").count() == 0


def test_erase_records_when(proposals):
    moment = timezone.now() - dt.timedelta(days=3)
    personal_data.erase("pekka@example.org", now=moment)
    erased = Proposal.objects.get(data__name="Kolmas malli")
    assert erased.personal_data_erased_at == moment
    # The admin says so instead of showing the data.
    client = Client()
    client.force_login(UserFactory(username="toimittaja", role=permissions.EDITORS))
    response = client.get(reverse("proposals_admin:detail", args=[erased.pk]))
    assert "Ehdottajan henkilötiedot poistettiin pyynnöstä" in response.content.decode()
    assert "pekka@example.org" not in response.content.decode()


# --- adoption reports and support requests ---------------------------------------


@pytest.fixture
def forms(proposals, make_practice):
    """Besides the proposals: Maija's adoption report (confirmed, contact public) and two
    support requests (one with her address in capitals); Pekka's report and request."""
    practice = make_practice(id="tyovalmennus", name={"fi": "Työhönvalmennus"})
    maija_report = report(
        practice,
        contact_name="Maija M.",
        contact_email="MAIJA@example.org",
        contact_phone="040 111 2222",
        contact_public=True,
        note="Lyhensimme jaksot kuuteen viikkoon.",
    )
    adoption_services.confirm(maija_report.pk, RegionalWorkerFactory(user__username="lappi", regions=["FI-10"]).user)
    pekka_report = report(
        practice, contact_name="Pekka", contact_email="pekka@example.org", organisation="Kemin kaupunki"
    )
    maija_requests = [
        SupportRequestFactory(
            region=region("lappi"),
            name="Maija M.",
            organisation="Maijan yhdistys ry",
            email="maija@example.org",
            phone="040 111 2222",
            message="Miten työhönvalmennus aloitetaan pienessä kunnassa?",
            practice=practice,
        ),
        SupportRequestFactory(
            region=region("uusimaa"), name="Maija M.", email="Maija@EXAMPLE.org", message="Toinen kysymys."
        ),
    ]
    pekka_request = SupportRequestFactory(
        region=region("lappi"), name="Pekka", email="pekka@example.org", organisation="Kemin kaupunki"
    )
    return {
        "practice": practice,
        "maija_report": maija_report,
        "pekka_report": pekka_report,
        "maija_requests": maija_requests,
        "pekka_request": pekka_request,
    }


def test_export_includes_adoption_reports_and_support_requests(forms):
    out, err = run("export", "--email", "maija@EXAMPLE.org")
    document = json.loads(out)
    assert len(document["ehdotukset"]) == 2

    [adoption] = document["kayttoonottoilmoitukset"]
    assert adoption["id"] == forms["maija_report"].pk
    assert adoption["viite"] == forms["maija_report"].reference
    assert adoption["tila"] == "confirmed"
    assert adoption["lahetetty"]
    assert adoption["henkilotiedot"] == {
        "nimi": "Maija M.",
        "sahkoposti": "MAIJA@example.org",
        "puhelin": "040 111 2222",
        "yhteystiedot_saa_nayttaa": True,
        "hyvaksyi_tietosuojaselosteen": forms["maija_report"].consent_at.isoformat(),
        "osoitteen_tiiviste": "testi",
    }
    assert adoption["ilmoitus"]["organisaatio"] == "Rovaniemen kaupunki"
    assert adoption["ilmoitus"]["mita_muutettiin"] == "Lyhensimme jaksot kuuteen viikkoon."
    assert adoption["ilmoitus"]["maakunta"] == "Lappi"
    assert adoption["ilmoitus"]["kayttoonottovuosi"] == 2024
    assert adoption["paatos"]["tehty"]
    assert adoption["malli"] == forms["practice"].url

    requests = document["tukipyynnot"]
    assert [item["viite"] for item in requests] == [item.reference for item in forms["maija_requests"]]
    first = requests[0]
    assert first["viite"].startswith("TUKI-")
    assert first["tila"] == "new"
    assert first["henkilotiedot"]["nimi"] == "Maija M."
    assert first["henkilotiedot"]["organisaatio"] == "Maijan yhdistys ry"
    assert first["henkilotiedot"]["sahkoposti"] == "maija@example.org"
    assert first["henkilotiedot"]["puhelin"] == "040 111 2222"
    assert first["henkilotiedot"]["osoitteen_tiiviste"] == "0" * 64
    assert first["pyynto"]["viesti"] == "Miten työhönvalmennus aloitetaan pienessä kunnassa?"
    assert first["pyynto"]["maakunta"] == "Lappi"
    assert first["malli"] == forms["practice"].url
    assert requests[1]["pyynto"]["viesti"] == "Toinen kysymys." and requests[1]["malli"] is None

    assert "pekka@example.org" not in out and "Kemin kaupunki" not in out
    assert "Viety tiedot: 2 ehdotusta, 1 käyttöönottoilmoitus, 2 tukipyyntöä." in err


def test_an_address_with_only_a_support_request_is_found(forms):
    SupportRequestFactory(region=region("lappi"), name="Ville", email="ville@example.org")
    out, err = run("export", "--email", "ville@example.org")
    document = json.loads(out)
    assert (len(document["ehdotukset"]), len(document["kayttoonottoilmoitukset"]), len(document["tukipyynnot"])) == (
        0,
        0,
        1,
    )
    assert "ei löytynyt" not in err


def test_erase_blanks_the_person_in_adoption_reports_and_support_requests(forms, client):
    practice = forms["practice"]
    note = SupportRequestNoteFactory(request=forms["maija_requests"][0], text="Soitettu Maijalle.")
    assert "Kysy kokemuksista" in client.get(practice.url).content.decode()

    out, _err = run("erase", "--email", "maija@example.org", "--yes")
    assert "Poistettu henkilötiedot: 2 ehdotusta, 1 käyttöönottoilmoitus, 2 tukipyyntöä." in out
    assert f"käyttöönottoilmoitus {forms['maija_report'].pk}: henkilötiedot poistettu" in out
    assert f"tukipyyntö {forms['maija_requests'][0].reference}: henkilötiedot poistettu" in out

    report = PendingAdoption.objects.get(pk=forms["maija_report"].pk)
    assert report.contact_name == personal_data.ERASED_NAME
    assert report.contact_email == report.contact_phone == report.ip_hash == ""
    assert report.contact_public is False
    assert report.personal_data_erased_at is not None
    # The adoption itself stays, in the report and on the practice page.
    assert report.organisation == "Rovaniemen kaupunki"
    assert report.note == "Lyhensimme jaksot kuuteen viikkoon."
    assert report.status == PendingAdoption.Status.CONFIRMED and report.adoption is not None
    assert Adoption.objects.filter(pk=report.adoption_id, organisation="Rovaniemen kaupunki").exists()
    page = client.get(practice.url).content.decode()
    assert "Rovaniemen kaupunki" in page
    assert "Kysy kokemuksista" not in page and personal_data.ERASED_NAME not in page

    for original in forms["maija_requests"]:
        support_request = SupportRequest.objects.get(pk=original.pk)
        assert support_request.name == personal_data.ERASED_NAME
        assert support_request.organisation == support_request.email == ""
        assert support_request.phone == support_request.ip_hash == ""
        assert support_request.personal_data_erased_at is not None
        assert support_request.message == original.message
        assert support_request.region_id == original.region_id and support_request.status == original.status
    assert SupportRequestNote.objects.get(pk=note.pk).text == "Soitettu Maijalle."

    # Pekka's rows are untouched.
    pekka_report = PendingAdoption.objects.get(pk=forms["pekka_report"].pk)
    assert (pekka_report.contact_name, pekka_report.contact_email) == ("Pekka", "pekka@example.org")
    assert pekka_report.contact_phone == "040 123 4567" and pekka_report.personal_data_erased_at is None
    pekka_request = SupportRequest.objects.get(pk=forms["pekka_request"].pk)
    assert (pekka_request.name, pekka_request.email, pekka_request.organisation) == (
        "Pekka",
        "pekka@example.org",
        "Kemin kaupunki",
    )
    assert pekka_request.phone and pekka_request.ip_hash and pekka_request.personal_data_erased_at is None
    pekka = json.loads(run("export", "--email", "pekka@example.org")[0])
    assert (len(pekka["ehdotukset"]), len(pekka["kayttoonottoilmoitukset"]), len(pekka["tukipyynnot"])) == (1, 1, 1)


def test_erase_is_idempotent(forms):
    moment = timezone.now() - dt.timedelta(days=3)
    erased = personal_data.erase("maija@example.org", now=moment)
    assert len(erased.proposals) == 2
    assert erased.adoption_reports == [forms["maija_report"].pk]
    assert sorted(erased.support_requests) == sorted(item.reference for item in forms["maija_requests"])

    again = personal_data.erase("maija@example.org")
    assert len(again) == 0
    assert PendingAdoption.objects.get(pk=forms["maija_report"].pk).personal_data_erased_at == moment
    assert {item.personal_data_erased_at for item in SupportRequest.objects.filter(name=personal_data.ERASED_NAME)} == {
        moment
    }
    out, _err = run("erase", "--email", "maija@example.org", "--yes")
    assert "ei löytynyt ehdotuksia, käyttöönottoilmoituksia eikä tukipyyntöjä; mitään ei poistettu." in out
    document = json.loads(run("export", "--email", "maija@example.org")[0])
    assert document["ehdotukset"] == document["kayttoonottoilmoitukset"] == document["tukipyynnot"] == []


def test_erase_is_one_transaction(forms, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("levy täynnä")

    monkeypatch.setattr(SupportRequest, "save", fail)
    with pytest.raises(RuntimeError):
        personal_data.erase("maija@example.org")
    assert Proposal.objects.filter(submitter_email__iexact="maija@example.org").count() == 2
    assert PendingAdoption.objects.get(pk=forms["maija_report"].pk).contact_email == "MAIJA@example.org"


def test_the_admin_queues_show_erased_rows(forms, client, mailoutbox, django_capture_on_commit_callbacks):
    pending = report(forms["practice"], contact_email="maija@example.org", organisation="Maijan yritys Oy")
    personal_data.erase("maija@example.org")
    client.force_login(UserFactory(username="toimittaja", role=permissions.EDITORS))
    mailoutbox.clear()

    queue = client.get("/admin/kayttoonotot/?tila=kaikki")
    assert queue.status_code == 200 and "Maijan yritys Oy" in queue.content.decode()
    detail = client.get(f"/admin/kayttoonotot/{pending.pk}/")
    html = detail.content.decode()
    assert detail.status_code == 200
    assert "Ilmoittajan henkilötiedot poistettiin pyynnöstä" in html
    assert 'href="mailto:"' not in html and "maija@example.org" not in html
    # Deciding on an erased report works and emails nobody.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/admin/kayttoonotot/{pending.pk}/hylkaa/", {"reason": "Ei käytössä."}, follow=True)
    assert callbacks  # the decision email was attempted
    assert "Ilmoittajan yhteystiedot on poistettu, joten viestiä ei lähetetty." in response.content.decode()
    assert mailoutbox == []

    support_request = forms["maija_requests"][0]
    queue = client.get(reverse("regions_admin:index"))
    html = queue.content.decode()
    assert queue.status_code == 200 and support_request.reference in html
    assert f"{personal_data.ERASED_NAME}, " not in html  # no dangling comma for the emptied organisation
    url = reverse("regions_admin:detail", args=[support_request.pk])
    html = client.get(url).content.decode()
    assert "Pyytäjän henkilötiedot poistettiin pyynnöstä" in html
    assert 'href="mailto:"' not in html and "maija@example.org" not in html
    assert "Miten työhönvalmennus aloitetaan pienessä kunnassa?" in html
    response = client.post(url, {"action": "status", "status": "done"}, follow=True)
    assert "Pyytäjän yhteystiedot on poistettu, joten viestiä ei lähetetty." in response.content.decode()
    assert mailoutbox == []


def test_export_includes_the_staff_notes_on_a_support_request_but_not_their_authors(forms):
    worker = UserFactory(username="aluetyontekija", first_name="Terhi", last_name="Tukija")
    request = forms["maija_requests"][0]
    SupportRequestNoteFactory(request=request, text="Soitettu Maijalle, sopi tapaamisen.", author=worker)
    SupportRequestNoteFactory(request=request, kind=SupportRequestNote.Kind.STATUS, text="Uusi → Valmis")

    document = json.loads(run("export", "--email", "maija@example.org")[0])
    first, second = document["tukipyynnot"]
    assert [(note["laji"], note["teksti"]) for note in first["kasittely"]] == [
        ("note", "Soitettu Maijalle, sopi tapaamisen."),
        ("status", "Uusi → Valmis"),
    ]
    assert all(note["aika"] for note in first["kasittely"])
    assert second["kasittely"] == []
    assert "Terhi" not in json.dumps(document) and "aluetyontekija" not in json.dumps(document)
