"""Proposal attachments: hostile PDFs through the form, stored copies, names, and request limits.

The PDF check itself is tested in core/tests/test_pdf.py; here it is the
proposal form's use of it, and the limits on the request (size and number of
files) that apply before the body is read.
"""

import hashlib
import io

import pikepdf
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, ClientHandler, encode_multipart
from django.urls import reverse

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.core.pdf import active_content
from mallipankki.core.tests import pdfs
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.proposals.forms import MAX_REQUEST_SIZE, MAX_TOTAL_SIZE, MultiplePdfField, ProposalForm
from mallipankki.proposals.models import Proposal, ProposalAttachment
from mallipankki.proposals.tests.helpers import PrivateFilesMixin, pdf_upload, proposal_data

URL = "/ehdota/"
FILE_PART = (
    f"--{BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="attachments"; filename="iso.pdf"\r\n'
    "Content-Type: application/pdf\r\n\r\n"
).encode()


class CountingInput:
    """A request body that counts what the server reads of it; `data` then zeros without end."""

    def __init__(self, data: bytes = b""):
        self.data = io.BytesIO(data)
        self.read_bytes = 0

    def read(self, size=-1):
        chunk = self.data.read(size if size is not None and size >= 0 else 1 << 20)
        if size is not None and size > len(chunk):
            chunk += bytes(min(size - len(chunk), 1 << 20))
        self.read_bytes += len(chunk)
        return chunk

    def readline(self, size=-1):
        return self.read(size if size and size > 0 else 1)


def send(body: CountingInput, length: int):
    """POSTs `body` to the proposal form through the whole middleware stack, as a WSGI server would."""
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": URL,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": MULTIPART_CONTENT,
        "CONTENT_LENGTH": str(length),
        "wsgi.input": body,
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    return ClientHandler(enforce_csrf_checks=False)(environ)


@override_settings(PROPOSAL_RATE_LIMIT=10_000)
class AttachmentTests(PrivateFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)

    def post(self, files, **overrides):
        return self.client.post(URL, {**proposal_data(**overrides), "attachments": files})

    def stored(self, attachment: ProposalAttachment) -> bytes:
        with attachment.file.open("rb") as handle:
            return handle.read()

    def test_active_content_is_gone_from_the_stored_files(self):
        files = [
            pdf_upload("skripti.pdf", pdfs.javascript_pdf()),
            pdf_upload("launch.pdf", pdfs.launch_pdf()),
            pdf_upload("upotettu.pdf", pdfs.embedded_file_pdf()),
            pdf_upload("xfa.pdf", pdfs.xfa_pdf()),
            pdf_upload("html-sisalla.pdf", pdfs.html_inside_pdf()),
        ]
        response = self.post(files)
        self.assertRedirects(response, reverse("proposals:thanks"), fetch_redirect_response=False)
        attachments = list(Proposal.objects.get().attachments.all())
        self.assertEqual(
            [item.original_name for item in attachments],
            ["skripti.pdf", "launch.pdf", "upotettu.pdf", "xfa.pdf", "html-sisalla.pdf"],
        )
        for item in attachments:
            data = self.stored(item)
            with pikepdf.open(io.BytesIO(data)) as copy:
                self.assertEqual(active_content(copy), set(), item.original_name)
                self.assertEqual(len(copy.pages), 1)
            for payload in (b"app.alert", b"cmd.exe", b"MZ\x90", b"<xdp", pdfs.SCRIPT):
                self.assertNotIn(payload, data)
            # Size and hash describe the stored copy.
            self.assertEqual(item.size, len(data))
            self.assertEqual(item.sha256, hashlib.sha256(data).hexdigest())

    def test_a_plain_pdf_is_stored_with_its_text(self):
        self.post([pdf_upload("kasikirja.pdf", pdfs.minimal_pdf("Mallin kasikirja"))])
        data = self.stored(ProposalAttachment.objects.get())
        with pikepdf.open(io.BytesIO(data)) as copy:
            content = pikepdf.unparse_content_stream(pikepdf.parse_content_stream(copy.pages[0]))
        self.assertIn(b"(Mallin kasikirja) Tj", content)

    def test_polyglots_and_fakes_are_refused_with_a_finnish_message(self):
        cases = [
            ("html-ensin.pdf", pdfs.html_before_pdf(), "edessä tai perässä muuta sisältöä"),
            ("html-lopussa.pdf", pdfs.html_after_pdf(), "edessä tai perässä muuta sisältöä"),
            ("svg.pdf", pdfs.svg_before_pdf(), "edessä tai perässä muuta sisältöä"),
            ("svg-lopussa.pdf", pdfs.svg_after_pdf(), "edessä tai perässä muuta sisältöä"),
            ("paketti.pdf", pdfs.pdf_zip(), "edessä tai perässä muuta sisältöä"),
            ("avainsanat.pdf", pdfs.keyword_fake(), "ei ole PDF-tiedosto. Liitä vain PDF-tiedostoja."),
            ("pommi.pdf", pdfs.flate_bomb_pdf(), "on liian monimutkainen tai sen sisältö on purettuna liian suuri"),
            ("salattu.pdf", pdfs.encrypted_pdf("salasana"), "on suojattu salasanalla"),
        ]
        for name, data, message in cases:
            with self.subTest(name=name):
                response = self.post([pdf_upload(name, data)])
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f"Tiedosto {name}" if "Tiedosto " in message else name)
                self.assertContains(response, message)
                # What was typed stays on the form.
                self.assertContains(response, "Kahdeksankymmentä osallistujaa")
        self.assertFalse(Proposal.objects.exists())
        self.assertFalse(ProposalAttachment.objects.exists())

    def test_stored_names_are_safe_and_end_in_pdf(self):
        files = [
            pdf_upload("../../<script>alert(1)<script>.pdf"),
            pdf_upload("raportti.exe"),
            pdf_upload("x\u202egpj.exe"),
            pdf_upload("Käsikirja (versio 2).PDF"),
        ]
        self.post(files)
        proposal = Proposal.objects.get()
        names = [item.original_name for item in proposal.attachments.all()]
        # (Django's multipart parser already drops the right-to-left override; the safe name would replace it.)
        self.assertIn(names.pop(2), ["x_gpj.exe.pdf", "xgpj.exe.pdf"])
        self.assertEqual(names, ["script_alert(1)_script.pdf", "raportti.exe.pdf", "Käsikirja (versio 2).pdf"])
        names.insert(2, proposal.attachments.all()[2].original_name)
        self.assertEqual(proposal.data["attachments"], names)
        self.client.force_login(UserFactory(role=permissions.EDITORS))
        response = self.client.get(reverse("proposals_admin:attachment", args=[proposal.attachments.first().pk]))
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="script_alert(1)_script.pdf"')

    def test_the_total_size_is_limited_and_stated_in_the_form(self):
        field = ProposalForm().fields["attachments"]
        self.assertIn("yhteensä enintään 25 Mt", str(field.help_text))
        self.assertEqual(MAX_TOTAL_SIZE, 25 * 1024 * 1024)
        self.assertContains(self.client.get(URL), "kukin enintään 10 Mt ja yhteensä enintään 25 Mt")
        files = [SimpleUploadedFile(f"iso{n}.pdf", pdfs.minimal_pdf(padding=9 * 1024 * 1024 - 1000)) for n in range(3)]
        with self.assertRaisesMessage(Exception, "Liitteet ovat yhteensä liian suuria: yhteensä enintään 25 Mt."):
            MultiplePdfField().clean(files)


