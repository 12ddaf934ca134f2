"""The SSRF guard: private, loopback, link-local and reserved addresses are refused before connecting."""

import pytest

from mallipankki.links.fetch import Fetcher, _Failure
from mallipankki.links.guard import Refused, is_public_address, parse, vetted_address

from .conftest import local_fetcher

FORBIDDEN = [
    "127.0.0.1",
    "10.0.0.5",
    "10.255.1.1",
    "169.254.169.254",
    "::1",
    "::ffff:127.0.0.1",
    "0.0.0.0",  # noqa: S104 (an address to refuse, not to bind)
    "192.168.1.1",
    "172.16.0.1",
    "fe80::1",
    "fc00::1",
    "100.64.0.1",
    "240.0.0.1",
    "224.0.0.1",
]


@pytest.mark.parametrize("address", FORBIDDEN)
def test_private_and_special_addresses_are_not_public(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["193.166.3.1", "2001:708:10::1"])
def test_ordinary_addresses_are_public(address):
    assert is_public_address(address)


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.5", "169.254.169.254", "::1"])
def test_address_literals_are_refused(address):
    with pytest.raises(Refused) as refused:
        vetted_address(address, 80, allow_private=False, resolver=_no_dns)
    assert refused.value.code == "private-address"


@pytest.mark.parametrize(
    "answer", [["127.0.0.1"], ["10.1.1.1"], ["169.254.169.254"], ["::1"], ["193.166.3.1", "10.0.0.1"]]
)
def test_a_name_resolving_to_a_private_address_is_refused(answer):
    with pytest.raises(Refused):
        vetted_address("hanke.example", 443, allow_private=False, resolver=lambda host, port: answer)


def test_the_vetted_address_is_the_one_connected_to():
    assert (
        vetted_address("hanke.example", 443, allow_private=False, resolver=lambda h, p: ["193.166.3.1"])
        == "193.166.3.1"
    )


@pytest.mark.parametrize(
    "url", ["ftp://example.fi/x", "file:///etc/passwd", "gopher://example.fi/", "javascript:alert(1)"]
)
def test_only_http_and_https(url):
    with pytest.raises(Refused):
        parse(url)


def test_dns_rebinding_cannot_switch_the_address(monkeypatch):
    """The name is resolved once per request and the connection goes to the address that was vetted."""
    answers = iter([["193.166.3.1"], ["127.0.0.1"]])
    calls, connected_to = [], []

    def resolver(host, port):
        calls.append(host)
        return next(answers)

    def fake_open(self, method, url, scheme, host, port, address):
        # Stands in for the socket: no traffic leaves this machine in tests.
        connected_to.append((host, address))
        raise _Failure("connection")

    monkeypatch.setattr(Fetcher, "_open", fake_open)
    local_fetcher(resolver=resolver, allow_address=None).check("http://rebind.example/")
    assert calls == ["rebind.example"]
    assert connected_to == [("rebind.example", "193.166.3.1")]


def test_a_name_that_resolves_to_loopback_is_refused_by_the_checker(local_server):
    local_server.state["requests"].clear()
    fetcher = local_fetcher(resolver=lambda host, port: ["127.0.0.1"], allow_address=None)
    result = fetcher.check(f"http://localhost.example:{local_server.httpd.server_port}/ok")
    assert not result.ok and result.error == "private-address"
    assert local_server.state["requests"] == []


def _no_dns(host, port):
    raise AssertionError("an address literal needs no lookup")
