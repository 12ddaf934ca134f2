"""The content checks for retrieved documents: the same as for uploads.

A PDF goes through core/pdf.py (parsed under limits, stored rewritten
without active content). DOCX, XLSX and ODT files are ZIP containers: they
must open as one, name the right parts (the OOXML content types, or the
ODF `mimetype` entry), stay within the size caps when unpacked, and carry
no macros.
"""

import io
import zipfile
from dataclasses import dataclass
from urllib.parse import urlsplit

from mallipankki.core.pdf import PdfRefused, clean_pdf

MAX_DOWNLOAD = 25 * 1024 * 1024
MAX_UNPACKED = 256 * 1024 * 1024
MAX_ENTRIES = 10_000

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ARCHIVABLE = {PDF: "pdf", DOCX: "docx", XLSX: "xlsx", ODT: "odt"}
SUFFIXES = {f".{suffix}": content_type for content_type, suffix in ARCHIVABLE.items()}
OOXML_MAIN_PART = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml"}


class DocumentRefused(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CheckedDocument:
    data: bytes  # what to store
    content_type: str
    suffix: str


def archivable_type(content_type: str, url: str) -> str | None:
    """The document type a link claims, by its Content-Type or else its file name."""
    declared = content_type.split(";", 1)[0].strip().lower()
    if declared in ARCHIVABLE:
        return declared
    path = urlsplit(url).path.lower()
    for suffix, kind in SUFFIXES.items():
        if path.endswith(suffix):
            return kind
    return None


def check_document(data: bytes) -> CheckedDocument:
    """The document to store, or DocumentRefused; the bytes decide the type, not the server."""
    if len(data) > MAX_DOWNLOAD:
        raise DocumentRefused("too-large")
    if data.startswith(b"%PDF-"):
        try:
            return CheckedDocument(clean_pdf(data).data, PDF, "pdf")
        except PdfRefused as refused:
            raise DocumentRefused(f"pdf-{refused.reason}"[:40]) from None
    if data.startswith(b"PK\x03\x04"):
        content_type = _zip_document_type(data)
        return CheckedDocument(data, content_type, ARCHIVABLE[content_type])
    raise DocumentRefused("not-a-document")


def _zip_document_type(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocumentRefused("bad-zip") from None
    if len(entries) > MAX_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED:
        raise DocumentRefused("zip-too-large")
    names = {entry.filename for entry in entries}
    if any(name.lower().endswith("vbaproject.bin") or name.lower().startswith("basic/") for name in names):
        raise DocumentRefused("macros")
    with archive:
        if entries and entries[0].filename == "mimetype":
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
            if mimetype == ODT and "content.xml" in names:
                return ODT
            raise DocumentRefused("unsupported-odf")
        if "[Content_Types].xml" in names:
            types = archive.read("[Content_Types].xml")
            for content_type, part in OOXML_MAIN_PART.items():
                if part in names and content_type.encode() + b".main+xml" in types:
                    return content_type
    raise DocumentRefused("unsupported-zip")
