"""Hand-built test files: a small valid PDF and hostile files pretending to be one.

Built here, in the tests, from bytes or with pikepdf; nothing is downloaded.
"""

import functools
import io
import zipfile
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name, String


def minimal_pdf(
    text: str = "Mallipankki", padding: int = 0, xref_stream: bool = False, comment: bytes = b"", catalog: bytes = b""
) -> bytes:
    """A one-page PDF with a correct cross-reference table (or stream).

    `comment` goes in a comment line after the header, `catalog` into the
    document catalogue's dictionary, as written.
    """
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    if comment:
        out.write(b"%" + comment + b"\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    if padding:
        # A comment that makes the file as large as wanted.
        out.write(b"%" + b"x" * padding + b"\n")
    if xref_stream:
        number = len(objects) + 1
        xref_at = out.tell()
        rows = b"".join(b"\x01" + offset.to_bytes(4, "big") + b"\x00" for offset in offsets)
        rows = b"\x00\x00\x00\x00\x00\xff" + rows + b"\x01" + xref_at.to_bytes(4, "big") + b"\x00"
        out.write(
            b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R /Length %d >>\nstream\n"
            % (number, number + 1, len(rows))
            + rows
            + b"\nendstream\nendobj\n"
        )
    else:
        xref_at = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
        out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
HTML_WITH_PDF_HEADER = b"<html>%PDF-1.4\n<script>alert(1)</script>\nstartxref\n10\n%%EOF\n</html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1"/></svg>'
SCRIPT = b"<script>alert(document.domain)</script>"


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def pdf_header_with_junk() -> bytes:
    # Starts like a PDF but has no structure: a polyglot's typical shape.
    return b"%PDF-1.4\n" + b"<script>alert(1)</script>" * 20 + b"\n%%EOF\n"


# --- built with pikepdf --------------------------------------------------------------


def _build(change, text: str = "Mallipankki") -> bytes:
    """minimal_pdf() opened with pikepdf, changed by `change(pdf)`, saved."""
    with pikepdf.open(io.BytesIO(minimal_pdf(text))) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _javascript(code: str) -> Dictionary:
    return Dictionary(S=Name.JavaScript, JS=String(code))


def javascript_pdf() -> bytes:
    """JavaScript everywhere: OpenAction, named scripts, AA of the document, page and an annotation."""

    def change(pdf):
        pdf.Root.OpenAction = _javascript("app.alert('OpenAction')")
        names = pdf.make_indirect(Dictionary(Names=Array([String("alku"), _javascript("app.alert('nimetty')")])))
        pdf.Root.Names = Dictionary(JavaScript=names)
        pdf.Root.AA = Dictionary(WC=_javascript("app.alert('sulje')"))
        page = pdf.pages[0]
        page.obj.AA = Dictionary(O=_javascript("app.alert('sivu')"))
        annot = pdf.make_indirect(
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Link,
                Rect=Array([72, 700, 200, 720]),
                A=Dictionary(
                    S=Name.URI,
                    URI=String("https://esimerkki.fi/"),
                    Next=Array([_javascript("app.alert('next')")]),
                ),
                AA=Dictionary(E=_javascript("app.alert('hiiri')")),
            )
        )
        page.obj.Annots = Array([annot])

    return _build(change)


def launch_pdf() -> bytes:
    """A Launch action as the OpenAction and behind a link."""

    def change(pdf):
        launch = Dictionary(
            S=Name.Launch,
            F=String("cmd.exe"),
            Win=Dictionary(F=String("cmd.exe"), P=String("/c calc.exe")),
        )
        pdf.Root.OpenAction = launch
        annot = pdf.make_indirect(
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Link,
                Rect=Array([72, 700, 200, 720]),
                A=Dictionary(S=Name.Launch, F=String("../../etc/passwd")),
            )
        )
        page = pdf.pages[0]
        page.obj.Annots = Array([annot])

    return _build(change)


def indirect_actions_pdf() -> bytes:
    """Active actions as objects of their own, referred to from the catalogue, names, a page and a link."""

    def change(pdf):
        script = pdf.make_indirect(_javascript("app.alert('avaus')"))
        launch = pdf.make_indirect(Dictionary(S=Name.Launch, F=String("cmd.exe")))
        pdf.Root.OpenAction = script
        names = pdf.make_indirect(
            Dictionary(Names=Array([String("alku"), pdf.make_indirect(_javascript("app.alert(2)"))]))
        )
        pdf.Root.Names = Dictionary(JavaScript=names)
        page = pdf.pages[0]
        page.obj.AA = pdf.make_indirect(Dictionary(O=pdf.make_indirect(_javascript("app.alert(3)"))))
        link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, 700, 200, 720]), A=launch)
        page.obj.Annots = Array([pdf.make_indirect(link)])

    return _build(change)


