"""core.pdf: uploads parsed by qpdf under limits and stored as a rewritten copy without active content."""

import base64
import io
import time
import tracemalloc
import zlib
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from mallipankki.core import pdf as pdf_module
from mallipankki.core.pdf import PdfRefused, active_content, clean_pdf, decoded_size, safe_file_name

from . import pdfs
from .pdfs import HTML, HTML_WITH_PDF_HEADER, SVG, minimal_pdf, pdf_header_with_junk, zip_bytes

REAL_PDFS = ["/usr/share/doc/libtasn1-doc/libtasn1.pdf", "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf"]


def refusal(data: bytes) -> PdfRefused:
    with pytest.raises(PdfRefused) as caught:
        clean_pdf(data)
    return caught.value


def open_pdf(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data), attempt_recovery=False)


def page_contents(data: bytes) -> list[bytes]:
    """Each page's content stream, parsed and written out again (independent of how it is split)."""
    with open_pdf(data) as document:
        return [pikepdf.unparse_content_stream(pikepdf.parse_content_stream(page)) for page in document.pages]


def everything(data: bytes) -> bytes:
    """Every object of the PDF as text and every stream decoded: what a reader could find in it."""
    with open_pdf(data) as document:
        parts = []
        for obj in document.objects:
            if isinstance(obj, pikepdf.Stream):
                parts.append(obj.stream_dict.unparse(resolved=True))
                try:
                    parts.append(obj.read_bytes())
                except pikepdf.PdfError:
                    parts.append(obj.read_raw_bytes())
            else:
                parts.append(obj.unparse(resolved=True))
        return b"\n".join(parts)


# --- what passes -----------------------------------------------------------------------


@pytest.mark.parametrize("data", [minimal_pdf(), minimal_pdf(xref_stream=True)], ids=["xref-table", "xref-stream"])
def test_a_plain_pdf_passes_with_its_pages_and_text(data):
    result = clean_pdf(data)
    assert result.pages == 1
    assert result.removed == ()
    assert page_contents(result.data) == page_contents(data)
    assert b"(Mallipankki) Tj" in page_contents(result.data)[0]


@pytest.mark.parametrize("path", REAL_PDFS)
def test_real_world_pdfs_pass_unchanged_in_content(path):
    if not Path(path).exists():
        pytest.skip(f"{path} not on this machine")
    data = Path(path).read_bytes()
    result = clean_pdf(data)
    assert page_contents(result.data) == page_contents(data)
    with open_pdf(data) as original, open_pdf(result.data) as copy:
        assert len(copy.pages) == len(original.pages) == result.pages
        assert copy.docinfo.get("/Title") == original.docinfo.get("/Title")


def test_whitespace_after_the_end_is_allowed():
    assert clean_pdf(minimal_pdf() + b"\r\n \t\n").pages == 1


def test_links_to_web_pages_are_kept():
    result = clean_pdf(pdfs.links_pdf())
    with open_pdf(result.data) as copy:
        annots = list(copy.pages[0].Annots)
        targets = [str(annot.A.URI) for annot in annots if "/A" in annot]
    assert targets == ["https://esimerkki.fi/malli"]  # the javascript: link lost its action
    assert result.removed == ("URI",)


def test_a_pdf_with_an_empty_user_password_is_stored_unencrypted():
    result = clean_pdf(pdfs.encrypted_pdf(""))
    with open_pdf(result.data) as copy:
        assert not copy.is_encrypted
    assert page_contents(result.data) == page_contents(minimal_pdf())


def test_a_stream_under_the_limit_passes():
    def change(document):
        image = document.make_stream(zlib.compress(bytes(8 * 1024 * 1024)))
        image.Filter = Name.FlateDecode
        document.pages[0].Resources.XObject = Dictionary(Kuva=image)

    assert clean_pdf(pdfs._build(change)).pages == 1


# --- active content: accepted only as a copy without it --------------------------------


