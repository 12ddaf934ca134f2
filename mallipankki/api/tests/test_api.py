import csv
import io
import json

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mallipankki.api.csv_export import COLUMNS, safe_cell
from mallipankki.practices.interchange import export_queryset, practice_to_record
from mallipankki.practices.models import PracticePage
from mallipankki.vocabularies.models import Theme

API = "/api/v1"
PRIVATE_CONTACT = {"name": "Salla Salainen", "email": "salla.salainen@example.fi", "phone": "040 123", "public": False}
PUBLIC_CONTACT = {"name": "Julkinen Jaana", "email": "jaana@example.fi", "public": True}


def full_practice(make_practice, **overrides):
    """A practice with every relation filled, so that every prefetch has rows."""
    record = {
        "summary": {"fi": "Tiivistelmä.", "sv": "Sammanfattning."},
        "themes": ["yhteistyo", "toimintakyky"],
        "target_groups": ["osatyokykyiset", "nuoret"],
        "countries": ["FI", "SE"],
        "regions": ["FI-18", "FI-10"],
        "keywords": ["työkokeilu", "opinnollistaminen"],
        "organisations": [{"name": "Esimerkkisäätiö", "role": "developer", "url": "https://example.fi/"}],
        "funding": [{"programme": "ESR+", "project_code": "S30042"}, {"programme": "STEA", "project_code": "A1"}],
        "resources": [
            {"type": "link", "title": {"fi": "Käsikirja"}, "url": "https://example.fi/kasikirja"},
            {"type": "pdf", "title": {"fi": "Opas"}, "url": "https://example.fi/opas.pdf"},
        ],
        "evidence": {"level": 3, "summary": {"fi": "Vertailuryhmä."}},
        "readiness": {"materials": 2, "training": 1, "fidelity": 1},
        "scaling": {"stage": "regional", "status": "embedded", "continuity_owner": "Hyvinvointialue"},
        "adoptions": [{"organisation": "Toinen kunta", "country": "FI", "region": "FI-19", "year": 2025}],
        "contact": PRIVATE_CONTACT,
    }
    record.update(overrides)
    return make_practice(**record)


def get_json(client, path, params=None, status=200):
    response = client.get(path, params or {})
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def ids(data) -> list[str]:
    return [item["id"] for item in data["items"]]


def streamed(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)


# --- /practices --------------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_published_practices_by_name(client, make_practice):
    make_practice(id="beta", name={"fi": "Beta-malli"})
    make_practice(id="alfa", name={"fi": "Alfa-malli"})
    make_practice(id="luonnos", name={"fi": "Aaa luonnos"}, status="draft")
    make_practice(id="arkistoitu", name={"fi": "Aab arkistoitu"}, status="archived")

    data = get_json(client, f"{API}/practices")

    assert data["count"] == 2
    assert ids(data) == ["alfa", "beta"]


@pytest.mark.django_db
def test_list_item_fields(client, make_practice):
    page = full_practice(make_practice, id="kaikki", name={"fi": "Kaikki kentät", "en": "All fields"})

    item = get_json(client, f"{API}/practices")["items"][0]

    # The texts and names in one language are checked in test_languages.py.
    assert item.pop("lang") == "fi"
    assert item.pop("texts")["name"] == {"value": "Kaikki kentät", "lang": "fi"}
    assert [label["code"] for label in item.pop("labels")["regions"]] == ["FI-10", "FI-18"]
    assert item == {
        "id": "kaikki",
        "name": {"fi": "Kaikki kentät", "en": "All fields"},
        "summary": {"fi": "Tiivistelmä.", "sv": "Sammanfattning."},
        "themes": ["yhteistyo", "toimintakyky"],
        "target_groups": ["osatyokykyiset", "nuoret"],
        "countries": ["FI", "SE"],
        "regions": ["FI-10", "FI-18"],
        "evidence_level": 3,
        "scaling_stage": "regional",
        "updated_at": practice_to_record(page)["updated_at"],
        "url": settings.BASE_URL + page.url,
    }
    assert item["url"].startswith("http")
    assert "contact" not in item


