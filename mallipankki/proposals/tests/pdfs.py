"""Hand-built test files: a small valid PDF and things pretending to be one."""

import io
import zipfile


def minimal_pdf(text: str = "Mallipankki", padding: int = 0, xref_stream: bool = False) -> bytes:
    """A one-page PDF with a correct cross-reference table (or stream)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
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


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def pdf_header_with_junk() -> bytes:
    # Starts like a PDF but has no structure: a polyglot's typical shape.
    return b"%PDF-1.4\n" + b"<script>alert(1)</script>" * 20 + b"\n%%EOF\n"