@pytest.mark.parametrize(
    ("build", "kinds", "payloads"),
    [
        (pdfs.javascript_pdf, {"JavaScript", "additional actions"}, [b"app.alert"]),
        (pdfs.launch_pdf, {"Launch"}, [b"cmd.exe", b"calc.exe", b"passwd"]),
        (pdfs.indirect_actions_pdf, {"JavaScript", "Launch", "additional actions"}, [b"app.alert", b"cmd.exe"]),
        (pdfs.embedded_file_pdf, {"embedded file"}, [b"MZ\x90", b"<script>", b"ohjelma.exe"]),
        (pdfs.xfa_pdf, {"XFA"}, [b"<xdp", b"app.alert"]),
        (
            lambda: minimal_pdf(catalog=b"/OpenAction << /S /Java#53cript /J#53 (app.alert\\(1\\)) >>"),
            {"JavaScript"},
            [b"app.alert"],
        ),
    ],
    ids=["javascript", "launch", "indirect-actions", "embedded-files", "xfa", "names-written-with-escapes"],
)
def test_active_content_is_removed_from_the_stored_copy(build, kinds, payloads):
    data = build()
    with open_pdf(data) as original:
        assert kinds <= active_content(original)  # the test file has what it should
    result = clean_pdf(data)
    assert kinds <= set(result.removed)
    with open_pdf(result.data) as copy:
        assert active_content(copy) == set()
        assert len(copy.pages) == 1
        for key in ("/OpenAction", "/AA", "/NeedsRendering"):
            assert key not in copy.Root
        assert "/JavaScript" not in copy.Root.get("/Names", {})
        assert "/EmbeddedFiles" not in copy.Root.get("/Names", {})
        assert "/XFA" not in copy.Root.get("/AcroForm", {})
        assert len(copy.attachments) == 0
        for annot in copy.pages[0].get("/Annots", []):
            assert "/AA" not in annot and "/FS" not in annot
            assert "/A" not in annot or "/Next" not in annot.A
    text = everything(result.data)
    for payload in payloads:
        assert payload in everything(data)
        assert payload not in text
    assert page_contents(result.data) == page_contents(minimal_pdf())


def test_active_content_inside_object_streams_is_found_and_removed():
    with open_pdf(pdfs.javascript_pdf()) as document:
        out = io.BytesIO()
        document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    assert b"app.alert" not in out.getvalue()  # compressed: a byte search would miss it
    result = clean_pdf(out.getvalue())
    assert "JavaScript" in result.removed
    assert b"app.alert" not in everything(result.data)


def test_html_inside_the_pdf_is_not_in_the_stored_copy():
    data = pdfs.html_inside_pdf()
    assert pdfs.SCRIPT in data
    result = clean_pdf(data)
    assert pdfs.SCRIPT not in result.data
    assert page_contents(result.data) == page_contents(minimal_pdf())


# --- refused --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(pdfs.html_before_pdf(), "header", id="html-before-pdf"),
        pytest.param(pdfs.html_after_pdf(), "data-after-eof", id="html-after-pdf"),
        pytest.param(pdfs.svg_before_pdf(), "header", id="svg-before-pdf"),
        pytest.param(pdfs.svg_after_pdf(), "data-after-eof", id="svg-after-pdf"),
        pytest.param(pdfs.pdf_zip(), "data-after-eof", id="pdf-and-zip"),
        pytest.param(minimal_pdf() + b"\x00", "data-after-eof", id="nul-after-eof"),
        pytest.param(pdfs.keyword_fake(), "unparsable", id="296-byte-keyword-fake"),
        pytest.param(HTML, "header", id="html"),
        pytest.param(HTML_WITH_PDF_HEADER, "header", id="html-with-pdf-header"),
        pytest.param(SVG, "header", id="svg"),
        pytest.param(zip_bytes(), "header", id="zip"),
        pytest.param(pdf_header_with_junk(), "unparsable", id="pdf-header-and-junk"),
        pytest.param(b"%PDF-1.4\n%%EOF\n", "unparsable", id="header-and-eof-only"),
        pytest.param(minimal_pdf()[:-200], "no-eof", id="truncated"),
        pytest.param(b"", "header", id="empty"),
        pytest.param(b" " + minimal_pdf(), "header", id="header-not-at-start"),
        pytest.param(minimal_pdf().replace(b"/Root 1 0 R", b"/Info 1 0 R"), "unparsable", id="no-catalogue"),
        pytest.param(minimal_pdf().replace(b"startxref\n", b"startxref\n9"), "unparsable", id="offset-outside-file"),
        pytest.param(pdfs.encrypted_pdf("salasana"), "encrypted", id="password"),
        pytest.param(pdfs.many_pages_pdf(pdf_module.MAX_PAGES + 1), "pages", id="too-many-pages"),
    ],
)
def test_refused(data, reason):
    refused = refusal(data)
    assert refused.reason == reason
    assert "%(name)s" in str(refused.message)  # the form names the file


