"""The open-data page /avoin-data/, its DCAT-AP description and the field guide."""

import copy
import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import override_settings
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from mallipankki.api import field_guide
from mallipankki.api.csv_export import COLUMNS
from mallipankki.api.dcat import LICENCE
from mallipankki.vocabularies.models import Region

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
API = "/api/v1"
# The view restrictions, the facts and the theme names (3), then the site and
# its menu for the base template (3).
PAGE_QUERY_BUDGET = 6


class TableReader(HTMLParser):
    """The tables of a page as lists of rows of cell texts (header cells too)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> list[list[list[str]]]:
    reader = TableReader()
    reader.feed(html)
    return reader.tables


def dcat_graph(client) -> Graph:
    response = client.get("/avoin-data/dcat.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return Graph().parse(data=response.content.decode(), format="json-ld")


# --- the page -------------------------------------------------------------------


@pytest.mark.django_db
def test_open_data_page_offers_both_downloads_licence_and_docs(client, make_practice):
    make_practice(id="julkaistu")
    make_practice(id="luonnos", status="draft")

    response = client.get("/avoin-data/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{API}/export.csv"' in html
    assert f'href="{API}/export.json"' in html
    assert f'href="{API}/docs"' in html
    assert "CC BY 4.0" in html and "https://creativecommons.org/licenses/by/4.0/" in html
    assert f"Lähde: Mallipankki, Yhteiskunnallisten yritysten osaamiskeskus, {settings.BASE_URL}/avoin-data/" in html
    assert "heti, kun malli julkaistaan" in html
    # The count names the published practice only.
    assert re.search(r"<dt>Julkaistuja malleja</dt>\s*<dd>1</dd>", html)


@pytest.mark.django_db
def test_field_tables_come_from_the_schema_with_headers(client, practice_index):
    html = client.get("/avoin-data/").content.decode()

    csv_table, json_table = tables(html)
    assert csv_table[0] == ["Sarake", "Sisältö", "JSON-kenttä"]
    assert [row[0] for row in csv_table[1:]] == COLUMNS
    assert json_table[0] == ["Kenttä", "Sisältö", "Muoto", "Aina mukana"]
    schema = field_guide.load_schema()
    practice = schema["$defs"]["practice"]["properties"]
    shown = {row[0]: row for row in json_table[1:]}
    assert set(practice) <= set(shown)
    # The schema's own words, marked as English; Finnish only where it has none.
    assert shown["evidence.level"][1] == practice["evidence"]["properties"]["level"]["description"]
    assert '<td lang="en">Stable identifier, also the URL slug.</td>' in html
    assert shown["name"][1] == "Mallin nimi kielittäin."
    assert shown["evidence.level"][2] == "kokonaisluku 0–5"
    assert shown["id"][3] == "kyllä" and shown["keywords"][3] == "ei"
    assert '<th scope="col">' in html and '<th scope="row">' in html


def test_every_field_is_described_once():
    gaps = field_guide.description_gaps()

    assert gaps == {"missing": [], "shadowed": [], "unknown": []}


def test_a_new_schema_field_appears_with_its_own_description():
    schema = copy.deepcopy(field_guide.load_schema())
    schema["$defs"]["practice"]["properties"]["languages_spoken"] = {
        "type": "array",
        "items": {"$ref": "#/$defs/lang"},
        "description": "Languages the practice is run in.",
    }
    schema["$defs"]["practice"]["properties"]["motto"] = {"type": "string"}

    fields = {field.path: field for field in field_guide.practice_fields(schema)}

    assert fields["languages_spoken"].description == "Languages the practice is run in."
    assert fields["languages_spoken"].description_lang == "en"
    assert fields["languages_spoken"].format == "luettelo: yksi arvoista: fi, sv, en"
    assert field_guide.description_gaps(schema)["missing"] == ["motto"]


def test_every_csv_column_is_explained():
    columns = field_guide.csv_columns()

    assert [column.name for column in columns] == COLUMNS
    assert all(column.note or (column.field and column.field.description) for column in columns)


@pytest.mark.django_db
def test_footer_open_data_link_leads_to_the_page_not_swagger(client, practice_index):
    html = client.get("/avoin-data/").content.decode()

    assert '<a href="/avoin-data/" aria-current="page">Avoin data</a>' in html
    assert 'href="/api/v1/docs">Avoin data' not in html


@pytest.mark.django_db
def test_open_data_page_embeds_the_dcat_description_as_a_data_block(client, practice_index):
    response = client.get("/avoin-data/")
    html = response.content.decode()

    # No nonce: a data block is not run, so the strict CSP does not block it.
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD script"
    assert "nonce" not in response["Content-Security-Policy"]
    assert json.loads(match.group(1))["@type"] == "dcat:Dataset"
    assert '<link rel="alternate" type="application/ld+json" title="DCAT-AP" href="/avoin-data/dcat.jsonld">' in html


@pytest.mark.django_db
def test_schema_file_is_served_as_json_schema(client):
    response = client.get("/avoin-data/practices-v1.schema.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    assert json.loads(b"".join(response.streaming_content)) == field_guide.load_schema()


# --- DCAT-AP ----------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(OPEN_DATA_CONTACT_EMAIL="avoindata@example.fi")
def test_dcat_description_has_the_dcat_ap_properties(client, make_practice):
    make_practice(id="vanha")
    newest = make_practice(id="uusi")
    base = settings.BASE_URL

    graph = dcat_graph(client)

    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 1
    dataset = datasets[0]
    titles = {title.language: str(title) for title in graph.objects(dataset, DCT.title)}
    assert set(titles) == {"fi", "sv", "en"} and all(titles.values())
    assert {text.language for text in graph.objects(dataset, DCT.description)} == {"fi", "sv", "en"}
    publisher = graph.value(dataset, DCT.publisher)
    assert str(graph.value(publisher, FOAF.name)) == "Yhteiskunnallisten yritysten osaamiskeskus"
    assert graph.value(dataset, DCT.license) == URIRef(LICENCE)
    assert graph.value(dataset, DCAT.landingPage) == URIRef(f"{base}/avoin-data/")
    assert graph.value(dataset, DCAT.theme) == URIRef(
        "http://publications.europa.eu/resource/authority/data-theme/SOCI"
    )
    contact = graph.value(dataset, DCAT.contactPoint)
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:avoindata@example.fi")
    assert graph.value(contact, VCARD.fn) is not None
    modified = graph.value(dataset, DCT.modified)
    assert isinstance(modified, Literal) and modified.toPython() == newest.last_published_at

    distributions = {str(graph.value(d, DCAT.downloadURL)): d for d in graph.objects(dataset, DCAT.distribution)}
    assert set(distributions) == {f"{base}{API}/export.json", f"{base}{API}/export.csv"}
    expected = {"export.json": ("application/json", "JSON"), "export.csv": ("text/csv", "CSV")}
    for url, distribution in distributions.items():
        media_type, file_type = expected[url.rsplit("/", 1)[-1]]
        assert graph.value(distribution, RDF.type) == DCAT.Distribution
        assert graph.value(distribution, DCAT.accessURL) == URIRef(url)
        assert str(graph.value(distribution, DCAT.mediaType)).endswith("/" + media_type)
        assert str(graph.value(distribution, DCT["format"])).endswith("/file-type/" + file_type)
        assert graph.value(distribution, DCT.license) == URIRef(LICENCE)


@pytest.mark.django_db
def test_dcat_download_urls_answer_with_their_media_types(client, make_practice):
    make_practice(id="malli")
    graph = dcat_graph(client)

    for distribution in graph.subjects(RDF.type, DCAT.Distribution):
        url = str(graph.value(distribution, DCAT.downloadURL)).removeprefix(settings.BASE_URL)
        media_type = str(graph.value(distribution, DCAT.mediaType)).rsplit("media-types/", 1)[-1]
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith(media_type), (url, response["Content-Type"])


@pytest.mark.django_db
def test_dcat_without_published_practices_has_no_modified_time(client, practice_index):
    graph = dcat_graph(client)

    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    assert graph.value(dataset, DCT.modified) is None


# --- region slugs -------------------------------------------------------------------


def get_ids(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return sorted(item["id"] for item in response.json()["items"])


@pytest.mark.django_db
def test_region_slug_filters_like_its_code(client, make_practice):
    assert Region.objects.get(code="FI-10").slug == "lappi"
    make_practice(id="lapissa", regions=["FI-10"])
    make_practice(id="pirkanmaalla", regions=["FI-06"])
    pirkanmaa = Region.objects.get(code="FI-06").slug

    assert get_ids(client, f"{API}/practices?region=lappi") == ["lapissa"]
    assert get_ids(client, f"{API}/practices?region=FI-10") == ["lapissa"]
    assert get_ids(client, f"{API}/practices?region=lappi&region={pirkanmaa}") == ["lapissa", "pirkanmaalla"]
    assert get_ids(client, f"{API}/practices?region=lappi&region=FI-10") == ["lapissa"]
    facets = client.get(f"{API}/practices?region=lappi").json()["facets"]
    assert {"code": "FI-10", "count": 1} in facets["region"]


@pytest.mark.django_db
def test_unknown_region_slug_is_a_422_naming_it(client, practice_index):
    response = client.get(f"{API}/practices?region=lappi&region=atlantis")

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", "region"]
    assert "'atlantis'" in error["msg"] and "lappi" not in error["msg"]


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.django_db
def test_csv_export_takes_region_slugs_and_the_other_filters(client, make_practice):
    make_practice(id="lapissa", regions=["FI-10"], themes=["yhteistyo"])
    make_practice(id="lapissa-toinen", regions=["FI-10"], themes=["toimintakyky"])
    make_practice(id="muualla", regions=["FI-06"])

    everything = client.get(f"{API}/export.csv")
    lapland = client.get(f"{API}/export.csv?region=lappi")
    narrowed = client.get(f"{API}/export.csv?region=FI-10&theme=yhteistyo")
    unknown = client.get(f"{API}/export.csv?region=atlantis")

    assert sorted(row["id"] for row in csv_rows(everything)) == ["lapissa", "lapissa-toinen", "muualla"]
    assert sorted(row["id"] for row in csv_rows(lapland)) == ["lapissa", "lapissa-toinen"]
    assert [row["id"] for row in csv_rows(narrowed)] == ["lapissa"]
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["query", "region"]


@pytest.mark.django_db
def test_openapi_says_region_takes_codes_and_slugs(client):
    schema = client.get(f"{API}/openapi.json").json()

    for path in ("practices", "export.csv"):
        parameters = {p["name"]: p for p in schema["paths"][f"{API}/{path}"]["get"]["parameters"]}
        region = parameters["region"]
        assert {"FI-10", "lappi", ""} <= set(region["schema"]["items"]["enum"]), path
        assert "FI-10" in region["description"] and "lappi" in region["description"], path
    assert "422" in schema["paths"][f"{API}/export.csv"]["get"]["responses"]


# --- API docs ---------------------------------------------------------------------


@pytest.mark.django_db
def test_api_docs_page_links_back_to_the_site(client):
    response = client.get(f"{API}/docs")

    html = response.content.decode()
    assert '<html lang="fi">' in html
    assert '<a class="api-docs-header__home" href="/">← Mallipankki</a>' in html
    assert 'href="/avoin-data/"' in html
    # The back link's styles come from a file: nothing inline is added to the page.
    assert "style=" not in html and "<style" not in html


@pytest.mark.django_db
def test_open_data_page_and_dcat_query_budget(client, make_practice, django_assert_max_num_queries):
    for number in range(5):
        make_practice(id=f"malli-{number}")

    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        assert client.get("/avoin-data/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/avoin-data/dcat.jsonld").status_code == 200


@pytest.mark.django_db
def test_matches_take_a_region_slug_as_its_code(client, make_practice):
    make_practice(id="lapissa", regions=["FI-10"], name={"fi": "Nuorten työpaja"})
    make_practice(id="pirkanmaalla", regions=["FI-06"], name={"fi": "Nuorten työpaja"})

    by_slug = client.get(f"{API}/matches", {"description": "nuorten työpaja", "region": "lappi"}).json()
    by_code = client.get(f"{API}/matches", {"description": "nuorten työpaja", "region": "FI-10"}).json()

    assert by_slug == by_code
    assert by_slug["items"][0]["id"] == "lapissa"
    unknown = client.get(f"{API}/matches", {"description": "nuorten työpaja", "region": "atlantis"})
    assert unknown.status_code == 422
    enum = client.get(f"{API}/openapi.json").json()["paths"]["/api/v1/matches"]["get"]["parameters"]
    assert "lappi" in next(p for p in enum if p["name"] == "region")["schema"]["items"]["enum"]