def links_pdf() -> bytes:
    """A link to a web page (kept) and a javascript: link (removed)."""

    def change(pdf):
        page = pdf.pages[0]
        page.obj.Annots = Array(
            [
                pdf.make_indirect(
                    Dictionary(
                        Type=Name.Annot,
                        Subtype=Name.Link,
                        Rect=Array([72, 700, 200, 720]),
                        A=Dictionary(S=Name.URI, URI=String(uri)),
                    )
                )
                for uri in ("https://esimerkki.fi/malli", "javascript:alert(1)")
            ]
        )

    return _build(change)


def embedded_file_pdf() -> bytes:
    """An embedded file in /EmbeddedFiles and a FileAttachment annotation carrying another."""

    def change(pdf):
        pdf.attachments["ohjelma.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00" + b"\x00" * 100)
        payload = pdf.make_stream(b"<html><script>alert(1)</script></html>")
        payload.Type = Name.EmbeddedFile
        spec = Dictionary(Type=Name.Filespec, F=String("sivu.html"), EF=Dictionary(F=payload))
        annot = pdf.make_indirect(
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.FileAttachment,
                Rect=Array([72, 650, 90, 670]),
                FS=spec,
            )
        )
        pdf.pages[0].obj.Annots = Array([annot])

    return _build(change)


def xfa_pdf() -> bytes:
    """An AcroForm with an XFA form (which can carry scripts of its own)."""

    def change(pdf):
        xfa = pdf.make_stream(b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>app.alert(1)</script></xdp:xdp>')
        pdf.Root.AcroForm = Dictionary(Fields=Array([]), XFA=xfa)
        pdf.Root.NeedsRendering = True

    return _build(change)


def html_before_pdf() -> bytes:
    """An HTML page with a PDF after it: a browser renders the page, a PDF reader may open the PDF."""
    return b"<html><body>" + SCRIPT + b"<!--\n" + minimal_pdf() + b"-->\n</body></html>\n"


def html_after_pdf() -> bytes:
    """A PDF with an HTML page appended after its %%EOF."""
    return minimal_pdf() + b"<html><body>" + SCRIPT + b"</body></html>\n"


def html_inside_pdf() -> bytes:
    """A valid PDF that carries an HTML page in a comment between its header and its objects."""
    return minimal_pdf(comment=b"<html><body>" + SCRIPT + b"</body></html>")


def svg_before_pdf() -> bytes:
    """An SVG image (with an onload script) that has a PDF inside a comment."""
    return (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">\n<!--\n'
        + minimal_pdf()
        + b"-->\n</svg>\n"
    )


def svg_after_pdf() -> bytes:
    """A PDF with an SVG image appended."""
    return minimal_pdf() + SVG + b"\n"


def pdf_zip() -> bytes:
    """A PDF with a ZIP archive appended: readers open either, by the start or by the end."""
    return minimal_pdf() + zip_bytes()


ZEROS_INFLATED = 1024**3  # 1 GiB


@functools.cache
def flate_bomb_stream() -> bytes:
    """About 1 MB of Flate data that inflates to 1 GiB of zeros, made 16 MB at a time."""
    compressor = zlib.compressobj(6)
    zeros = bytes(16 * 1024 * 1024)
    parts = [compressor.compress(zeros) for _ in range(ZEROS_INFLATED // len(zeros))]
    parts.append(compressor.flush())
    return b"".join(parts)


@functools.cache
def flate_bomb_pdf() -> bytes:
    """A valid one-page PDF whose image XObject inflates to 1 GiB."""

    def change(pdf):
        image = pdf.make_stream(b"")
        image.write(flate_bomb_stream(), filter=Name.FlateDecode)
        image.Type = Name.XObject
        image.Subtype = Name.Image
        image.Width = 32768
        image.Height = 32768
        image.ColorSpace = Name.DeviceGray
        image.BitsPerComponent = 8
        pdf.pages[0].Resources.XObject = Dictionary(Kuva=image)

    return _build(change)


def keyword_fake() -> bytes:
    """296 bytes that are no PDF but have every keyword a quick check looks for."""
    head = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% " + SCRIPT + b"\n"
    tail = b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    padding = 296 - len(head) - len(tail % 999) - 1
    head += b"%" + b"x" * (padding - 1) + b"\n"
    data = head + tail % len(head)
    assert len(data) == 296, len(data)
    return data


def encrypted_pdf(user_password: str) -> bytes:
    with pikepdf.open(io.BytesIO(minimal_pdf())) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="omistaja", user=user_password, R=6))
    return out.getvalue()


def many_pages_pdf(pages: int) -> bytes:
    def change(pdf):
        for _ in range(pages - 1):
            pdf.pages.append(pdf.pages[0])

    return _build(change)
