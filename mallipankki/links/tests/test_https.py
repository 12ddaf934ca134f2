"""HTTPS to a pinned address: the host name still decides SNI and the certificate check."""

import shutil
import ssl
import subprocess
import threading

import pytest

from .conftest import local_fetcher
from .server import Handler, QuietServer


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a test certificate")
    subprocess.run(  # noqa: S603 (fixed arguments)
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=secure.test",
            "-addext",
            "subjectAltName=DNS:secure.test",
        ],
        check=True,
        capture_output=True,
    )
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.state = {"lock": threading.Lock(), "requests": [], "failing": False}
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, str(cert)
    httpd.shutdown()
    httpd.server_close()


def test_https_connects_to_the_vetted_address_and_checks_the_name(tls_server):
    httpd, cert = tls_server
    fetcher = local_fetcher(resolver=lambda host, port: ["127.0.0.1"], ca_certs=cert)
    result = fetcher.check(f"https://secure.test:{httpd.server_port}/ok")
    assert result.ok, result.error
    assert httpd.state["requests"][-1][1] == "/ok"


def test_a_certificate_for_another_name_is_refused(tls_server):
    httpd, cert = tls_server
    fetcher = local_fetcher(resolver=lambda host, port: ["127.0.0.1"], ca_certs=cert)
    result = fetcher.check(f"https://impostor.test:{httpd.server_port}/ok")
    assert not result.ok and result.error == "tls"
