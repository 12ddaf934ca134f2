"""Wagtail documents (practice PDFs) uploaded in the admin get the same check as proposal attachments."""

import io
import shutil
import tempfile

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.core.pdf import active_content

from . import pdfs

Document = get_document_model()


@pytest.fixture(autouse=True)
def media_root(settings):
    directory = tempfile.mkdtemp(prefix="mallipankki-dokumentit-")
    settings.MEDIA_ROOT = directory
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(role=permissions.EDITORS))
    return client


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def stored(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def assert_clean(data: bytes) -> None:
    with pikepdf.open(io.BytesIO(data)) as copy:
        assert active_content(copy) == set()
        assert len(copy.pages) == 1
    for payload in (b"app.alert", b"cmd.exe", b"<xdp", b"MZ\x90"):
        assert payload not in data


def add(client, name: str, data: bytes, title: str = "Käsikirja"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": upload(name, data), "collection": Collection.get_first_root_node().pk},
    )


def test_the_document_form_is_ours(settings):
    from wagtail.documents.forms import get_document_form

    assert settings.WAGTAILDOCS_DOCUMENT_FORM_BASE == "mallipankki.core.documents.PdfDocumentForm"
    assert "PdfDocumentForm" in [cls.__name__ for cls in get_document_form(Document).__mro__]


@pytest.mark.parametrize("build", [pdfs.javascript_pdf, pdfs.launch_pdf, pdfs.embedded_file_pdf, pdfs.xfa_pdf])
def test_a_document_is_stored_without_active_content(editor_client, build):
    response = add(editor_client, "kasikirja.pdf", build())
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get()
    assert_clean(stored(document))
    assert document.file_size == len(stored(document))
    assert document.filename.endswith(".pdf")


def test_a_plain_document_keeps_its_text(editor_client):
    add(editor_client, "kasikirja.pdf", pdfs.minimal_pdf("Mallin kasikirja"))
    with pikepdf.open(io.BytesIO(stored(Document.objects.get()))) as copy:
        assert b"(Mallin kasikirja) Tj" in pikepdf.unparse_content_stream(pikepdf.parse_content_stream(copy.pages[0]))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("sivu.pdf", pdfs.HTML, "ei ole PDF-tiedosto"),
        ("polyglotti.pdf", pdfs.html_after_pdf(), "edessä tai perässä muuta sisältöä"),
        ("paketti.pdf", pdfs.pdf_zip(), "edessä tai perässä muuta sisältöä"),
        ("avainsanat.pdf", pdfs.keyword_fake(), "ei ole PDF-tiedosto"),
        ("pommi.pdf", pdfs.flate_bomb_pdf(), "liian monimutkainen"),
    ],
)
def test_a_file_that_is_not_a_clean_pdf_is_refused(editor_client, name, data, message):
    response = add(editor_client, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_the_stored_name_is_safe(editor_client):
    add(editor_client, '<img src=x onerror="alert(1)">.pdf', pdfs.minimal_pdf())
    filename = Document.objects.get().filename
    assert filename.endswith(".pdf")
    assert not set(filename) & set('<>"=')


def test_replacing_the_file_of_a_document_checks_the_new_file(editor_client):
    add(editor_client, "kasikirja.pdf", pdfs.minimal_pdf())
    document = Document.objects.get()
    url = reverse("wagtaildocs:edit", args=[document.pk])
    collection = Collection.get_first_root_node().pk
    response = editor_client.post(
        url, {"title": "Uusi", "file": upload("uusi.pdf", pdfs.html_after_pdf()), "collection": collection}
    )
    assert "edessä tai perässä muuta sisältöä" in response.content.decode()
    response = editor_client.post(
        url, {"title": "Uusi", "file": upload("uusi.pdf", pdfs.javascript_pdf()), "collection": collection}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert_clean(stored(document))


def test_the_multiple_upload_stores_cleaned_copies_and_refuses_the_rest(editor_client):
    url = reverse("wagtaildocs:add_multiple")
    response = editor_client.post(url, {"files[]": upload("skripti.pdf", pdfs.javascript_pdf())})
    assert response.json()["success"] is True
    assert_clean(stored(Document.objects.get()))
    response = editor_client.post(url, {"files[]": upload("paketti.pdf", pdfs.pdf_zip())})
    assert response.json()["success"] is False
    assert "edessä tai perässä muuta sisältöä" in response.json()["error_message"]
    assert Document.objects.count() == 1


def test_the_multiple_upload_keeps_the_cleaned_copy_when_another_field_fails(editor_client):
    # A title too long for the document makes Wagtail keep the request's file as an UploadedFile
    # and ask for the metadata: that file is the cleaned copy too.
    url = reverse("wagtaildocs:add_multiple")
    response = editor_client.post(url, {"files[]": upload("skripti.pdf", pdfs.javascript_pdf()), "title": "x" * 300})
    assert response.json()["success"] is True
    kept = UploadedFile.objects.get()
    with kept.file.open("rb") as handle:
        assert_clean(handle.read())
