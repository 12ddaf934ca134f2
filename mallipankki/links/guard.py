"""Which addresses the link checker may connect to.

The checker fetches addresses that editors and importers typed in, from
inside our network. Without this guard a link to http://169.254.169.254/
(a cloud's metadata service) or http://10.0.0.5/admin would make the
server ask its neighbours. The host is resolved here, every address it
resolves to is vetted, and the request then goes to the vetted address
itself (fetch.py), so a DNS answer that changes between the check and the
connection cannot switch it. Every redirect goes through this again.
"""

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

ALLOWED_SCHEMES = {"http", "https"}


class Refused(Exception):
    """The address may not be fetched; `code` is stored in the check's history."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        # ::ffff:127.0.0.1 reaches 127.0.0.1.
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in infos]


def parse(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) address, or Refused."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise Refused("bad-url") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise Refused("scheme")
    if not parts.hostname:
        raise Refused("bad-url")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def vetted_address(
    host: str, port: int, *, allow_private: bool, resolver: Callable[[str, int], list[str]] = system_resolver
) -> str:
    """The address to connect to for `host`, or Refused.

    Refused when any of the host's addresses is not public: a name that
    resolves to both a public and a private address is not trusted to pick
    the public one.
    """
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = resolver(host, port)
        except (OSError, UnicodeError):
            raise Refused("dns") from None
    if not addresses:
        raise Refused("dns")
    if not allow_private and not all(is_public_address(address) for address in addresses):
        raise Refused("private-address")
    return addresses[0]