@pytest.mark.django_db
def test_repeated_values_of_a_filter_are_ored(client, make_practice):
    make_practice(id="yhteistyo", themes=["yhteistyo"])
    make_practice(id="tuki", themes=["yksilollinen-tuki"])
    make_practice(id="levitys", themes=["levittaminen"])

    data = get_json(client, f"{API}/practices?theme=yhteistyo&theme=yksilollinen-tuki")

    assert data["count"] == 2
    assert sorted(ids(data)) == ["tuki", "yhteistyo"]


@pytest.mark.django_db
def test_different_filters_are_anded(client, make_practice):
    make_practice(id="molemmat", themes=["yhteistyo"], target_groups=["nuoret"], countries=["FI"])
    make_practice(id="vain-teema", themes=["yhteistyo"], target_groups=["ikaantyneet"], countries=["FI"])
    make_practice(id="vain-ryhma", themes=["levittaminen"], target_groups=["nuoret"], countries=["FI"])
    make_practice(id="muu-maa", themes=["yhteistyo"], target_groups=["nuoret"], countries=["SE"])

    data = get_json(client, f"{API}/practices?theme=yhteistyo&target_group=nuoret&country=FI")

    assert ids(data) == ["molemmat"]
    assert data["count"] == 1


@pytest.mark.django_db
def test_a_practice_matching_several_values_is_listed_once(client, make_practice):
    make_practice(id="kaksi", themes=["yhteistyo", "levittaminen"], regions=["FI-18", "FI-19"])

    data = get_json(client, f"{API}/practices?theme=yhteistyo&theme=levittaminen&region=FI-18&region=FI-19")

    assert data["count"] == 1
    assert ids(data) == ["kaksi"]


@pytest.mark.django_db
def test_region_evidence_and_scaling_filters(client, make_practice):
    make_practice(
        id="vahva",
        regions=["FI-18"],
        evidence={"level": 4},
        scaling={"stage": "national"},
    )
    make_practice(id="heikko", regions=["FI-18"], evidence={"level": 1}, scaling={"stage": "pilot"})
    make_practice(id="arvioimaton", regions=["FI-10"])

    assert sorted(ids(get_json(client, f"{API}/practices?region=FI-18"))) == ["heikko", "vahva"]
    assert ids(get_json(client, f"{API}/practices?evidence_min=3")) == ["vahva"]
    assert get_json(client, f"{API}/practices?evidence_min=0")["count"] == 3
    both_stages = get_json(client, f"{API}/practices?scaling_stage=pilot&scaling_stage=national")
    assert sorted(ids(both_stages)) == ["heikko", "vahva"]
    assert ids(get_json(client, f"{API}/practices?scaling_stage=pilot&evidence_min=2")) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "theme=",
        "target_group=",
        "country=",
        "region=",
        "scaling_stage=",
        "country=&country=",
        "evidence_min=",
        "q=",
        "theme=&target_group=&country=&region=&scaling_stage=&evidence_min=&q=",
    ],
)
def test_an_empty_filter_is_no_filter(client, make_practice, query):
    # ?country= is what an HTML form sends for a select left unchosen.
    make_practice(id="suomessa", countries=["FI"], regions=["FI-18"], evidence={"level": 2})
    make_practice(id="ruotsissa", countries=["SE"], scaling={"stage": "pilot"})

    assert get_json(client, f"{API}/practices?{query}") == get_json(client, f"{API}/practices")


@pytest.mark.django_db
def test_empty_values_beside_codes_and_unknown_codes_beside_empty_values(client, make_practice):
    make_practice(id="suomessa", countries=["FI"])
    make_practice(id="ruotsissa", countries=["SE"])

    assert ids(get_json(client, f"{API}/practices?country=FI&country=")) == ["suomessa"]
    assert ids(get_json(client, f"{API}/practices?country=&theme=&evidence_min=&country=SE")) == ["ruotsissa"]
    error = get_json(client, f"{API}/practices?country=&country=XX&region=", status=422)
    assert error["detail"] == [
        {"loc": ["query", "country"], "msg": "Unknown country code: 'XX'", "type": "unknown_code"}
    ]
    assert get_json(client, f"{API}/practices?country=%20", status=422)["detail"][0]["type"] == "unknown_code"


