"""Is this upload a PDF? Checked by content, never by name.

A structural check without a PDF library:

1. the file starts with `%PDF-1.x` or `%PDF-2.x` (byte 0: an HTML or SVG
   file with a PDF header further down is rejected);
2. `%%EOF` is among the last 1024 bytes;
3. the last `startxref` there gives a byte offset inside the file, and at that
   offset is either a classic cross-reference table (`xref`) or a
   cross-reference stream (`N G obj` whose dictionary says `/Type /XRef`);
4. a trailer or the cross-reference stream names the document catalogue
   (`/Root N G R`).

This is what a PDF reader needs to open a file, so a renamed HTML page,
SVG, ZIP, Office file or image fails, as does a truncated PDF. It does not
prove the whole file is well formed (no reader does that either); the file
is only ever served as an attachment with nosniff, never rendered inline.
"""

import re

HEADER = re.compile(rb"%PDF-[12]\.[0-9]")
STARTXREF = re.compile(rb"startxref\s+(\d{1,12})\s+%%EOF")
XREF_TABLE = re.compile(rb"(?<!start)xref\s")
XREF_STREAM = re.compile(rb"\d{1,10}\s+\d{1,5}\s+obj\s*<<(.{0,8192}?)stream", re.S)
ROOT = re.compile(rb"/Root\s+\d{1,10}\s+\d{1,5}\s+R")
XREF_TYPE = re.compile(rb"/Type\s*/XRef\b")
TAIL_SIZE = 1024
# Writers are sometimes a few bytes off in the offset; readers tolerate it too.
SLACK = 16


def looks_like_pdf(upload) -> bool:
    """True when `upload` (a file object open in binary mode) passes the check above."""
    try:
        return _check(upload)
    except (OSError, ValueError, OverflowError):
        return False
    finally:
        try:
            upload.seek(0)
        except (OSError, ValueError):
            pass


def _check(upload) -> bool:
    upload.seek(0, 2)
    size = upload.tell()
    if size < 64:
        return False
    upload.seek(0)
    if not HEADER.match(upload.read(16)):
        return False
    upload.seek(max(0, size - TAIL_SIZE))
    tail = upload.read(TAIL_SIZE)
    if b"%%EOF" not in tail:
        return False
    matches = list(STARTXREF.finditer(tail))
    if not matches:
        return False
    offset = int(matches[-1].group(1))
    if not 8 < offset < size:
        return False
    start = max(0, offset - SLACK)
    upload.seek(start)
    window = upload.read(16384)
    near = 2 * SLACK + 8  # where the section must begin, counted from `start`
    table = XREF_TABLE.search(window, 0, near + 5)
    if table:
        # Classic table; its trailer follows the table, usually in the tail.
        return bool(ROOT.search(tail) or _trailer_has_root(upload, offset, size))
    stream = XREF_STREAM.search(window)
    if stream is None or stream.start() > near:
        return False
    dictionary = stream.group(1)
    return bool(XREF_TYPE.search(dictionary) and ROOT.search(dictionary))


def _trailer_has_root(upload, offset: int, size: int) -> bool:
    """Finds the trailer after a large xref table (more than the tail holds)."""
    upload.seek(offset)
    # A table row is 20 bytes; read up to 2 MB of table looking for "trailer".
    data = upload.read(min(size - offset, 2 * 1024 * 1024))
    at = data.find(b"trailer")
    return at != -1 and bool(ROOT.search(data, at, at + 4096))
