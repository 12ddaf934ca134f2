"""A published practice that builds on a draft never reveals the draft's id in open data."""

import json

import pytest

from mallipankki.imports.exporter import iter_export_json
from mallipankki.practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(make_practice):
    make_practice(id="salainen-luonnos", status="draft")
    make_practice(id="julkinen-pohja")
    return make_practice(id="jatkomalli", builds_on=["salainen-luonnos", "julkinen-pohja"])


def test_open_data_names_only_live_practices_it_builds_on(client, linked):
    detail = client.get("/api/v1/practices/jatkomalli").json()
    listing = client.get("/api/v1/practices").content.decode()
    export = b"".join(client.get("/api/v1/export.json").streaming_content).decode()
    csv = b"".join(client.get("/api/v1/export.csv").streaming_content).decode("utf-8-sig")

    assert detail["builds_on"] == ["julkinen-pohja"]
    exported = {record["id"]: record for record in json.loads(export)["practices"]}
    assert exported["jatkomalli"]["builds_on"] == ["julkinen-pohja"]
    for output in (listing, export, csv):
        assert "salainen-luonnos" not in output
    assert "julkinen-pohja" in csv


def test_the_full_export_keeps_every_link_for_the_round_trip(linked):
    export = json.loads("".join(iter_export_json(PracticePage.objects.all())))
    records = {record["id"]: record for record in export["practices"]}

    assert records["jatkomalli"]["builds_on"] == ["salainen-luonnos", "julkinen-pohja"]