@override_settings(PROPOSAL_RATE_LIMIT=10_000)
class RequestLimitTests(TestCase):
    """Limits that apply before the body is read (core/upload_limits.py)."""

    def test_settings(self):
        self.assertEqual(settings.DATA_UPLOAD_MAX_NUMBER_FILES, 5)
        self.assertEqual(MAX_REQUEST_SIZE, 26 * 1024 * 1024)
        # Before CSRF's middleware, which is the first to read a POST body.
        middleware = settings.MIDDLEWARE
        self.assertLess(
            middleware.index("mallipankki.core.upload_limits.UploadLimitMiddleware"),
            middleware.index("django.middleware.csrf.CsrfViewMiddleware"),
        )

    def test_a_200_mb_upload_is_refused_unread(self):
        body = CountingInput(FILE_PART)  # a file part, then 200 MB of its content
        response = send(body, 200 * 1024 * 1024)
        self.assertEqual(response.status_code, 413)
        self.assertEqual(body.read_bytes, 0)
        html = response.content.decode()
        self.assertIn("Lähetys on liian suuri", html)
        self.assertIn("Yhdessä lähetyksessä saa olla enintään 26 Mt.", html)
        self.assertIn('lang="fi"', html)
        self.assertFalse(Proposal.objects.exists())

    def test_just_over_the_limit_is_refused_and_at_the_limit_is_read(self):
        body = CountingInput()
        self.assertEqual(send(body, MAX_REQUEST_SIZE + 1).status_code, 413)
        self.assertEqual(body.read_bytes, 0)
        data = encode_multipart(BOUNDARY, proposal_data())
        body = CountingInput(data)
        response = send(body, len(data))
        self.assertNotEqual(response.status_code, 413)
        self.assertEqual(body.read_bytes, len(data))

    def test_twenty_files_are_cut_off_at_the_sixth(self):
        files = [SimpleUploadedFile(f"liite{n}.pdf", bytes(100_000)) for n in range(20)]
        data = encode_multipart(BOUNDARY, {**proposal_data(), "attachments": files})
        body = CountingInput(data)
        response = send(body, len(data))
        self.assertEqual(response.status_code, 413)
        html = response.content.decode()
        self.assertIn("Lähetyksessä oli liian monta tiedostoa. Voit liittää enintään 5 tiedostoa.", html)
        # Five files and the start of the sixth were read, not twenty.
        self.assertLess(body.read_bytes, 7 * 100_000 + 100_000)
        self.assertLess(body.read_bytes, len(data) // 2)
        self.assertFalse(Proposal.objects.exists())
