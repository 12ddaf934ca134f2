"""Uploaded PDFs: parsed with qpdf under limits, stored as a rewritten copy without active content.

Every PDF that a visitor or a staff member uploads (proposal attachments,
Wagtail documents) goes through `clean_pdf()`:

1. The bytes start with the header `%PDF-1.x` or `%PDF-2.x` and end with
   `%%EOF`, followed at most by whitespace: no HTML or SVG in front (a
   polyglot that a browser would read as a page) and no second file behind
   (a ZIP or HTML appended after the PDF).
2. qpdf (through pikepdf) parses the file without trying to repair it, within
   limits: at most MAX_OBJECTS objects, MAX_PAGES pages, and MAX_INFLATED_SIZE
   bytes when all its streams are decoded. Streams are decoded here in
   chunks, counting, and the count stops at the limit: a stream of 1 MB that
   inflates to 1 GiB costs 256 MB of zlib's work and no memory. What qpdf
   decodes itself (object streams) is held to QPDF_STREAM_MEMORY per stream.
3. Active content is removed: JavaScript (the document's named scripts and
   every JavaScript action), additional actions (`/AA`) of the document,
   pages, annotations and form fields, Launch, GoToR, GoToE, SubmitForm and
   ImportData actions, multimedia actions, links whose address is not
   http(s) or mailto, embedded files (`/EmbeddedFiles`, file attachment
   annotations, `/EF` payloads) and XFA forms.
4. The document is written out again by qpdf (only objects reachable from
   the document are written, so comments, junk between objects and
   unreferenced objects are gone), reopened, and checked once more: when
   anything active is left, or the pages differ, the file is refused.

The caller stores `CleanPdf.data`, never the uploaded bytes. Pages, their
text and images, links to web pages, bookmarks and metadata are kept.
"""

import base64
import io
import logging
import re
import unicodedata
import zlib
from dataclasses import dataclass

import pikepdf
from django.utils.translation import gettext_lazy as _
from pikepdf import Array, Dictionary, Name, Stream
from pikepdf import settings as pikepdf_settings

logger = logging.getLogger(__name__)

MAX_PAGES = 1000
MAX_OBJECTS = 200_000
MAX_INFLATED_SIZE = 256 * 1024 * 1024
# What qpdf may hold in memory for one stream it decodes itself (object
# streams, filters it re-encodes on writing). Real object streams are a few MB.
QPDF_STREAM_MEMORY = 64 * 1024 * 1024
CHUNK = 256 * 1024

HEADER = re.compile(rb"%PDF-[12]\.[0-9]")
# What may follow the last %%EOF: line ends, spaces, tabs, form feeds.
TRAILING_WHITESPACE = b"\r\n\t\f "

# Process-wide qpdf limits (pikepdf: set once, before threads use it).
pikepdf_settings.set_qpdf_limits(
    flate_max_memory=QPDF_STREAM_MEMORY,
    run_length_max_memory=QPDF_STREAM_MEMORY,
    png_max_memory=QPDF_STREAM_MEMORY,
    tiff_max_memory=QPDF_STREAM_MEMORY,
    dct_max_memory=QPDF_STREAM_MEMORY,
)

# Messages shown next to the file field; %(name)s is the (safe) file name.
NOT_A_PDF = _("Tiedosto %(name)s ei ole PDF-tiedosto. Liitä vain PDF-tiedostoja.")
EXTRA_DATA = _(
    "Tiedostossa %(name)s on PDF-tiedoston edessä tai perässä muuta sisältöä. "
    "Tallenna tiedosto uudelleen PDF-muodossa ja liitä se sitten."
)
ENCRYPTED = _("Tiedosto %(name)s on suojattu salasanalla. Liitä tiedosto ilman salasanaa.")
NO_PAGES = _("Tiedostossa %(name)s ei ole yhtään sivua.")
TOO_MANY_PAGES = _("Tiedostossa %(name)s on liikaa sivuja: enintään %(max)s.")
TOO_COMPLEX = _(
    "Tiedosto %(name)s on liian monimutkainen tai sen sisältö on purettuna liian suuri. "
    "Tallenna tai tulosta se uudelleen PDF-tiedostoksi pienemmällä kuvien tarkkuudella."
)


