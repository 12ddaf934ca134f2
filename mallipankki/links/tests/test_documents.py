"""Content checks of retrieved documents: the bytes decide, within size caps."""

import io
import zipfile

import pytest

from mallipankki.links import documents
from mallipankki.links.documents import DOCX, ODT, PDF, XLSX, DocumentRefused, archivable_type, check_document

from .server import make_docx, make_pdf


def zipped(entries: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def xlsx() -> bytes:
    return zipped(
        {
            "[Content_Types].xml": (
                f'<Types><Override PartName="/xl/workbook.xml" ContentType="{XLSX}.main+xml"/></Types>'
            ),
            "xl/workbook.xml": "<workbook/>",
        }
    )


def test_each_kind_is_recognised_by_its_content():
    assert check_document(make_pdf()).content_type == PDF
    assert check_document(make_docx()).content_type == DOCX
    assert check_document(xlsx()).content_type == XLSX
    odt = zipped({"mimetype": ODT, "content.xml": "<office:document-content/>"})
    assert check_document(odt).content_type == ODT


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<html>a page</html>", "not-a-document"),
        (b"PK\x03\x04 not really a zip", "bad-zip"),
        (b"%PDF-1.4 broken", "pdf-no-eof"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(data, code):
    with pytest.raises(DocumentRefused) as refused:
        check_document(data)
    assert refused.value.code == code


def test_macros_are_refused():
    with pytest.raises(DocumentRefused) as refused:
        check_document(zipped({"[Content_Types].xml": "<Types/>", "word/vbaProject.bin": b"x"}))
    assert refused.value.code == "macros"


def test_a_zip_bomb_is_refused_by_its_unpacked_size(monkeypatch):
    monkeypatch.setattr(documents, "MAX_UNPACKED", 1024 * 1024)  # 256 MB in production
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (2 * 1024 * 1024))
    with pytest.raises(DocumentRefused) as refused:
        check_document(out.getvalue())
    assert refused.value.code == "zip-too-large"


def test_archivable_by_type_or_file_name():
    assert archivable_type("application/pdf; charset=binary", "https://x.example/a") == PDF
    assert archivable_type("application/octet-stream", "https://x.example/lomake.XLSX") == XLSX
    assert archivable_type("text/html", "https://x.example/") is None
