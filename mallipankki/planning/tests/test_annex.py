import io

import pikepdf
import pytest
from docx import Document
from pypdf import PdfReader

from mallipankki.planning.annex import build_annex
from mallipankki.planning.annex_docx import render_docx
from mallipankki.planning.models import PracticeInterest
from mallipankki.planning.pdf import STATIC_BASE, StaticFilesOnly, static_path
from mallipankki.planning.shortlist import Shortlist

HOSTILE = '<script>alert(1)</script> <b>lihava</b> \x00 & "lainaus"'


@pytest.fixture
def shortlisted(client, make_practice):
    make_practice(
        id="ips",
        name={"fi": "IPS-toimintamalli"},
        summary={"fi": "Tuetun työllistymisen malli mielenterveyskuntoutujille."},
        evidence={"level": 4},
        readiness={"materials": 3, "training": 2, "fidelity": 2},
        scaling={"status": "embedded", "owner": "Esimerkkikaupunki"},
        adoptions=[{"organisation": "Toinen kaupunki", "region": "FI-15", "year": 2023}],
        resources=[{"type": "link", "title": {"fi": "Käsikirja"}, "url": "https://example.org/kasikirja"}],
        contact={"name": "Yksityinen Henkilö", "email": "yksityinen@example.org", "public": False},
    )
    make_practice(id="kieli", name={"fi": "Kielikahvila"}, summary={"fi": "Suomen kieltä työpaikoilla."})
    client.post(
        "/suunnittele/",
        {
            "description": "Hankkeemme tukee mielenterveyskuntoutujia.\n\n" + HOSTILE,
            "duration": "1-2",
            "budget": "100k-300k",
        },
    )
    client.post("/muistilista/lisaa/", {"malli": "ips"})
    client.post("/muistilista/lisaa/", {"malli": "kieli"})
    client.post("/muistilista/muistiinpano/", {"malli": "ips", "note": "Runko valmennukselle. " + HOSTILE})
    client.post("/muistilista/harkittu/", {"malli": "kieli", "reason": "Eri kohderyhmä."})
    return client


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_annex_has_the_contents_and_is_tagged(shortlisted):
    response = shortlisted.get("/muistilista/liite.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Aiemmin kehitetyt mallit hankkeen pohjana" in text
    assert "Hankkeemme tukee mielenterveyskuntoutujia." in text
    assert "Kesto 1–2 vuotta" in text
    assert "Budjetti 100 000–300 000 €" in text
    assert "IPS-toimintamalli" in text
    assert "4 – toistettu riippumattomasti" in text
    assert "7/8 pistettä" in text
    assert "Toinen kaupunki" in text
    assert "Runko valmennukselle." in text
    assert "Eri kohderyhmä." in text
    assert "Näin viittaat Mallipankkiin" in text
    assert "yksityinen@example.org" not in text  # only public contacts
    # Markup typed by the visitor is text in the PDF, never markup.
    assert "<script>alert(1)</script>" in text
    with pikepdf.open(io.BytesIO(response.content)) as pdf:
        assert pdf.Root.MarkInfo.Marked
        assert "/StructTreeRoot" in pdf.Root
        fonts = [font for page in pdf.pages for font in (page.Resources.get("/Font") or {}).values()]
        assert fonts
        for font in fonts:
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_docx_annex_reads_back_with_headings_and_links(shortlisted):
    response = shortlisted.get("/muistilista/liite.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Aiemmin kehitetyt mallit hankkeen pohjana") in headings
    assert ("Heading 2", "Valitut mallit") in headings
    assert ("Heading 3", "IPS-toimintamalli") in headings
    assert ("Heading 2", "Harkitut mallit, joita ei valittu") in headings
    links = {rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert "https://example.org/kasikirja" in links
    assert any(link.endswith("/ips/") for link in links)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert(1)</script>" in text  # as text: Word shows it, nothing runs it
    assert "\x00" not in text
    assert "yksityinen@example.org" not in text
    assert "Kesto: 1–2 vuotta" in text
    assert "Budjetti: 100 000–300 000 €" in text


def test_annex_from_a_shared_address_needs_no_session(client, shortlisted):
    from django.test import Client

    response = Client().get("/muistilista/liite.docx", {"mallit": "kieli"})
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert headings == ["Kielikahvila"]


def test_a_shared_address_leaves_out_drafts_and_view_restricted_practices(client, shortlisted, make_practice):
    from wagtail.models import PageViewRestriction

    make_practice(id="luonnos", name={"fi": "Luonnosmalli"}, status="draft")
    closed = make_practice(id="suljettu", name={"fi": "Suljettu malli"})
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.PASSWORD, password="salasana")
    shared = {"mallit": "luonnos,suljettu,kieli"}
    document = Document(io.BytesIO(client.get("/muistilista/liite.docx", shared).content))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 3"] == ["Kielikahvila"]
    text = pdf_text(client.get("/muistilista/liite.pdf", shared).content)
    assert "Kielikahvila" in text and "Luonnosmalli" not in text and "Suljettu malli" not in text
    listed = client.get("/muistilista/", shared).text
    assert "Kielikahvila" in listed and "Luonnosmalli" not in listed and "Suljettu malli" not in listed
    assert client.get("/vertaa/", {"mallit": "suljettu,luonnos"}).status_code == 400


def test_duration_and_budget_alone_are_printed_and_unknown_codes_are_not():
    annex = build_annex(Shortlist(), "", duration="yli-3", budget="<b>kaikki</b>")
    assert (annex.duration, annex.budget) == ("Yli 3 vuotta", "")
    document = Document(io.BytesIO(render_docx(annex)))
    texts = [p.text for p in document.paragraphs]
    assert "Hankkeen kuvaus" in texts
    assert "Kesto: Yli 3 vuotta" in texts
    assert not any(text.startswith("Budjetti") for text in texts)
    empty = Document(io.BytesIO(render_docx(build_annex(Shortlist()))))
    assert "Hankkeen kuvaus" not in [p.text for p in empty.paragraphs]


def test_downloads_count_as_interest(shortlisted):
    shortlisted.get("/muistilista/liite.docx")
    shortlisted.get("/muistilista/liite.pdf")
    row = PracticeInterest.objects.get(practice__slug="ips")
    assert (row.shortlisted, row.annexed) == (1, 2)
    # A considered practice is not in the annex's models.
    assert PracticeInterest.objects.get(practice__slug="kieli").annexed == 0


def test_practice_card_pdf(client, make_practice):
    make_practice(id="kortti", name={"fi": "Korttimalli"}, summary={"fi": "Lyhyt tiivistelmä."}, evidence={"level": 2})
    response = client.get("/mallit/kortti/kortti.pdf")  # its speed: bench/planning_speed.py
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert 1 <= len(reader.pages) <= 2
    assert "Korttimalli" in pdf_text(response.content)
    assert client.get("/mallit/ei-ole/kortti.pdf").status_code == 404


def test_no_card_of_a_draft_or_a_view_restricted_practice(client, make_practice):
    from wagtail.models import PageViewRestriction

    make_practice(id="luonnos", name={"fi": "Luonnosmalli"}, status="draft")
    closed = make_practice(id="suljettu", name={"fi": "Suljettu malli"})
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.PASSWORD, password="salasana")
    assert client.get("/mallit/luonnos/kortti.pdf").status_code == 404
    assert client.get("/mallit/suljettu/kortti.pdf").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://example.org/style.css",
        "http://127.0.0.1:8000/static/css/site.css",
        STATIC_BASE + "../../../etc/passwd",
        STATIC_BASE + "css/%2e%2e/%2e%2e/settings.py",
        STATIC_BASE + "css/site.css?x=1",
        "data:text/css,body{}",
    ],
)
def test_url_fetcher_refuses_files_and_outside_urls(url):
    with pytest.raises(ValueError):
        StaticFilesOnly().fetch(url)


