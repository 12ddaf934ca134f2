"""Scaling guidance: one test per rule of practices/scaling.py."""

import datetime as dt

import pytest

from mallipankki.practices.models import Funding, PracticePage
from mallipankki.practices.scaling import NEEDED, next_stage, scaling_guidance

TODAY = dt.date(2026, 11, 28)


def practice(**fields) -> PracticePage:
    """An unsaved practice: the rules read fields only (funding rows need a saved one)."""
    return PracticePage(title="Malli", **fields)


def by_key(guidance) -> dict:
    return {item.key: item for item in guidance.requirements}


def test_stages_run_from_pilot_to_international_and_stop():
    assert next_stage("pilot") == "local"
    assert next_stage("local") == "regional"
    assert next_stage("regional") == "national"
    assert next_stage("national") == "international"
    assert next_stage("international") == ""
    assert next_stage("") == ""


def test_guidance_names_the_stage_and_the_next_one():
    guidance = scaling_guidance(practice(scaling_stage="local"), today=TODAY)
    assert (guidance.stage, guidance.stage_label) == ("local", "Paikallinen")
    assert (guidance.next_stage, guidance.next_stage_label) == ("regional", "Alueellinen")


def test_missing_owner_asks_to_name_one():
    item = by_key(scaling_guidance(practice(scaling_stage="pilot"), today=TODAY))["owner"]
    assert not item.in_place
    assert item.next_step == "Nimeä, kuka jatkaa mallin ylläpitoa hankkeen jälkeen."


def test_owner_in_place_is_shown_and_needs_no_step():
    item = by_key(scaling_guidance(practice(continuity_owner=" Lapin hyvinvointialue "), today=TODAY))["owner"]
    assert item.in_place and item.value == "Lapin hyvinvointialue" and item.next_step == ""


def test_continuity_funding_in_place_is_shown():
    item = by_key(scaling_guidance(practice(continuity_funding="Kunnan perusbudjetti"), today=TODAY))["funding"]
    assert item.in_place and item.value == "Kunnan perusbudjetti"


@pytest.mark.django_db
def test_missing_funding_step_names_the_end_of_project_funding(make_practice):
    page = make_practice(funding=[{"programme": "ESR+", "start": "2024-01-01", "end": "2027-03-31"}])
    item = by_key(scaling_guidance(page, today=TODAY))["funding"]
    assert not item.in_place
    assert item.next_step == "Hankerahoitus päättyy 31.3.2027: sovi ennen sitä, millä rahoituksella malli jatkuu."


@pytest.mark.django_db
def test_missing_funding_step_says_when_project_funding_ended(make_practice):
    page = make_practice(
        funding=[{"programme": "ESR+", "end": "2025-12-31"}, {"programme": "STEA", "end": "2024-06-30"}]
    )
    step = by_key(scaling_guidance(page, today=TODAY))["funding"].next_step
    assert step.startswith("Hankerahoitus päättyi 31.12.2025:")


@pytest.mark.django_db
def test_missing_funding_step_is_general_when_an_end_date_is_unknown(make_practice):
    page = make_practice(funding=[{"programme": "ESR+", "end": "2025-12-31"}, {"programme": "Kunta"}])
    assert Funding.objects.filter(practice=page).count() == 2
    step = by_key(scaling_guidance(page, today=TODAY))["funding"].next_step
    assert step == "Sovi, millä rahoituksella malli jatkuu hankkeen jälkeen, ja kirjaa se malliin."


@pytest.mark.parametrize(
    ("stage", "needed"),
    [("pilot", (1, 1, 1)), ("local", (2, 1, 2)), ("regional", (3, 2, 2)), ("national", (3, 2, 3))],
)
def test_readiness_needed_grows_with_the_next_stage(stage, needed):
    materials, training, fidelity = needed
    just_enough = practice(
        scaling_stage=stage, readiness_materials=materials, readiness_training=training, readiness_fidelity=fidelity
    )
    items = by_key(scaling_guidance(just_enough, today=TODAY))
    assert all(items[key].in_place for key in ("materials", "training", "fidelity"))

    one_short = practice(
        scaling_stage=stage,
        readiness_materials=materials - 1,
        readiness_training=training - 1,
        readiness_fidelity=fidelity - 1,
    )
    items = by_key(scaling_guidance(one_short, today=TODAY))
    assert not any(items[key].in_place for key in ("materials", "training", "fidelity"))
    assert items["materials"].value == f"{materials - 1}/3"


def test_readiness_steps_ask_for_the_level_the_next_stage_needs():
    items = by_key(
        scaling_guidance(
            practice(scaling_stage="regional", readiness_materials=1, readiness_training=0, readiness_fidelity=0),
            today=TODAY,
        )
    )
    assert NEEDED["national"] == (3, 2, 2)
    assert items["materials"].next_step.startswith("Viimeistele työvälinepaketti")
    assert items["training"].next_step.startswith("Järjestä käyttöönottajille säännöllistä koulutusta")
    assert items["fidelity"].next_step == "Laadi tarkistuslista, jolla toteutusta voi verrata malliin."


def test_unassessed_readiness_is_missing_and_asks_for_an_evaluation():
    guidance = scaling_guidance(practice(scaling_stage="pilot", readiness_materials=2), today=TODAY)
    items = by_key(guidance)
    assert items["materials"].in_place
    assert not items["training"].in_place and not items["training"].assessed
    assert guidance.readiness_total == 2
    assert guidance.next_steps[-1] == "Pyydä mallille arviointi, niin käyttöönottovalmius saadaan näkyviin."


def test_unknown_stage_asks_for_it_and_checks_what_local_use_needs():
    guidance = scaling_guidance(
        practice(readiness_materials=1, readiness_training=1, readiness_fidelity=1), today=TODAY
    )
    assert guidance.stage == "" and guidance.next_stage == ""
    assert all(by_key(guidance)[key].in_place for key in ("materials", "training", "fidelity"))
    assert guidance.next_steps[0].startswith("Kerro, missä mallia käytetään nyt")


def test_last_stage_checks_what_staying_there_needs():
    guidance = scaling_guidance(
        practice(scaling_stage="international", readiness_materials=3, readiness_training=2, readiness_fidelity=2),
        today=TODAY,
    )
    assert guidance.next_stage == ""
    assert [item.key for item in guidance.missing] == ["owner", "funding", "fidelity"]


def test_everything_in_place_leaves_no_steps():
    guidance = scaling_guidance(
        practice(
            scaling_stage="local",
            continuity_owner="Kaupunki",
            continuity_funding="Perusbudjetti",
            readiness_materials=2,
            readiness_training=1,
            readiness_fidelity=2,
        ),
        today=TODAY,
    )
    assert guidance.missing == [] and guidance.next_steps == []
    assert [item.key for item in guidance.in_place] == ["owner", "funding", "materials", "training", "fidelity"]


@pytest.mark.django_db
def test_practice_page_renders_the_guidance(client, make_practice):
    page = make_practice(
        scaling={"stage": "local", "continuity_owner": "Kaupunki"},
        readiness={"materials": 1, "training": 1, "fidelity": 2},
    )
    html = client.get(page.url).content.decode()
    assert "Edellytykset seuraavalle vaiheelle (alueellinen)" in html
    assert "Kaupunki" in html
    assert "Nimeä, kuka jatkaa" not in html
    assert "Sovi, millä rahoituksella malli jatkuu hankkeen jälkeen" in html
    assert "Kokoa mallista käsikirja tai opas" in html
    assert "4/8 pistettä" in html
