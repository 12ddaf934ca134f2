import pytest
from django.test import Client

from mallipankki.planning.models import PracticeInterest
from mallipankki.planning.shortlist import SESSION_KEY
from mallipankki.regions.factories import RegionalWorkerFactory


@pytest.fixture
def practices(make_practice):
    return {
        "ips": make_practice(
            id="ips",
            name={"fi": "Työhönvalmennus mielenterveyskuntoutujille"},
            summary={"fi": "Työhönvalmentaja tukee mielenterveyskuntoutujaa työnhaussa ja työpaikalla."},
            target_groups=["mielenterveyskuntoutujat"],
            regions=["FI-15"],
            evidence={"level": 4},
            scaling={"status": "embedded"},
            adoptions=[{"organisation": "Esimerkkikaupunki", "region": "FI-15", "year": 2023}],
        ),
        "kieli": make_practice(
            id="kieli",
            name={"fi": "Kielikahvila"},
            summary={"fi": "Suomen kielen harjoittelua maahanmuuttajille työpaikoilla."},
            target_groups=["maahanmuuttajat"],
        ),
        "ryhma": make_practice(
            id="ryhma",
            name={"fi": "Valokuvausryhmä"},
            summary={"fi": "Mielenterveyskuntoutujien valokuvausryhmä kirjastossa."},
        ),
    }


DESCRIPTION = "Haluamme palkata työhönvalmentajia, jotka tukevat mielenterveyskuntoutujia työnhaussa."


def describe(client, description=DESCRIPTION, **fields):
    return client.post("/suunnittele/", {"description": description, **fields})


def test_plan_page_shows_the_form_and_no_results_before_a_description(client, practices):
    response = client.get("/suunnittele/")
    assert response.status_code == 200
    assert 'name="description"' in response.text
    assert 'id="tulokset"' not in response.text


def test_description_is_kept_in_the_session_and_ranks_the_results(client, practices):
    response = describe(client, target_groups=["mielenterveyskuntoutujat"])
    assert response.status_code == 303
    assert client.session["planning_plan"]["description"] == DESCRIPTION
    page = client.get("/suunnittele/").text
    assert page.index("Työhönvalmennus mielenterveyskuntoutujille") < page.index("Valokuvausryhmä")
    assert "Valitsemasi kohderyhmä:" in page
    assert "<mark>" in page  # the matching words of the summary are highlighted
    assert "4 – toistettu riippumattomasti" in page
    assert "Vakiintunut pysyvään toimintaan" in page
    assert "1 organisaatio" in page
    # The description is in the form again, and only in this visitor's session.
    assert DESCRIPTION in page
    assert DESCRIPTION not in Client().get("/suunnittele/").text


def test_public_regional_worker_of_the_practice_region_is_shown(client, practices):
    from mallipankki.vocabularies.models import Region

    worker = RegionalWorkerFactory(public_contact=True, user__first_name="Aila", user__last_name="Alue")
    worker.regions.set([Region.objects.get(code="FI-15")])
    private = RegionalWorkerFactory(public_contact=False, user__first_name="Piilo", user__last_name="Henkilö")
    private.regions.set([Region.objects.get(code="FI-15")])
    describe(client)
    page = client.get("/suunnittele/").text
    assert "Aila Alue" in page
    assert "Piilo" not in page


def test_clearing_forgets_the_description(client, practices):
    describe(client)
    client.post("/suunnittele/", {"action": "clear"})
    assert "planning_plan" not in client.session
    assert DESCRIPTION not in client.get("/suunnittele/").text


def test_missing_description_is_an_error_in_the_summary(client, practices):
    response = client.post("/suunnittele/", {"description": ""})
    assert response.status_code == 200
    assert "Kirjoita kuvaus hankkeesta." in response.text
    assert 'aria-invalid="true"' in response.text


@pytest.mark.parametrize(
    "description",
    ["työ\x00kokeilu <script>alert(1)</script>", "<b onmouseover=alert(1)>mielenterveys</b>", "a" * 1_000_000],
)
def test_hostile_descriptions_give_no_server_error_and_no_markup(client, practices, description):
    response = describe(client, description)
    assert response.status_code in (200, 303)
    page = client.get("/suunnittele/").text
    assert "<script>alert" not in page
    assert "<b onmouseover" not in page


# --- the API ---------------------------------------------------------------------