def test_the_keyword_fake_is_296_bytes_with_every_keyword():
    data = pdfs.keyword_fake()
    assert len(data) == 296
    for keyword in (b"%PDF-1.7", b"obj", b"/Catalog", b"xref", b"trailer", b"/Root", b"startxref", b"%%EOF"):
        assert keyword in data


def test_a_document_without_pages_is_refused():
    def change(document):
        document.Root.Pages.Kids = Array([])
        document.Root.Pages.Count = 0

    assert refusal(pdfs._build(change)).reason == "no-pages"


def test_too_many_objects_are_refused(monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_OBJECTS", 4)
    assert refusal(minimal_pdf()).reason == "objects"


def test_the_inflated_size_counts_every_stream(monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_INFLATED_SIZE", 40)  # the page's text is 42 bytes
    assert refusal(minimal_pdf()).reason == "inflated-size"


def test_a_flate_bomb_is_refused_without_inflating_it_into_memory():
    stream = pdfs.flate_bomb_stream()
    assert len(stream) < 1.1 * 1024 * 1024  # about 1 MB ...
    data = pdfs.flate_bomb_pdf()  # ... in a valid PDF, as an image that inflates to 1 GiB
    tracemalloc.start()
    started = time.monotonic()
    try:
        refused = refusal(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.reason == "inflated-size"
    assert str(refused.message).startswith("Tiedosto %(name)s on liian monimutkainen")
    # The check stops at the limit (256 MiB inflated, counted in 256 KiB pieces).
    assert peak < 16 * 1024 * 1024, peak
    assert time.monotonic() - started < 20


def test_qpdf_itself_decodes_under_the_memory_limit():
    limits = pikepdf.settings.get_qpdf_limits()
    assert limits["flate_max_memory"] == pdf_module.QPDF_STREAM_MEMORY
    with open_pdf(pdfs.flate_bomb_pdf()) as document:
        with pytest.raises(pikepdf.DataDecodingError):
            document.pages[0].Resources.XObject.Kuva.read_bytes()


# --- decoding with a limit agrees with qpdf -------------------------------------------------

SAMPLE = (b"Mallipankki " * 300) + bytes(range(256)) * 8 + b"\x00" * 3000 + b"loppu"


def run_length(data: bytes) -> bytes:
    out = bytearray()
    for start in range(0, len(data), 128):
        piece = data[start : start + 128]
        if piece == piece[:1] * len(piece) and len(piece) > 1:
            out += bytes([257 - len(piece)]) + piece[:1]
        else:
            out += bytes([len(piece) - 1]) + piece
    return bytes(out + b"\x80")


class LzwWriter:
    """Writes LZW codes of PDF's variable width (EarlyChange 1), as a PDF writer would."""

    def __init__(self):
        self.out, self.bits, self.held, self.width = bytearray(), 0, 0, 9

    @staticmethod
    def width_for(next_code: int) -> int:
        return 12 if next_code >= 2048 else 11 if next_code >= 1024 else 10 if next_code >= 512 else 9

    def emit(self, code: int) -> None:
        self.bits = (self.bits << self.width) | code
        self.held += self.width
        while self.held >= 8:
            self.held -= 8
            self.out.append((self.bits >> self.held) & 0xFF)
        self.bits &= (1 << self.held) - 1

    def finish(self) -> bytes:
        if self.held:
            self.out.append((self.bits << (8 - self.held)) & 0xFF)
        return bytes(self.out)


def lzw(data: bytes) -> bytes:
    writer, table, next_code, word = LzwWriter(), {bytes([value]): value for value in range(256)}, 258, b""
    writer.emit(256)
    for value in data:
        candidate = word + bytes([value])
        if candidate in table:
            word = candidate
            continue
        writer.emit(table[word])
        table[candidate] = next_code
        next_code += 1
        writer.width = writer.width_for(next_code)
        word = bytes([value])
    writer.emit(table[word])
    writer.width = writer.width_for(next_code + 1)
    writer.emit(257)
    return writer.finish()


def lzw_zero_bomb(rounds: int, last_code: int = 3900) -> bytes:
    """Zeros in ever longer runs: each code is one zero longer than the last (about 7 MB from 5 KB a round)."""
    writer = LzwWriter()
    for _ in range(rounds):
        writer.emit(256)  # clear the table (at the width in use)
        writer.width = 9
        writer.emit(0)
        next_code = 259
        writer.width = writer.width_for(next_code)
        for code in range(258, last_code):
            writer.emit(code)
            next_code += 1
            writer.width = writer.width_for(next_code)
    writer.emit(257)
    return writer.finish()


@pytest.mark.parametrize(
    ("encoded", "filters"),
    [
        (zlib.compress(SAMPLE), ["/FlateDecode"]),
        (SAMPLE.hex().encode() + b">", ["/ASCIIHexDecode"]),
        (base64.a85encode(SAMPLE, wrapcol=72) + b"~>", ["/ASCII85Decode"]),
        (base64.a85encode(zlib.compress(SAMPLE)) + b"~>", ["/ASCII85Decode", "/FlateDecode"]),
        (run_length(SAMPLE), ["/RunLengthDecode"]),
        (lzw(SAMPLE), ["/LZWDecode"]),
        (zlib.compress(zlib.compress(SAMPLE)), ["/FlateDecode", "/FlateDecode"]),
        (b"\xff\xd8 not decoded", ["/DCTDecode"]),
    ],
    ids=["flate", "hex", "ascii85", "ascii85-flate", "run-length", "lzw", "flate-twice", "jpeg"],
)
def test_decoded_size_agrees_with_qpdf(encoded, filters):
    def change(document):
        stream = pikepdf.Stream(document, encoded)
        stream.Filter = Array([Name(item) for item in filters])
        document.Root.Koe = stream

    with open_pdf(pdfs._build(change)) as document:
        stream = document.Root.Koe
        decode_level = pikepdf.StreamDecodeLevel.specialized  # qpdf counts run-length as specialized
        expected = len(stream.read_bytes(decode_level)) if filters != ["/DCTDecode"] else len(encoded)
        assert decoded_size(stream, 10**9) == expected
        if filters != ["/DCTDecode"]:
            assert expected == len(SAMPLE)
            with pytest.raises(pdf_module._TooLarge):
                decoded_size(stream, len(SAMPLE) // 4)


def test_an_lzw_bomb_is_stopped_at_the_limit():
    one_round, five_rounds = lzw_zero_bomb(1), lzw_zero_bomb(5)

    def change(document):
        for key, data in (("/Yksi", one_round), ("/Viisi", five_rounds)):
            stream = pikepdf.Stream(document, data)
            stream.Filter = Name.LZWDecode
            document.Root[key] = stream

    with open_pdf(pdfs._build(change)) as document:
        size = decoded_size(document.Root.Yksi, 10**9)
        assert size == len(document.Root.Yksi.read_bytes()) > 1000 * len(one_round)
        with pytest.raises(pdf_module._TooLarge):
            decoded_size(document.Root.Viisi, 16 * 1024 * 1024)


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("kasikirja.pdf", "kasikirja.pdf"),
        ("liite 0.pdf", "liite 0.pdf"),
        ("Käsikirja (versio 2).PDF", "Käsikirja (versio 2).pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\maija\\raportti.pdf", "raportti.pdf"),
        ("a\x00b.pdf", "a_b.pdf"),
        ("x\u202egpj.exe", "x_gpj.exe.pdf"),
        ('<script>"alert";<script>.pdf', "script_alert_script.pdf"),
        ("raportti.exe", "raportti.exe.pdf"),
        (".htaccess", "htaccess.pdf"),
        ("-rf.pdf", "rf.pdf"),
        ("..pdf", "liite.pdf"),
        ("", "liite.pdf"),
        (None, "liite.pdf"),
        ("a" * 300 + ".pdf", "a" * 100 + ".pdf"),
        ("e\u0301.pdf", "\u00e9.pdf"),
    ],
)
def test_safe_file_name(name, safe):
    assert safe_file_name(name) == safe


def test_safe_file_names_keep_to_safe_characters():
    for name in ["ä" * 300 + ".pdf", 'a/b\\c:d*e?f"g<h>i|j\r\nk\tl.pdf', "\u0000\u001f\u007f\u200b\ufeff.pdf"]:
        safe = safe_file_name(name)
        assert safe.endswith(".pdf") and len(safe) <= 104
        assert all(ch.isalnum() or ch in " _.()-" for ch in safe), safe
