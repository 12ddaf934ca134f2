"""lang= and Accept-Language on the practice endpoints: one language per text, saying which."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(make_practice):
    return make_practice(
        id="arbetsprovning",
        name={"fi": "Työkokeilu portaittain", "sv": "Arbetsprövning steg för steg"},
        summary={"fi": "Työkokeilu etenee vaiheittain.", "sv": "Arbetsprövningen går framåt i steg."},
        description={"en": "Written only in English."},
        themes=["yhteistyo"],
    )


def only(response):
    items = response.json()["items"]
    assert len(items) == 1
    return items[0]


def test_list_in_swedish_gives_swedish_texts_and_names(client, bilingual):
    response = client.get("/api/v1/practices", {"lang": "sv"})

    item = only(response)
    assert item["lang"] == "sv"
    assert item["texts"]["name"] == {"value": "Arbetsprövning steg för steg", "lang": "sv"}
    assert item["texts"]["summary"]["lang"] == "sv"
    assert item["labels"]["themes"] == [{"code": "yhteistyo", "value": "Samarbete", "lang": "sv"}]
    assert response["Content-Language"] == "sv"
    # The full record stays: every language is still there.
    assert item["name"] == {"fi": "Työkokeilu portaittain", "sv": "Arbetsprövning steg för steg"}


def test_missing_english_falls_back_to_finnish_and_says_so(client, bilingual):
    item = only(client.get("/api/v1/practices", {"lang": "en"}))

    assert item["texts"]["name"] == {"value": "Työkokeilu portaittain", "lang": "fi"}


def test_detail_text_written_only_in_english_is_marked_english(client, bilingual):
    detail = client.get("/api/v1/practices/arbetsprovning", {"lang": "fi"}).json()

    assert detail["texts"]["description"] == {"value": "Written only in English.", "lang": "en"}
    assert detail["texts"]["name"]["lang"] == "fi"


@pytest.mark.parametrize(
    ("header", "language"),
    [("sv-FI,sv;q=0.9,en;q=0.5", "sv"), ("de-DE,en;q=0.7", "en"), ("de-DE", "fi"), ("", "fi")],
)
def test_accept_language_is_the_fallback(client, bilingual, header, language):
    response = client.get("/api/v1/practices/arbetsprovning", HTTP_ACCEPT_LANGUAGE=header)

    assert response.json()["lang"] == language
    assert response["Content-Language"] == language
    # Without lang= the answer depends on the header: shared caches must know.
    assert "accept-language" in response["Vary"].lower()


def test_lang_parameter_wins_over_the_header(client, bilingual):
    response = client.get("/api/v1/practices", {"lang": "fi"}, HTTP_ACCEPT_LANGUAGE="sv")

    assert only(response)["texts"]["name"]["lang"] == "fi"
    assert "accept-language" not in response.get("Vary", "").lower()


@pytest.mark.parametrize("value", ["de", "SV", "fi-FI", "x" * 200])
def test_unknown_language_is_a_422(client, bilingual, value):
    for url in ("/api/v1/practices", "/api/v1/practices/arbetsprovning"):
        response = client.get(url, {"lang": value})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["query", "lang"]


def test_openapi_documents_lang_on_list_and_detail(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    for path in ("/api/v1/practices", "/api/v1/practices/{practice_id}"):
        names = {parameter["name"] for parameter in paths[path]["get"]["parameters"]}
        assert "lang" in names