class PdfRefused(ValueError):
    """The upload is not accepted; `message` (Finnish, with %(name)s) says why."""

    def __init__(self, message, reason: str, **params):
        super().__init__(reason)
        self.message = message
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class CleanPdf:
    data: bytes  # the rewritten PDF: store this
    pages: int
    removed: tuple[str, ...]  # kinds of active content that were taken out


def clean_pdf(data: bytes) -> CleanPdf:
    """The rewritten PDF without active content, or PdfRefused."""
    _check_envelope(data)
    limit_errors = pikepdf_settings.qpdf_limit_errors()
    try:
        return _rewrite(data)
    except PdfRefused:
        raise
    except pikepdf.PasswordError:
        raise PdfRefused(ENCRYPTED, "encrypted") from None
    except _TooLarge:
        raise PdfRefused(TOO_COMPLEX, "inflated-size") from None
    except (pikepdf.PdfError, RuntimeError, ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
        if pikepdf_settings.qpdf_limit_errors() != limit_errors:
            raise PdfRefused(TOO_COMPLEX, "qpdf-limit") from None
        logger.info("Uploaded PDF refused: %s", str(exc)[:300])
        raise PdfRefused(NOT_A_PDF, "unparsable") from None


def _check_envelope(data: bytes) -> None:
    if not HEADER.match(data):
        raise PdfRefused(NOT_A_PDF if b"%PDF-" not in data[:4096] else EXTRA_DATA, "header")
    end = data.rfind(b"%%EOF")
    if end == -1:
        raise PdfRefused(NOT_A_PDF, "no-eof")
    if data[end + 5 :].strip(TRAILING_WHITESPACE):
        raise PdfRefused(EXTRA_DATA, "data-after-eof")


def _rewrite(data: bytes) -> CleanPdf:
    with pikepdf.open(io.BytesIO(data), attempt_recovery=False) as pdf:
        size = pdf.trailer.get(Name.Size)
        if isinstance(size, int) and size > MAX_OBJECTS + 1:
            raise PdfRefused(TOO_COMPLEX, "objects")
        pages = len(pdf.pages)
        if pages == 0:
            raise PdfRefused(NO_PAGES, "no-pages")
        if pages > MAX_PAGES:
            raise PdfRefused(TOO_MANY_PAGES, "pages", max=MAX_PAGES)
        objects = list(pdf.objects)
        if len(objects) > MAX_OBJECTS:
            raise PdfRefused(TOO_COMPLEX, "objects")
        budget = MAX_INFLATED_SIZE
        for obj in objects:
            if isinstance(obj, Stream):
                budget -= decoded_size(obj, budget)
        removed = active_content(pdf, objects)
        _remove_active_content(pdf, objects)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    result = out.getvalue()
    with pikepdf.open(io.BytesIO(result), attempt_recovery=False) as copy:
        left = active_content(copy)
        if left or len(copy.pages) != pages:
            logger.warning("Rewritten PDF still has active content %s; refused", sorted(left))
            raise PdfRefused(NOT_A_PDF, "still-active")
    if removed:
        logger.info("Removed from an uploaded PDF: %s", ", ".join(sorted(removed)))
    return CleanPdf(data=result, pages=pages, removed=tuple(sorted(removed)))


# --- file names ---------------------------------------------------------------------

UNSAFE_NAME_CHARACTERS = re.compile(r"[^\w .()-]+")
PDF_SUFFIX = re.compile(r"(?i)\.pdf$")


def safe_file_name(name: str | None, default: str = "liite") -> str:
    """The name to store and show for an uploaded PDF: safe characters, ending in .pdf.

    The last path component, NFC-normalised; letters and digits (any
    alphabet), spaces and ``_ . ( ) -`` are kept and every other run of
    characters (control and format characters, quotes, slashes, <, >, ;)
    becomes ``_``; no leading dot or dash; at most 100 characters before the
    ``.pdf`` that always ends it.
    """
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = UNSAFE_NAME_CHARACTERS.sub("_", PDF_SUFFIX.sub("", name.strip()))
    stem = re.sub(r" {2,}", " ", stem).strip(" ._-")[:100].rstrip(" ._-")
    return f"{stem or default}.pdf"


# --- active content ---------------------------------------------------------------

# Actions that run code, open or send files, or play media (the list follows
# pikepdf.sanitize's JavaScript, external-access and multimedia actions, except
# links to web pages and email addresses, which are kept).
ACTIVE_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/GoToR",
        "/GoToE",
        "/SubmitForm",
        "/ImportData",
        "/Rendition",
        "/Movie",
        "/Sound",
        "/RichMediaExecute",
    }
)
SAFE_URI = re.compile(r"(?i)(https?|mailto):")
# Keys that hold active content wherever they are: scripts, triggers, files, XFA, media.
ACTIVE_KEYS = {
    "/JS": "JavaScript",
    "/JavaScript": "JavaScript",  # the document's named scripts (/Names)
    "/AA": "additional actions",
    "/EmbeddedFiles": "embedded file",
    "/EF": "embedded file",
    "/AF": "embedded file",  # associated files (PDF 2.0)
    "/XFA": "XFA",
    "/NeedsRendering": "XFA",
    "/Renditions": "multimedia",
    "/Movie": "multimedia",
    "/Sound": "multimedia",
    "/RichMediaContent": "multimedia",
    "/RichMediaSettings": "multimedia",
    "/3DD": "multimedia",
}
# A quick look at each object as qpdf writes it (names decoded, e.g. /J#53 is
# /JS): only objects with one of these names, or a link that is not http(s)
# or mailto, are walked through in Python. A name ends at a delimiter.
SUSPECT = re.compile(
    rb"/(?:JS|JavaScript|AA|Launch|GoToR|GoToE|SubmitForm|ImportData|Renditions?|Movie|Sound|RichMedia\w*|3DD"
    rb"|EmbeddedFiles?|EF|AF|XFA|NeedsRendering|FileAttachment)(?=[\s()<>\[\]{}/%]|$)"
    rb"|/URI\s*(?!\((?i:https?|mailto):)[(<]"
)


