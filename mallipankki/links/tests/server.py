"""A local HTTP server for the link checker's tests, on 127.0.0.1 only.

Its answers are the cases the issue names: 200, 404, 410, 500, slow and
timeout responses, redirect chains and loops, HEAD refused with 405 but GET
answered, a PDF that can change, a huge file and a redirect to a private
address. `requests` records (method, path, User-Agent) for the politeness tests.
"""

import io
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pikepdf


def make_pdf(pages: int = 1) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def make_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


HUGE = 26 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=None, length=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, location, status=302):
        self._send(status, b"", headers={"Location": location})

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        state = self.server.state
        with state["lock"]:
            state["requests"].append((self.command, self.path, self.headers.get("User-Agent"), time.monotonic()))
        path = self.path.split("?", 1)[0]
        if path in ("/ok", "/"):
            self._send(200, b"<p>ok</p>")
        elif path in ("/404", "/410", "/500"):
            self._send(int(path[1:]), b"<p>no</p>")
        elif path == "/fail-if-told":
            self._send(500 if state["failing"] else 200, b"<p>?</p>")
        elif path == "/slow":
            time.sleep(0.3)
            self._send(200, b"<p>slow</p>")
        elif path == "/timeout":
            time.sleep(2)
            self._send(200, b"<p>too late</p>")
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect("/ok" if left == 0 else f"/chain/{left - 1}")
        elif path == "/loop-a":
            self._redirect("/loop-b")
        elif path == "/loop-b":
            self._redirect("/loop-a")
        elif path == "/head405":
            if self.command == "HEAD":
                self._send(405, b"")
            else:
                self._send(200, b"<p>GET works</p>")
        elif path == "/opas.pdf":
            self._send(200, state["pdf"], "application/pdf")
        elif path == "/lomake.docx":
            self._send(200, make_docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        elif path == "/fake.pdf":
            self._send(200, b"<html>not a pdf</html>", "application/pdf")
        elif path == "/huge.pdf":
            self._send_huge()
        elif path == "/to-private":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/to-ten":
            self._redirect("http://10.1.2.3/")
        else:
            self._send(404, b"<p>unknown</p>")

    def _send_huge(self):
        # No Content-Length: the cap must hold while reading, not only on the header.
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        chunk = b"%PDF-1.4\n" + b"0" * (1024 * 1024)
        try:
            for _ in range(HUGE // len(chunk) + 2):
                self.wfile.write(chunk)
        except OSError:
            pass
        self.close_connection = True


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The checker hangs up once it has the headers it needs.
        pass


class LocalServer:
    def __init__(self):
        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.state = {"lock": threading.Lock(), "requests": [], "pdf": make_pdf(1), "failing": True}
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def state(self):
        return self.httpd.state

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