@pytest.mark.django_db
def test_pagination(client, make_practice):
    for number in range(25):
        make_practice(id=f"malli-{number:02}", name={"fi": f"Malli {number:02}"})

    first = get_json(client, f"{API}/practices")
    assert first["count"] == 25
    assert len(first["items"]) == 20
    assert ids(first)[0] == "malli-00"

    page = get_json(client, f"{API}/practices?limit=5&offset=10")
    assert page["count"] == 25
    assert ids(page) == [f"malli-{number:02}" for number in range(10, 15)]

    last = get_json(client, f"{API}/practices?limit=100&offset=20")
    assert ids(last) == [f"malli-{number:02}" for number in range(20, 25)]
    past_end = get_json(client, f"{API}/practices?offset=500")
    assert (past_end["count"], past_end["items"]) == (25, [])


# --- /practices/{id} ---------------------------------------------------------


@pytest.mark.django_db
def test_detail_is_the_public_interchange_record_plus_url(client, make_practice):
    page = full_practice(make_practice, id="yksityinen")

    data = get_json(client, f"{API}/practices/yksityinen")

    public = practice_to_record(export_queryset(PracticePage.objects.filter(pk=page.pk)).get())
    assert data == {
        **public,
        "url": settings.BASE_URL + page.url,
        "lineage": {"builds_on": [], "built_upon_by": []},
        # The texts in one language each (test_languages.py); Finnish by default.
        "lang": "fi",
        "texts": data["texts"],
        "labels": data["labels"],
    }
    assert data["texts"]["name"] == {"value": public["name"]["fi"], "lang": "fi"}
    assert data["status"] == "published"
    assert "contact" not in data
    assert "salla.salainen" not in json.dumps(data)


@pytest.mark.django_db
def test_detail_shows_a_contact_marked_public(client, make_practice):
    make_practice(id="julkinen", contact=PUBLIC_CONTACT)

    data = get_json(client, f"{API}/practices/julkinen")

    assert data["contact"] == {"name": "Julkinen Jaana", "email": "jaana@example.fi", "public": True}


@pytest.mark.django_db
@pytest.mark.parametrize("practice_id", ["olematon", "luonnos", "Luonnos", "x" * 10_000, "a%00b", "%C3%A4"])
def test_detail_404_for_unknown_and_unpublished(client, make_practice, practice_id):
    make_practice(id="luonnos", status="draft")

    data = get_json(client, f"{API}/practices/{practice_id}", status=404)

    assert isinstance(data["detail"], str)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/olematon", "/practices/a/b", "/practices/..%2F"])
def test_unknown_api_paths_are_a_json_404(client, practice_index, path):
    data = get_json(client, API + path, status=404)

    assert data == {"detail": "Not Found"}


# --- bad parameters ------------------------------------------------------------

BAD_PARAMETERS = [
    ("theme=olematon", "olematon"),
    ("theme=yhteistyo&theme=olematon", "olematon"),
    ("target_group=olematon", "olematon"),
    ("country=XX", "XX"),
    ("region=FI-99", "FI-99"),
    ("scaling_stage=huge", "huge"),
    ("theme=%00", None),
    ("country=F%00I", None),
    ("region=" + "a" * 10_000, None),
    ("theme=" + "&theme=".join(["yhteistyo"] * 51), None),
    ("evidence_min=6", None),
    ("evidence_min=-1", None),
    ("evidence_min=kolme", None),
    ("evidence_min=1.5", None),
    ("limit=1000000000", None),
    ("limit=101", None),
    ("limit=0", None),
    ("limit=-5", None),
    ("limit=abc", None),
    ("limit=%00", None),
    ("offset=-1", None),
    ("offset=100000000000000000000", None),
    ("offset=1e3", None),
    ("theme=yhteisty%01o", None),
    ("theme=yhteistyo%0A", None),
    ("theme=" + "&theme=".join(["yhteistyo"] * 1001), None),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "named"), BAD_PARAMETERS)