REFERENCE = re.compile(rb"(?<![\d.])(\d+ \d+) R\b")


def _action_kind(value) -> str | None:
    """The kind of active action `value` is, or None for anything else."""
    if not isinstance(value, Dictionary | Stream):
        return None
    subtype = value.get(Name.S)
    if not isinstance(subtype, Name):
        return None
    if str(subtype) in ACTIVE_ACTIONS:
        return str(subtype)[1:]
    if subtype == Name.URI:
        uri = value.get(Name.URI)
        target = bytes(uri).decode("latin-1") if isinstance(uri, pikepdf.String) else ""
        if not SAFE_URI.match(target.strip()):
            return "URI"
    return None


def _suspects(pdf, objects):
    """The trailer, the objects whose text names something active, and the holders of active actions.

    An action is often an object of its own (`/OpenAction 12 0 R`); the object
    that refers to it is then a suspect too, so that the reference is removed.
    """
    suspects = [pdf.trailer] + [obj for obj in objects if SUSPECT.search(_text(obj))]
    targets = {b"%d %d" % obj.objgen for obj in suspects[1:] if _action_kind(obj)}
    if targets:
        seen = {obj.objgen for obj in suspects[1:]}
        suspects += [
            obj for obj in objects if obj.objgen not in seen and not targets.isdisjoint(REFERENCE.findall(_text(obj)))
        ]
    return suspects


