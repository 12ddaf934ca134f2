"""What the practice page says where it has little to say: adoptions and the
conditions for the next scaling stage (issue 19)."""

import pytest
from bs4 import BeautifulSoup

from mallipankki.practices.models import Adoption

pytestmark = pytest.mark.django_db


def section(client, practice, section_id) -> BeautifulSoup:
    response = client.get(practice.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id=section_id)


def test_a_practice_without_adoptions_says_there_are_none_not_no_others(client, make_practice):
    practice = make_practice()
    text = section(client, practice, "kaytto").get_text(" ", strip=True)
    assert "Käyttöönottoja ei ole vielä ilmoitettu." in text
    assert "Muita" not in text
    assert "ensimmäisenä" in text


def test_a_practice_with_adoptions_lists_them_and_asks_for_more(client, make_practice):
    practice = make_practice()
    Adoption.objects.create(practice=practice, organisation="Rovaniemen kaupunki", year=2024)
    text = section(client, practice, "kaytto").get_text(" ", strip=True)
    assert "Rovaniemen kaupunki" in text
    assert "ei ole vielä ilmoitettu" not in text
    assert "Käyttääkö myös teidän organisaationne" in text


def test_conditions_tell_unknown_apart_from_falling_short(client, make_practice):
    practice = make_practice(
        scaling={"stage": "local", "continuity_owner": "Lapin hyvinvointialue"},
        readiness={"materials": 1},
    )
    conditions = section(client, practice, "jatkuvuus")
    headings = [h.get_text(strip=True) for h in conditions.find_all("h4")]
    assert "Puuttuu" not in headings
    assert headings[:3] == ["Valmiina", "Ei vielä riittävällä tasolla", "Näistä ei ole vielä tietoa"]
    short, unknown = (h.find_next("ul") for h in conditions.find_all("h4")[1:3])
    # Regional use needs materials 2/3: the score is known and too low.
    assert short.get_text(" ", strip=True) == "Materiaalit: nyt 1/3, tarvitaan 2/3"
    unknown_items = [li.get_text(" ", strip=True) for li in unknown.find_all("li")]
    assert unknown_items == [
        "Jatkorahoitus (ei kerrottu mallin tiedoissa)",
        "Koulutus ja tuki (ei vielä arvioitu)",
        "Mallin mukaisuuden välineet (ei vielä arvioitu)",
    ]


def test_guidance_splits_missing_into_short_and_unknown():
    from mallipankki.practices.models import PracticePage
    from mallipankki.practices.scaling import scaling_guidance

    guidance = scaling_guidance(PracticePage(title="Malli", scaling_stage="pilot", readiness_training=0))
    assert [item.key for item in guidance.short] == ["training"]
    assert guidance.short[0].needed == "1/2"
    assert [item.key for item in guidance.unknown] == ["owner", "funding", "materials", "fidelity"]
    assert guidance.missing == [item for item in guidance.requirements if item in guidance.short + guidance.unknown]