def test_bad_parameters_are_a_json_4xx(client, make_practice, query, named):
    make_practice(id="olemassa")

    response = client.get(f"{API}/practices?{query}")

    assert 400 <= response.status_code < 500, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    error = response.json()
    assert error["detail"]
    if named:
        assert named in json.dumps(error["detail"])
    # The error never echoes a huge input back.
    assert len(response.content) < 2000


@pytest.mark.django_db
def test_unknown_code_error_names_the_parameter_and_value(client, practice_index):
    response = client.get(f"{API}/practices?theme=yhteistyo&theme=olematon&country=ZZ")

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert {tuple(error["loc"]) for error in detail} == {("query", "theme"), ("query", "country")}
    assert "olematon" in detail[0]["msg"] and "yhteistyo" not in detail[0]["msg"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/practices", "/practices/olemassa", "/vocabularies", "/export.json", "/export.csv"])
def test_writes_are_not_allowed(client, make_practice, method, path):
    make_practice(id="olemassa")

    response = getattr(client, method)(API + path, data="{}", content_type="application/json")

    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert PracticePage.objects.filter(slug="olemassa", live=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/practices", "/practices/olemassa", "/vocabularies", "/export.json", "/export.csv"])
def test_head_is_allowed_and_has_no_body(client, make_practice, path):
    make_practice(id="olemassa")

    response = client.head(API + path)

    assert response.status_code == 200
    body = streamed(response) if response.streaming else response.content
    assert body == b""


# --- CORS, OpenAPI, docs ---------------------------------------------------------


@pytest.mark.django_db
def test_cors_allows_any_origin_to_read(client, practice_index):
    response = client.get(f"{API}/practices", headers={"Origin": "https://data.example.org"})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.django_db
def test_cors_preflight_offers_only_reading(client, practice_index):
    response = client.options(
        f"{API}/practices",
        headers={"Origin": "https://data.example.org", "Access-Control-Request-Method": "GET"},
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.django_db
def test_openapi_document(client):
    response = client.get(f"{API}/openapi.json")

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Mallipankki avoin data"
    assert "avoin data" in schema["info"]["description"]
    paths = schema["paths"]
    for path in ["practices", "practices/{practice_id}", "vocabularies", "export.json", "export.csv"]:
        assert set(paths[f"{API}/{path}"]) == {"get"}, path
    parameters = {p["name"] for p in paths[f"{API}/practices"]["get"]["parameters"]}
    assert parameters == {
        "q",
        "theme",
        "target_group",
        "country",
        "region",
        "evidence_min",
        "scaling_stage",
        "limit",
        "offset",
        "lang",
        "laajenna",
    }


@pytest.mark.django_db
def test_openapi_lists_the_codes_each_filter_takes_and_the_empty_value(client):
    Theme.objects.create(code="uusi-teema", name_fi="Uusi teema")

    schema = get_json(client, f"{API}/openapi.json")

    parameters = {p["name"]: p["schema"] for p in schema["paths"][f"{API}/practices"]["get"]["parameters"]}
    themes = parameters["theme"]["items"]["enum"]
    assert themes[0] == ""
    assert set(themes[1:]) == set(Theme.objects.values_list("code", flat=True))
    assert "uusi-teema" in themes
    assert "FI" in parameters["country"]["items"]["enum"]
    assert "FI-18" in parameters["region"]["items"]["enum"]
    assert "nuoret" in parameters["target_group"]["items"]["enum"]
    assert parameters["scaling_stage"]["items"]["enum"] == ["", *PracticePage.ScalingStage.values]
    assert {"type": "string", "const": ""} in parameters["evidence_min"]["anyOf"]


@pytest.mark.django_db
def test_docs_page_uses_local_static_files(client):
    response = client.get(f"{API}/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"{settings.STATIC_URL}ninja/swagger-ui-bundle.js" in html
    assert f"{settings.STATIC_URL}ninja/swagger-ui.css" in html
    assert "cdn" not in html.lower()
    assert f"{API}/openapi.json" in html


# --- /vocabularies -------------------------------------------------------------


@pytest.mark.django_db
def test_vocabularies_from_the_database(client):
    Theme.objects.filter(code="yhteistyo").update(name_fi="Yhteistyö ja verkostot")
    with open(settings.PACKAGE_DIR / "formats" / "vocabularies-v1.json", encoding="utf-8") as fp:
        shipped = json.load(fp)

    data = get_json(client, f"{API}/vocabularies")

    assert (data["format"], data["version"]) == ("vocabularies", 1)
    assert set(data) == {"format", "version", "themes", "target_groups", "regions", "countries"}
    for kind in ("themes", "target_groups", "regions"):
        assert [term["code"] for term in data[kind]] == [term["code"] for term in shipped[kind]]
    assert data["themes"][0] == {
        "code": "yhteistyo",
        "name": {"fi": "Yhteistyö ja verkostot", "sv": "Samarbete", "en": "Cooperation"},
    }
    assert data["regions"][-1] == shipped["regions"][-1]
    finland = next(term for term in data["countries"] if term["code"] == "FI")
    assert finland["name"]["fi"] == "Suomi"
    assert len(data["countries"]) > 200


# --- /export.json --------------------------------------------------------------


@pytest.mark.django_db
def test_export_json_streams_published_public_records(client, make_practice):
    page = full_practice(make_practice, id="julkaistu")
    make_practice(id="toinen", contact=PUBLIC_CONTACT)
    make_practice(id="luonnos", status="draft", contact=PRIVATE_CONTACT)

    response = client.get(f"{API}/export.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="mallipankki-practices.json"'
    body = streamed(response)
    document = json.loads(body)
    assert (document["format"], document["version"]) == ("practices", 1)
    assert document["exported_at"].endswith("Z")
    records = {record["id"]: record for record in document["practices"]}
    assert set(records) == {"julkaistu", "toinen"}
    assert records["julkaistu"] == practice_to_record(export_queryset(PracticePage.objects.filter(pk=page.pk)).get())
    assert records["toinen"]["contact"]["email"] == "jaana@example.fi"
    assert b"salla.salainen" not in body


# --- /export.csv ---------------------------------------------------------------


def read_csv(response) -> list[dict]:
    body = streamed(response)
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == COLUMNS
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.mark.django_db
def test_export_csv(client, make_practice):
    page = full_practice(make_practice, id="csv-malli", name={"fi": "CSV-malli", "sv": "CSV-modell"})
    make_practice(id="luonnos", status="draft")

    response = client.get(f"{API}/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mallipankki-practices.csv"'
    rows = read_csv(response)
    assert len(rows) == 1
    row = rows[0]
    assert row == {
        "id": "csv-malli",
        "name_fi": "CSV-malli",
        "name_sv": "CSV-modell",
        "name_en": "",
        "summary_fi": "Tiivistelmä.",
        "themes": "yhteistyo; toimintakyky",
        "target_groups": "osatyokykyiset; nuoret",
        "countries": "FI; SE",
        "regions": "FI-10; FI-18",
        "keywords": "työkokeilu; opinnollistaminen",
        "evidence_level": "3",
        "readiness_total": "4",
        "scaling_stage": "regional",
        "continuity_status": "embedded",
        "continuity_owner": "Hyvinvointialue",
        "organisations": "Esimerkkisäätiö",
        "funding_programmes": "ESR+; STEA",
        "project_codes": "S30042; A1",
        "resource_urls": "https://example.fi/kasikirja; https://example.fi/opas.pdf",
        "url": settings.BASE_URL + page.url,
        "updated_at": practice_to_record(page)["updated_at"],
    }


@pytest.mark.django_db
def test_export_csv_has_no_contact_data(client, make_practice):
    full_practice(make_practice, id="yksityinen")
    full_practice(make_practice, id="julkinen", contact=PUBLIC_CONTACT)

    body = streamed(client.get(f"{API}/export.csv")).decode("utf-8-sig")

    for secret in ("Salla", "salla.salainen", "040 123", "Jaana", "jaana@example.fi"):
        assert secret not in body


@pytest.mark.django_db
def test_export_csv_defuses_formulas(client, make_practice):
    make_practice(
        id="kaava",
        name={"fi": '=HYPERLINK("https://evil.example/","klikkaa")', "sv": "+SUM(A1:A2)", "en": "@cmd"},
        summary={"fi": "-2+3"},
        keywords=["=1+1", "turvallinen"],
        organisations=[{"name": "\tTabulaattori", "role": "owner"}, {"name": "Ok", "role": "partner"}],
        scaling={"continuity_owner": "\rRivinvaihto"},
    )

    row = read_csv(client.get(f"{API}/export.csv"))[0]

    assert row["name_fi"] == '\'=HYPERLINK("https://evil.example/","klikkaa")'
    assert row["name_sv"] == "'+SUM(A1:A2)"
    assert row["name_en"] == "'@cmd"
    assert row["summary_fi"] == "'-2+3"
    assert row["keywords"] == "'=1+1; turvallinen"
    assert row["organisations"] == "'\tTabulaattori; Ok"
    assert row["continuity_owner"] == "'\rRivinvaihto"
    for column, value in row.items():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), column


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1", "'=1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
        (None, ""),
        (3, "3"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


# --- query budgets -------------------------------------------------------------


def count_queries(client, path) -> int:
    client.get(path)  # warm caches (site root paths, content types) outside the count
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
        assert response.status_code == 200
        if response.streaming:
            streamed(response)
    return len(context.captured_queries)


# Measured on SQLite with every relation filled; the per-chunk prefetches of
# export_queryset are most of each count. Budgets fail only if a count grows.
# The list counts its facets in one more query (see test_search_api.py).
# +1 on the list and detail: the vocabularies' names for `labels`.
BUDGETED = {
    f"{API}/practices": 17,
    f"{API}/practices?theme=yhteistyo&target_group=nuoret&country=FI&region=FI-18&evidence_min=1": 21,
    # +1: the practices that build on this one, for the lineage notes.
    f"{API}/practices/malli-budjetti-0": 15,
    f"{API}/export.csv": 14,
    f"{API}/export.json": 15,
    "/syotteet/mallit.atom": 3,
}


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_practices(client, make_practice, django_assert_max_num_queries):
    for number in range(3):
        full_practice(make_practice, id=f"malli-budjetti-{number}", builds_on=["malli-budjetti-0"] if number else [])
    few = {path: count_queries(client, path) for path in BUDGETED}

    for number in range(3, 12):
        full_practice(make_practice, id=f"malli-budjetti-{number}", builds_on=["malli-budjetti-0"])
    many = {path: count_queries(client, path) for path in BUDGETED}

    assert many == few
    for path, budget in BUDGETED.items():
        client.get(path)
        with django_assert_max_num_queries(budget):
            response = client.get(path)
            if response.streaming:
                streamed(response)
    print("query counts:", few)


@pytest.mark.django_db
@pytest.mark.parametrize(("value", "status"), [("2.0", 200), ("2.5", 422), ("nan", 422), ("inf", 422), ("1e400", 422)])
def test_evidence_min_takes_an_integral_number_as_json_schema_does(client, make_practice, value, status):
    make_practice(id="taso-kolme", evidence={"level": 3})

    response = client.get(f"{API}/practices", {"evidence_min": value})

    assert response.status_code == status
    if status == 200:
        assert [item["id"] for item in response.json()["items"]] == ["taso-kolme"]
