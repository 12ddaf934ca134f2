"""manage.py submitter_data: a submitter's personal data exported as JSON, or erased on request."""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mallipankki.proposals import personal_data
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import make_site, pdf_upload, proposal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposals(settings, tmp_path):
    """Two proposals by Maija (one with her address in capitals), one by someone else."""
    settings.PROPOSAL_FILES_ROOT = str(tmp_path / "private")
    make_site()
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
    assert "Viety 2 ehdotuksen tiedot." in err


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
    assert "Valmis: 2 ehdotuksen henkilötiedot poistettu." in out
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
    from mallipankki.evaluation import roles
    from mallipankki.proposals.tests.helpers import make_user

    client = Client()
    client.force_login(make_user("toimittaja", roles.EDITORS))
    response = client.get(reverse("proposals_admin:detail", args=[erased.pk]))
    assert "Ehdottajan henkilötiedot poistettiin pyynnöstä" in response.content.decode()
    assert "pekka@example.org" not in response.content.decode()
