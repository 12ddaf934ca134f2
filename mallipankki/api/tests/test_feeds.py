import json
import re
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory

from mallipankki.api import feeds
from mallipankki.api.templatetags.api_tags import practice_json_ld_data

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/syotteet/mallit.atom"
PRIVATE_CONTACT = {"name": "Salla Salainen", "email": "salla.salainen@example.fi", "public": False}


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own feed)
    return root, root.findall(f"{ATOM}entry")


# --- Atom feed -------------------------------------------------------------------


@pytest.mark.django_db
def test_feed_lists_published_practices_newest_first(client, make_practice):
    older = make_practice(
        id="vanha",
        name={"fi": "Vanha malli"},
        summary={"fi": "Vanhan mallin tiivistelmä."},
        updated_at="2025-01-01T10:00:00Z",
        contact=PRIVATE_CONTACT,
    )
    newer = make_practice(id="uusi", name={"fi": "Uusi malli"}, updated_at="2026-02-01T10:00:00Z")
    make_practice(id="luonnos", name={"fi": "Luonnosmalli"}, status="draft", updated_at="2026-06-01T10:00:00Z")

    root, entries = atom_entries(client.get(FEED))

    assert root.findtext(f"{ATOM}title") == "Mallipankki – uudet ja päivitetyt mallit"
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Uusi malli", "Vanha malli"]
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert links == [settings.BASE_URL + newer.url, settings.BASE_URL + older.url]
    assert all(link.startswith(("http://", "https://")) for link in links)
    assert entries[1].findtext(f"{ATOM}summary") == "Vanhan mallin tiivistelmä."
    assert entries[1].findtext(f"{ATOM}updated").startswith("2025-01-01T")
    body = client.get(FEED).content.decode()
    assert "luonnos" not in body.lower()
    assert "salla" not in body.lower()


@pytest.mark.django_db
def test_feed_is_limited_to_the_newest(client, make_practice, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 2)
    for month in (1, 3, 2):
        make_practice(id=f"kuukausi-{month}", updated_at=f"2026-0{month}-01T10:00:00Z")

    _, entries = atom_entries(client.get(FEED))

    assert [entry.find(f"{ATOM}link").get("href").rstrip("/").rsplit("/", 1)[-1] for entry in entries] == [
        "kuukausi-3",
        "kuukausi-2",
    ]


@pytest.mark.django_db
def test_feed_is_read_only(client, practice_index):
    assert client.post(FEED).status_code == 405


# --- sitemap and robots.txt ------------------------------------------------------------


@pytest.mark.django_db
def test_sitemap_lists_published_practices_not_drafts(client, make_practice):
    published = make_practice(id="julkaistu-malli")
    make_practice(id="luonnos-malli", status="draft")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    assert published.full_url in body
    assert "/julkaistu-malli/" in body
    assert "luonnos-malli" not in body


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert f"Sitemap: {settings.BASE_URL}/sitemap.xml" in response.content.decode().splitlines()


# --- JSON-LD -----------------------------------------------------------------------


def render_json_ld(page):
    request = RequestFactory().get("/")
    return Template("{% load api_tags %}{% practice_json_ld page %}").render(
        Context({"page": page, "request": request})
    )


def script_payload(html: str) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.S)
    assert match, html
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_json_ld_describes_the_practice(make_practice):
    page = make_practice(
        id="jsonld",
        name={"fi": "Työkokeilu", "en": "Work trial"},
        summary={"fi": "Tiivistelmä."},
        themes=["yhteistyo"],
        target_groups=["nuoret"],
        keywords=["työkokeilu"],
        updated_at="2026-03-01T08:00:00Z",
    )

    html = render_json_ld(page)

    assert html.startswith('<script type="application/ld+json">')
    data = script_payload(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["name"] == "Työkokeilu"
    assert data["description"] == "Tiivistelmä."
    assert data["url"] == settings.BASE_URL + page.url
    assert data["dateModified"] == "2026-03-01T08:00:00Z"
    assert data["keywords"] == ["työkokeilu"]
    assert data["inLanguage"] == ["fi", "en"]
    assert data["about"] == [{"@type": "DefinedTerm", "termCode": "yhteistyo", "name": "Yhteistyö"}]
    assert data["audience"] == [{"@type": "Audience", "audienceType": "Nuoret", "identifier": "nuoret"}]
    assert data["publisher"]["name"] == "Mallipankki"
    assert "contact" not in json.dumps(data)


@pytest.mark.django_db
def test_json_ld_cannot_break_out_of_the_script(make_practice):
    page = make_practice(
        id="hyokkays",
        name={"fi": "</script><script>alert(1)</script>"},
        summary={"fi": "<!-- & \" ' >"},
    )

    html = render_json_ld(page)

    inner = html.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert html.count("</script>") == 1
    data = json.loads(inner)
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["description"] == "<!-- & \" ' >"


@pytest.mark.django_db
def test_json_ld_has_no_nonce_so_the_page_is_the_same_for_everyone(make_practice):
    # A data block is never run: script-src does not apply to it (core/page_cache.py).
    page = make_practice(id="ilman-noncea")

    html = render_json_ld(page)

    assert html.startswith('<script type="application/ld+json">')
    assert script_payload(html) == json.loads(json.dumps(practice_json_ld_data(page)))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "title", "name", "category"),
    [
        ("", "Mallipankki – uudet ja päivitetyt mallit", "Työkokeilu portaittain", "Yhteistyö"),
        ("/sv", "Mallipankki – nya och uppdaterade modeller", "Arbetsprövning steg för steg", "Samarbete"),
        # No English name: the Finnish one, as the API falls back.
        ("/en", "Mallipankki – new and updated models", "Työkokeilu portaittain", "Cooperation"),
    ],
)
def test_each_language_has_its_own_feed(client, make_practice, prefix, title, name, category):
    make_practice(
        id="portaittain",
        name={"fi": "Työkokeilu portaittain", "sv": "Arbetsprövning steg för steg"},
        summary={"fi": "Vaiheittain etenevä työkokeilu.", "en": "A work trial in steps."},
        themes=["yhteistyo"],
    )

    root, entries = atom_entries(client.get(f"{prefix}/syotteet/mallit.atom"))

    assert root.findtext(f"{ATOM}title") == title
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == (prefix.strip("/") or "fi")
    self_link = next(link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link.get("href") == f"{settings.BASE_URL}{prefix}/syotteet/mallit.atom"
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [name]
    assert entries[0].find(f"{ATOM}category").get("term") == category