def _text(obj) -> bytes:
    return (obj.stream_dict if isinstance(obj, Stream) else obj).unparse(resolved=True)


def _containers(pdf, objects):
    """Every dictionary and array of the suspect objects, once, with their direct contents."""
    stack = list(_suspects(pdf, objects))
    while stack:
        obj = stack.pop()
        if isinstance(obj, Dictionary | Stream):
            yield obj
            children = obj.values()
        elif isinstance(obj, Array):
            yield obj
            children = obj
        else:
            continue
        stack.extend(child for child in children if isinstance(child, Dictionary | Array) and not child.is_indirect)


def active_content(pdf, objects=None) -> set[str]:
    """The kinds of active content in `pdf` (empty when there is none)."""
    found = set()
    for container in _containers(pdf, pdf.objects if objects is None else objects):
        if isinstance(container, Array):
            continue
        found.update(kind for key, kind in ACTIVE_KEYS.items() if key in container)
        kind = _action_kind(container)
        if kind:
            found.add(kind)
        if container.get(Name.Subtype) == Name.FileAttachment and Name.FS in container:
            found.add("embedded file")
        if container.get(Name.Type) == Name.EmbeddedFile:
            found.add("embedded file")
    return found


def _remove_active_content(pdf, objects) -> None:
    """Takes out what active_content() finds: the key that holds it, or the action from its holder."""
    actions = []
    for container in _containers(pdf, objects):
        if isinstance(container, Array):
            _drop_actions(container)
            continue
        for key in ACTIVE_KEYS:
            if key in container:
                del container[key]
        for key in list(container.keys()):
            value = container[key]
            if _action_kind(value):
                del container[key]
            elif isinstance(value, Array) and _drop_actions(value) and key == "/Next" and not len(value):
                del container[key]  # a chain of actions that were all active
        if container.get(Name.Subtype) == Name.FileAttachment and Name.FS in container:
            del container[Name.FS]
        if _action_kind(container):
            actions.append(container)
    # An active action is now referred to by nothing (and not written), unless by
    # something not seen here: to be sure, it is left empty, which does nothing.
    for action in actions:
        for key in list(action.keys()):
            del action[key]


def _drop_actions(array) -> bool:
    """Removes the active actions from `array`; True when there were any."""
    active = [index for index in range(len(array)) if _action_kind(array[index])]
    for index in reversed(active):
        del array[index]
    return bool(active)


# --- decoding with a limit -----------------------------------------------------------


class _TooLarge(Exception):
    pass


FLATE = {"/FlateDecode", "/Fl"}
IMAGE_FILTERS = {"/DCTDecode", "/DCT", "/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode", "/CCF"}


def decoded_size(stream, limit: int) -> int:
    """Bytes that `stream`'s generalized filters decode it to; _TooLarge above `limit`.

    Decoded in chunks and counted, never held whole. Image filters (JPEG,
    JPEG 2000, JBIG2, fax) are left encoded, as qpdf leaves them. A stream
    whose data does not decode counts what decoded (qpdf keeps such streams
    as they are, and so do we).
    """
    filters = stream.get(Name.Filter)
    names = [str(item) for item in (filters if isinstance(filters, Array) else [filters]) if item is not None]
    parms = stream.get(Name.DecodeParms)
    parms = list(parms) if isinstance(parms, Array) else [parms] * len(names)
    parms += [None] * (len(names) - len(parms))
    chunks = _chunks(stream.read_raw_bytes())
    for index, name in enumerate(names):
        if name in IMAGE_FILTERS:
            break
        if name in FLATE:
            chunks = _inflate(chunks, limit)
        elif name in ("/LZWDecode", "/LZW"):
            early = parms[index].get(Name.EarlyChange, 1) if isinstance(parms[index], Dictionary) else 1
            chunks = _lzw(chunks, limit, int(early))
        elif name in ("/ASCIIHexDecode", "/AHx"):
            chunks = _ascii_hex(chunks)
        elif name in ("/ASCII85Decode", "/A85"):
            chunks = _ascii85(chunks)
        elif name in ("/RunLengthDecode", "/RL"):
            chunks = _run_length(chunks, limit)
        elif name == "/Crypt":
            continue  # qpdf has decrypted the raw data already
        else:
            break  # nobody decodes an unknown filter
    total = 0
    try:
        for chunk in chunks:
            total += len(chunk)
            if total > limit:
                raise _TooLarge
    except (zlib.error, ValueError):
        pass
    return total


