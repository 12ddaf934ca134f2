import pytest

from mallipankki.links.fetch import Fetcher

from .server import LocalServer


@pytest.fixture(scope="module")
def local_server():
    server = LocalServer().start()
    yield server
    server.stop()


def local_fetcher(**overrides) -> Fetcher:
    """A fetcher that may reach the test server's 127.0.0.1 and nothing else private."""
    options = {
        "user_agent": "Mallipankki-linkkitarkistin/1.0 (+http://testserver/)",
        "delay": 0,
        "read_timeout": 0.5,
        "allow_address": lambda address: address == "127.0.0.1",
    }
    options.update(overrides)
    return Fetcher(**options)


@pytest.fixture(autouse=True)
def archive_in_tmp(settings, tmp_path):
    """Kept copies are written under a temporary directory, not the checkout's."""
    settings.LINK_ARCHIVE_ROOT = str(tmp_path / "arkisto")
