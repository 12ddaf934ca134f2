"""GET /api/v1/practices?q=…: relevance ranking through the search engine,
within the other filters, and facet counts in the answer."""

import pytest

from mallipankki.api.tests.test_api import API, full_practice, get_json, ids
from mallipankki.search.query import forget_prepared_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_prepared_queries():
    forget_prepared_queries()


FACET_KEYS = [
    "theme",
    "target_group",
    "country",
    "region",
    "evidence_level",
    "scaling_stage",
    "resource_type",
    "continuity_status",
    "has_adoptions",
]


@pytest.fixture
def practices(make_practice):
    make_practice(
        id="tyokokeilu",
        name={"fi": "Työkokeilun portaat"},
        summary={"fi": "Työkokeilu jatkuu palkkatuettuna työnä."},
        themes=["yksilollinen-tuki"],
        countries=["FI"],
        regions=["FI-18"],
        evidence={"level": 3},
        scaling={"stage": "regional", "status": "embedded"},
    )
    make_practice(
        id="kulttuuri",
        name={"fi": "Kokeilukulttuuri kunnassa"},
        summary={"fi": "Kunta kokeilee. Työkokeilu mainitaan vain ohimennen."},
        themes=["yhteistyo"],
        countries=["FI"],
        regions=["FI-19"],
        evidence={"level": 1},
    )
    make_practice(
        id="kahvila",
        name={"fi": "Kielikahvila"},
        summary={"fi": "Suomen kielen harjoittelua työpaikoilla."},
        themes=["osaamisen-kehittaminen"],
        countries=["SE"],
    )
    make_practice(id="luonnos", name={"fi": "Työkokeilu luonnoksena"}, status="draft")


def test_q_ranks_by_relevance_with_finnish_analysis(client, practices):
    data = get_json(client, f"{API}/practices", {"q": "työkokeiluun"})
    assert ids(data) == ["tyokokeilu", "kulttuuri"]
    assert data["count"] == 2
    assert data["items"][0]["url"].endswith("/mallit/tyokokeilu/")


def test_q_stays_within_the_other_filters(client, practices):
    assert ids(get_json(client, f"{API}/practices", {"q": "työkokeilu", "region": "FI-19"})) == ["kulttuuri"]
    assert ids(get_json(client, f"{API}/practices", {"q": "työkokeilu", "evidence_min": 2})) == ["tyokokeilu"]
    data = get_json(client, f"{API}/practices", {"q": "työkokeilu", "theme": ["yhteistyo", "osaamisen-kehittaminen"]})
    assert ids(data) == ["kulttuuri"]


def test_q_pages_with_limit_and_offset(client, practices):
    data = get_json(client, f"{API}/practices", {"q": "työkokeilu", "limit": 1, "offset": 1})
    assert ids(data) == ["kulttuuri"] and data["count"] == 2


def test_answer_has_facets_of_the_query_in_the_documented_shape(client, practices):
    data = get_json(client, f"{API}/practices", {"q": "työkokeilu"})
    facets = data["facets"]
    assert list(facets) == FACET_KEYS
    assert facets["theme"] == [{"code": "yhteistyo", "count": 1}, {"code": "yksilollinen-tuki", "count": 1}]
    assert facets["country"] == [{"code": "FI", "count": 2}]
    assert facets["evidence_level"] == [{"code": "1", "count": 1}, {"code": "3", "count": 1}]
    assert facets["continuity_status"] == [{"code": "embedded", "count": 1}]
    assert facets["has_adoptions"] == []


def test_a_facets_own_filter_is_left_out_of_its_counts(client, practices):
    facets = get_json(client, f"{API}/practices", {"region": "FI-18"})["facets"]
    assert facets["region"] == [{"code": "FI-18", "count": 1}, {"code": "FI-19", "count": 1}]
    assert facets["theme"] == [{"code": "yksilollinen-tuki", "count": 1}]


def test_without_q_the_list_is_by_name_and_has_facets(client, practices):
    data = get_json(client, f"{API}/practices")
    assert ids(data) == ["kahvila", "kulttuuri", "tyokokeilu"]
    assert {value["code"]: value["count"] for value in data["facets"]["country"]} == {"FI": 2, "SE": 1}


def test_adoptions_facet(client, make_practice):
    full_practice(make_practice, id="kaytossa")
    make_practice(id="ei-kaytossa")
    facets = get_json(client, f"{API}/practices")["facets"]
    assert facets["has_adoptions"] == [{"code": "yes", "count": 1}]


def test_openapi_documents_q_and_the_facets(client):
    schema = get_json(client, f"{API}/openapi.json")
    parameters = {p["name"] for p in schema["paths"][f"{API}/practices"]["get"]["parameters"]}
    assert "q" in parameters
    components = schema["components"]["schemas"]
    assert components["PracticeList"]["properties"]["facets"]
    assert list(components["Facets"]["properties"]) == FACET_KEYS
    assert set(components["FacetCount"]["properties"]) == {"code", "count"}


HOSTILE_Q = [
    '"',
    '""',
    "'",
    "työ AND OR NOT",
    "NEAR(työ kokeilu)",
    "työ*",
    "^työ",
    "terms_a:työ",
    "((työ)",
    "-työ",
    "työ\x00kokeilu",
    "\x00",
    "%s %(x)s %%",
    "'; DROP TABLE search_searchdocument; --",
    "東京 työkokeilu مرحبا Ωmega",
    "😀",
    "\u202etyö\u200b",
    "a" * 999,
    "a" * 10_000,
    "työkokeilu " * 1000,
]


@pytest.mark.parametrize("q", HOSTILE_Q, ids=range(len(HOSTILE_Q)))
def test_hostile_q_is_never_a_server_error(client, practices, q):
    response = client.get(f"{API}/practices", {"q": q, "theme": "yhteistyo"})
    assert response.status_code in (200, 422), response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    if response.status_code == 200:
        assert list(data["facets"]) == FACET_KEYS
    else:
        assert len(q) > 1000 and len(response.content) < 2000


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["q=a&q=b", "evidence_min=0.5", "evidence_min=1&evidence_min=2", "limit=1e1", "offset=-0", "limit=2.5"]
)
def test_a_parameter_the_list_would_bend_is_refused(client, query):
    response = client.get(f"/api/v1/practices?{query}")

    assert response.status_code == 422
    assert response.json()["detail"]
