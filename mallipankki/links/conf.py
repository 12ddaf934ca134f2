"""The link checker's settings, each with a default.

Read through these functions (not at import) so tests can override them
with pytest-django's `settings` fixture.
"""

from django.conf import settings


def allow_private_networks() -> bool:
    """For tests only: let the checker reach loopback and private addresses."""
    return bool(getattr(settings, "LINK_CHECK_ALLOW_PRIVATE_NETWORKS", False))


def host_delay() -> float:
    """Seconds between two requests to one host. The issue asks for at least 1 s;
    tests and the benchmark lower it for their local server."""
    return float(getattr(settings, "LINK_CHECK_HOST_DELAY", 1.0))


def concurrency() -> int:
    """How many hosts are checked at once (one request at a time per host)."""
    return max(1, int(getattr(settings, "LINK_CHECK_CONCURRENCY", 32)))


def contact_url() -> str:
    return getattr(settings, "LINK_CHECK_CONTACT_URL", "") or settings.BASE_URL + "/"


def user_agent() -> str:
    return f"Mallipankki-linkkitarkistin/1.0 (+{contact_url()})"
