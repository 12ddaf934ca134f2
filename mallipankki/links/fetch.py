"""Checking one link over HTTP, politely and safely. No database here.

- HEAD first; GET when HEAD is refused or answered with an error that is not
  a plain "not found" (some servers answer HEAD wrongly).
- At most MAX_REDIRECTS redirects; every hop is vetted again (guard.py) and
  a loop is an error.
- One request at a time per host, with `delay` seconds between them
  (HostGate), whichever worker thread asks.
- The connection goes to the vetted IP address; the host name is sent in
  the Host header and used for TLS (SNI and certificate check).
- Documents worth keeping (PDF, DOCX, XLSX, ODT) are downloaded with GET, up
  to MAX_DOWNLOAD bytes, and returned for the content checks.
"""

import hashlib
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from . import documents
from .guard import Refused, parse, system_resolver, vetted_address

MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
# A server that trickles a document slowly is given up on after this long.
DOWNLOAD_TIME_LIMIT = 60.0
# HEAD answers after which GET is not tried: the page is gone, HEAD or not.
DEFINITE_FAILURES = {404, 410}
CHUNK = 64 * 1024


class HostGate:
    """One request at a time per host, at least `delay` seconds apart."""

    def __init__(self, delay: float):
        self.delay = delay
        self._changed = threading.Condition()
        self._busy: set[str] = set()
        self._free_at: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str):
        with self._changed:
            while True:
                if host not in self._busy:
                    wait = self._free_at.get(host, 0.0) - time.monotonic()
                    if wait <= 0:
                        self._busy.add(host)
                        break
                    self._changed.wait(wait)
                else:
                    self._changed.wait()
        try:
            yield
        finally:
            with self._changed:
                self._busy.discard(host)
                self._free_at[host] = time.monotonic() + self.delay
                self._changed.notify_all()


@dataclass
class Download:
    data: bytes
    source_url: str
    sha256: str  # of `data`, as retrieved


@dataclass
class CheckResult:
    url: str
    ok: bool
    status_code: int | None = None
    error: str = ""
    final_url: str = ""
    content_type: str = ""
    size: int | None = None
    download: Download | None = None
    download_error: str = ""


class _Failure(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class Fetcher:
    def __init__(
        self,
        *,
        user_agent: str,
        allow_private: bool = False,
        delay: float = 1.0,
        resolver: Callable[[str, int], list[str]] = system_resolver,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        max_download: int = documents.MAX_DOWNLOAD,
        allow_address: Callable[[str], bool] | None = None,
        ca_certs: str | None = None,
    ):
        self.user_agent = user_agent
        self.allow_private = allow_private
        self.gate = HostGate(delay)
        self.resolver = resolver
        self.timeout = urllib3.Timeout(connect=connect_timeout, read=read_timeout)
        self.max_download = max_download
        # Tests only: a narrower exception than allow_private (one test server's address).
        self.allow_address = allow_address
        # Tests only: trust this CA file instead of the system's.
        self.ca_certs = ca_certs

    def check(self, url: str, *, keep_document: bool = False) -> CheckResult:
        result = CheckResult(url=url, ok=False)
        try:
            response, final_url = self._follow(url, "HEAD")
            if response.status >= 400 and response.status not in DEFINITE_FAILURES:
                response, final_url = self._follow(url, "GET")
        except _Failure as failure:
            result.error = failure.code
            return result
        except Refused as refused:
            result.error = refused.code
            return result
        result.status_code = response.status
        result.final_url = final_url
        result.content_type = response.headers.get("Content-Type", "")[:255]
        length = response.headers.get("Content-Length")
        result.size = int(length) if length and length.isdigit() else None
        result.ok = 200 <= response.status < 300
        if not result.ok:
            result.error = "http-status"
        elif keep_document and documents.archivable_type(result.content_type, final_url):
            if result.size is not None and result.size > self.max_download:
                result.download_error = "too-large"
            else:
                self._download(final_url, result)
        return result

    def _download(self, url: str, result: CheckResult) -> None:
        try:
            data = self._get_body(url)
        except (_Failure, Refused) as failure:
            result.download_error = failure.code
            return
        result.download = Download(data=data, source_url=url, sha256=hashlib.sha256(data).hexdigest())
        result.size = len(data)

    def _follow(self, url: str, method: str):
        """The final response (body unread) and its address, after following redirects."""
        seen = {url}
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            response = self._request(method, current)
            location = response.headers.get("Location")
            if 300 <= response.status < 400 and location:
                current = urljoin(current, location)
                if current in seen:
                    raise _Failure("redirect-loop")
                seen.add(current)
                continue
            return response, current
        raise _Failure("too-many-redirects")

    def _get_body(self, url: str) -> bytes:
        seen = {url}
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            scheme, host, port = parse(current)
            address = self._vet(host, port)
            with self.gate.slot(host):
                response = self._open("GET", current, scheme, host, port, address)
                try:
                    location = response.headers.get("Location")
                    if 300 <= response.status < 400 and location:
                        current = urljoin(current, location)
                        if current in seen:
                            raise _Failure("redirect-loop")
                        seen.add(current)
                        continue
                    if not 200 <= response.status < 300:
                        raise _Failure("http-status")
                    return self._read_capped(response)
                finally:
                    # Closes the socket now; a pool is made per request and never reused.
                    response.close()
        raise _Failure("too-many-redirects")

    def _read_capped(self, response) -> bytes:
        started = time.monotonic()
        parts, total = [], 0
        try:
            for chunk in response.stream(CHUNK, decode_content=True):
                total += len(chunk)
                if total > self.max_download:
                    raise _Failure("too-large")
                if time.monotonic() - started > DOWNLOAD_TIME_LIMIT:
                    raise _Failure("timeout")
                parts.append(chunk)
        except (urllib3.exceptions.HTTPError, OSError):
            raise _Failure("connection") from None
        return b"".join(parts)

    def _vet(self, host: str, port: int) -> str:
        try:
            return vetted_address(host, port, allow_private=self.allow_private, resolver=self.resolver)
        except Refused as refused:
            if refused.code == "private-address" and self.allow_address:
                address = vetted_address(host, port, allow_private=True, resolver=self.resolver)
                if self.allow_address(address):
                    return address
            raise

    def _request(self, method: str, url: str):
        scheme, host, port = parse(url)
        address = self._vet(host, port)
        with self.gate.slot(host):
            response = self._open(method, url, scheme, host, port, address)
            # Only the status and headers are needed: hang up without reading the body.
            response.close()
            return response

    def _open(self, method, url, scheme, host, port, address):
        parts = urlsplit(url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        default_port = 443 if scheme == "https" else 80
        headers = {
            "Host": host if port == default_port else f"{host}:{port}",
            "User-Agent": self.user_agent,
            "Accept": "*/*",
        }
        common = {"port": port, "timeout": self.timeout, "retries": False, "maxsize": 1}
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address,
                server_hostname=host,
                assert_hostname=host,
                cert_reqs="CERT_REQUIRED",
                ca_certs=self.ca_certs,
                **common,
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, **common)
        try:
            return pool.urlopen(
                method, target, headers=headers, redirect=False, preload_content=False, assert_same_host=False
            )
        except urllib3.exceptions.TimeoutError:
            raise _Failure("timeout") from None
        except urllib3.exceptions.SSLError:
            raise _Failure("tls") from None
        except (urllib3.exceptions.HTTPError, OSError):
            raise _Failure("connection") from None