def test_matches_api_ranks_as_the_page_with_reasons(client, practices):
    response = client.get(
        "/api/v1/matches", {"description": DESCRIPTION, "target_group": "mielenterveyskuntoutujat", "limit": 2}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    first = data["items"][0]
    assert first["id"] == "ips"
    assert first["name"] == {"fi": "Työhönvalmennus mielenterveyskuntoutujille"}
    assert first["url"].endswith("/ips/")
    assert first["score"] > data["items"][1]["score"]
    assert "Yhteinen kohderyhmä: Mielenterveyskuntoutujat" in first["reasons"]


def test_matches_api_is_in_the_openapi_schema(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/matches"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"description", "theme", "target_group", "region", "limit"} <= names


@pytest.mark.parametrize(
    "params",
    [{}, {"description": "työ", "limit": 101}, {"description": "työ", "theme": "ei-ole"}, {"description": "a" * 5001}],
)
def test_matches_api_refuses_bad_parameters(client, practices, params):
    assert client.get("/api/v1/matches", params).status_code == 422


def test_matches_api_takes_a_nul_byte(client, practices):
    assert client.get("/api/v1/matches", {"description": "mielen\x00terveys"}).status_code == 200


# --- the muistilista --------------------------------------------------------------


def test_adding_needs_csrf(practices):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/muistilista/lisaa/", {"malli": "ips"}).status_code == 403


def test_add_remove_and_count_for_the_header(client, practices):
    response = client.post("/muistilista/lisaa/", {"malli": "ips"}, HTTP_ACCEPT="application/json")
    assert response.json() == {"count": 1, "chosen": ["ips"]}
    client.post("/muistilista/lisaa/", {"malli": "kieli"})
    state = client.get("/muistilista/tila.json")
    assert state["Cache-Control"].startswith("private") or "no-store" in state["Cache-Control"]
    assert state.json()["count"] == 2
    client.post("/muistilista/poista/", {"malli": "ips"})
    assert client.get("/muistilista/tila.json").json()["chosen"] == ["kieli"]


def test_unpublished_or_unknown_practice_cannot_be_added(client, practices, make_practice):
    make_practice(id="luonnos", status="draft")
    assert client.post("/muistilista/lisaa/", {"malli": "luonnos"}).status_code == 404
    assert client.post("/muistilista/lisaa/", {"malli": "../x"}).status_code == 404
    assert SESSION_KEY not in client.session or not client.session[SESSION_KEY]["chosen"]


def test_shared_pages_carry_nothing_of_the_visitor(client, practices):
    client.post("/muistilista/lisaa/", {"malli": "ips"})
    other = Client()
    for path in (practices["ips"].url, "/"):
        mine, theirs = client.get(path), other.get(path)
        assert mine.status_code == 200, path
        assert "csrfmiddlewaretoken" not in mine.text
        assert '<span class="shortlist-count" data-shortlist-count' in mine.text
        assert "1 malli)" not in mine.text
        assert mine.text.count("Poista muistilistalta") == theirs.text.count("Poista muistilistalta")


def test_button_without_javascript_confirms_then_posts(client, practices):
    page = client.get("/muistilista/lisaa/", {"malli": "ips"})
    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in page.text
    assert client.post("/muistilista/lisaa/", {"malli": "ips"}).status_code == 303


def test_notes_and_considered_with_reason(client, practices):
    client.post("/muistilista/lisaa/", {"malli": "ips"})
    client.post("/muistilista/lisaa/", {"malli": "kieli"})
    client.post("/muistilista/muistiinpano/", {"malli": "ips", "note": "Käytämme valmennuksen runkoa."})
    client.post("/muistilista/harkittu/", {"malli": "kieli", "reason": "Kohderyhmä on eri."})
    page = client.get("/muistilista/").text
    assert "Käytämme valmennuksen runkoa." in page
    assert "Harkittu, ei valittu" in page
    assert 'value="Kohderyhmä on eri."' in page
    assert client.get("/muistilista/tila.json").json()["chosen"] == ["ips"]


def test_shareable_link_recreates_the_list(client, practices):
    page = Client().get("/muistilista/", {"mallit": "kieli,ips,ei-ole,ips"}).text
    assert page.index("Kielikahvila") < page.index("Työhönvalmennus mielenterveyskuntoutujille")
    client.post("/muistilista/ota-kayttoon/", {"mallit": "kieli,ips"})
    assert client.get("/muistilista/tila.json").json()["chosen"] == ["kieli", "ips"]


def test_interest_is_counted_once_per_addition_and_without_the_visitor(client, practices):
    client.post("/muistilista/lisaa/", {"malli": "ips"})
    client.post("/muistilista/lisaa/", {"malli": "ips"})
    Client().post("/muistilista/lisaa/", {"malli": "ips"})
    [row] = PracticeInterest.objects.all()
    assert (row.practice_id, row.shortlisted, row.annexed) == (practices["ips"].pk, 2, 0)
    assert {field.name for field in PracticeInterest._meta.fields} == {
        "id",
        "practice",
        "month",
        "shortlisted",
        "annexed",
    }


# --- the comparison ----------------------------------------------------------------


def test_compare_is_a_data_table_with_headers_and_scopes(client, practices):
    response = client.get("/vertaa/", {"mallit": "ips,kieli"})
    assert response.status_code == 200
    assert "<caption" in response.text
    assert response.text.count('<th scope="col">') == 2
    assert '<th scope="row">Näytön taso</th>' in response.text
    assert "ei julkisia yhteystietoja" in response.text


def test_compare_needs_two_published_practices(client, practices):
    assert client.get("/vertaa/", {"mallit": "ips"}).status_code == 400
    assert client.get("/vertaa/", {"mallit": "ips,ei-ole"}).status_code == 400


def test_interest_report_is_for_the_admin_only(client, practices, django_user_model):
    client.post("/muistilista/lisaa/", {"malli": "ips"})
    assert client.get("/admin/reports/kiinnostus/").status_code == 302  # to the login
    admin = django_user_model.objects.create_superuser("paakayttaja", "p@example.org", "salasana-123")
    client.force_login(admin)
    response = client.get("/admin/reports/kiinnostus/")
    assert response.status_code == 200
    assert "Työhönvalmennus mielenterveyskuntoutujille" in response.text
    export = client.get("/admin/reports/kiinnostus/", {"export": "csv"})
    assert (
        b"Lis\xc3\xa4tty muistilistalle" in b"".join(export.streaming_content) if export.streaming else export.content
    )
