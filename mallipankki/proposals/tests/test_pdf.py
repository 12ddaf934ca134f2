import io
from pathlib import Path

import pytest

from mallipankki.proposals.pdf import looks_like_pdf

from .pdfs import HTML, HTML_WITH_PDF_HEADER, SVG, minimal_pdf, pdf_header_with_junk, zip_bytes


def check(data: bytes) -> bool:
    return looks_like_pdf(io.BytesIO(data))


def test_minimal_pdf_with_xref_table_passes():
    assert check(minimal_pdf())


def test_pdf_with_xref_stream_passes():
    assert check(minimal_pdf(xref_stream=True))


def test_large_pdf_passes():
    assert check(minimal_pdf(padding=3 * 1024 * 1024))


@pytest.mark.parametrize(
    "path",
    ["/usr/share/doc/libtasn1-doc/libtasn1.pdf", "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf"],
)
def test_real_world_pdfs_pass(path):
    if not Path(path).exists():
        pytest.skip(f"{path} not on this machine")
    with open(path, "rb") as handle:
        assert looks_like_pdf(handle)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(HTML, id="html"),
        pytest.param(HTML_WITH_PDF_HEADER, id="html-with-pdf-header"),
        pytest.param(SVG, id="svg"),
        pytest.param(zip_bytes(), id="zip"),
        pytest.param(pdf_header_with_junk(), id="pdf-header-and-junk"),
        pytest.param(b"%PDF-1.4\n%%EOF\n", id="header-and-eof-only"),
        pytest.param(minimal_pdf()[:-200], id="truncated"),
        pytest.param(b"", id="empty"),
        pytest.param(b" " + minimal_pdf(), id="header-not-at-start"),
        pytest.param(minimal_pdf().replace(b"/Root 1 0 R", b"/Info 1 0 R"), id="no-catalogue"),
        pytest.param(minimal_pdf().replace(b"startxref\n", b"startxref\n9"), id="offset-outside-file"),
    ],
)
def test_non_pdfs_fail(data):
    assert not check(data)


def test_position_is_reset_after_the_check():
    handle = io.BytesIO(minimal_pdf())
    handle.seek(17)
    looks_like_pdf(handle)
    assert handle.tell() == 0
