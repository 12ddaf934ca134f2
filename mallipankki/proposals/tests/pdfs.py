"""The test PDFs live in core (core/tests/pdfs.py), beside the check they test; imported here by name."""

from mallipankki.core.tests.pdfs import (  # noqa: F401
    HTML,
    HTML_WITH_PDF_HEADER,
    SVG,
    minimal_pdf,
    pdf_header_with_junk,
    zip_bytes,
)
