"""Query budgets of the public pages: a page's SQL statements stay under its
budget and do not grow with the number of practices it lists (speed under
load, issue 23; bench/README.md has the measured figures)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mallipankki.pages.factories import ThemePageFactory
from mallipankki.planning import match_index

# Page → (address, most SQL statements): measured on this fixture plus two to spare.
BUDGETS = {
    "home": ("/", 17),
    "theme": ("/yhteistyo/", 20),
    "practice": ("/mallit/malli-0/", 28),
    "catalogue": ("/mallit/", 20),
    "catalogue filter": ("/mallit/?teema=yhteistyo&kohderyhma=nuoret", 20),
    "region": ("/alueet/lappi/", 26),
    "family tree": ("/mallit/malli-0/sukupuu/", 19),
    "planning matches": ("/api/v1/matches?description=nuorten+ty%C3%B6llistyminen+Lapissa", 8),
    "search": ("/mallit/?q=nuoret", 20),
    "API list": ("/api/v1/practices", 15),
}


@pytest.fixture
def site(home_page, make_practice):
    match_index.forget()
    ThemePageFactory(parent=home_page, slug="yhteistyo")
    made = []

    def add(count):
        for _ in range(count):
            number = len(made)
            made.append(
                make_practice(
                    id=f"malli-{number}",
                    name={"fi": f"Nuorten työllistymisen malli {number}"},
                    summary={"fi": "Nuoret työllistyvät Lapissa työkokeilun ja valmennuksen avulla."},
                    themes=["yhteistyo"],
                    target_groups=["nuoret", "maahanmuuttajat"],
                    regions=["FI-10", "FI-12"],
                    resources=[{"type": "link", "title": {"fi": "Opas"}, "url": f"https://example.fi/{number}"}],
                    adoptions=[{"organisation": "Rovaniemi", "region": "FI-10", "year": 2024}],
                    builds_on=["malli-0"] if number else [],
                )
            )
        match_index.forget()

    yield add
    match_index.forget()


def statements(client, address) -> int:
    client.get(address)  # the first request of a test fills per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    return len(queries)


@pytest.mark.django_db
def test_public_pages_stay_within_their_query_budgets_however_many_practices_they_list(client, site):
    # Beyond a region page's preview of 6 cards, whose lists then ask for their counts.
    site(7)
    few = {name: statements(client, address) for name, (address, _budget) in BUDGETS.items()}
    site(7)
    many = {name: statements(client, address) for name, (address, _budget) in BUDGETS.items()}
    grown = {name: (few[name], many[name]) for name in many if many[name] != few[name]}
    assert not grown, f"queries grow with the practices listed (an N+1): {grown}"
    over = {name: count for name, count in many.items() if count > BUDGETS[name][1]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"


@pytest.mark.django_db
def test_planning_pages_stay_within_their_query_budgets_however_long_the_shortlist(client, site):
    site(3)
    client.post("/suunnittele/", {"description": "Nuorten työllistyminen Lapissa työkokeilulla"})
    for number in range(3):
        client.post("/muistilista/lisaa/", {"malli": f"malli-{number}"})
    few = {address: statements(client, address) for address in ("/suunnittele/", "/muistilista/")}
    site(6)
    for number in range(3, 9):
        client.post("/muistilista/lisaa/", {"malli": f"malli-{number}"})
    many = {address: statements(client, address) for address in ("/suunnittele/", "/muistilista/")}
    assert many == few, "a planning page's queries grow with the shortlist or the matches"
    # Measured 17 and 13.
    assert many["/suunnittele/"] <= 19 and many["/muistilista/"] <= 15, many