def test_url_fetcher_serves_our_static_files():
    assert static_path(STATIC_BASE + "css/print-document.css") == "css/print-document.css"
    response = StaticFilesOnly().fetch(STATIC_BASE + "css/print-document.css")
    assert b"@page" in response.read()


def test_a_10_model_annex_takes_as_few_queries_as_a_1_model_annex(make_practice, django_assert_max_num_queries):
    """The annex's data comes in a fixed number of queries, however many models
    (no query per model for its materials, adoptions or their regions)."""
    shortlist = Shortlist()
    for number in range(10):
        make_practice(
            id=f"malli-{number}",
            name={"fi": f"Malli {number}"},
            adoptions=[{"organisation": "Kunta", "region": "FI-15", "year": 2023}],
            resources=[{"type": "link", "title": {"fi": "Opas"}, "url": "https://example.org/opas"}],
            contact={"name": "Julkinen Henkilö", "email": "julkinen@example.org", "public": True},
        )
        shortlist.add(f"malli-{number}")
    with django_assert_max_num_queries(6) as one:
        build_annex(Shortlist(chosen=[{"id": "malli-0", "note": ""}]), "Kuvaus")
    with django_assert_max_num_queries(len(one)):
        annex = build_annex(shortlist, "Kuvaus")
    assert len(annex.chosen) == 10
    for model in annex.chosen:
        assert model.adoptions[0].startswith("Kunta, ") and model.adoptions[0].endswith(", 2023")
        assert model.materials[0].url == "https://example.org/opas"
        assert model.contact_email == "julkinen@example.org"