def _chunks(data: bytes):
    for start in range(0, len(data), CHUNK):
        yield data[start : start + CHUNK]


def _inflate(chunks, limit: int):
    inflater = zlib.decompressobj()
    produced = 0
    for chunk in chunks:
        while chunk and not inflater.eof:
            out = inflater.decompress(chunk, CHUNK)
            produced += len(out)
            if produced > limit:
                raise _TooLarge
            yield out
            chunk = inflater.unconsumed_tail
        if inflater.eof:
            return


def _ascii_hex(chunks):
    digits = re.compile(rb"[^0-9A-Fa-f]")
    carry = b""
    for chunk in chunks:
        end = chunk.find(b">")
        data = carry + digits.sub(b"", chunk if end == -1 else chunk[:end])
        even = len(data) & ~1
        yield bytes.fromhex(data[:even].decode("ascii"))
        carry = data[even:]
        if end != -1:
            break
    if carry:
        yield bytes.fromhex((carry + b"0").decode("ascii"))


def _ascii85(chunks):
    space = re.compile(rb"\s")
    carry = b""
    for chunk in chunks:
        end = chunk.find(b"~")
        data = carry + space.sub(b"", chunk if end == -1 else chunk[:end]).replace(b"z", b"!!!!!")
        whole = len(data) - len(data) % 5
        yield base64.a85decode(data[:whole])
        carry = data[whole:]
        if end != -1:
            break
    if carry:
        yield base64.a85decode(carry)


def _run_length(chunks, limit: int):
    carry, produced = b"", 0
    for chunk in chunks:
        data, at, out = carry + chunk, 0, bytearray()
        while at < len(data):
            length = data[at]
            if length == 128:
                yield bytes(out)
                return
            step = length + 2 if length < 128 else 2
            if at + step > len(data):
                break
            out += data[at + 1 : at + step] if length < 128 else data[at + 1 : at + 2] * (257 - length)
            at += step
            if len(out) >= CHUNK:
                produced += len(out)
                if produced > limit:
                    raise _TooLarge
                yield bytes(out)
                out.clear()
        carry = data[at:]
        yield bytes(out)


def _lzw(chunks, limit: int, early: int):
    """PDF's LZW (variable code width, clear code 256, end code 257)."""
    table = [bytes([value]) for value in range(256)] + [b"", b""]
    width, previous, bits, held = 9, b"", 0, 0
    out = bytearray()
    produced = 0
    for chunk in chunks:
        for byte in chunk:
            bits = (bits << 8) | byte
            held += 8
            while held >= width:
                held -= width
                code = (bits >> held) & ((1 << width) - 1)
                bits &= (1 << held) - 1
                if code == 256:
                    del table[258:]
                    width, previous = 9, b""
                    continue
                if code == 257:
                    yield bytes(out)
                    return
                if code < len(table):
                    entry = table[code]
                    if previous and len(table) < 4096:
                        table.append(previous + entry[:1])
                elif code == len(table) and previous:
                    entry = previous + previous[:1]
                    if len(table) < 4096:
                        table.append(entry)
                else:
                    raise ValueError("bad LZW code")
                out += entry
                previous = entry
                size = len(table) + early
                width = 12 if size >= 2048 else 11 if size >= 1024 else 10 if size >= 512 else 9
                if len(out) >= CHUNK:
                    produced += len(out)
                    if produced > limit:
                        raise _TooLarge
                    yield bytes(out)
                    out.clear()
    yield bytes(out)
