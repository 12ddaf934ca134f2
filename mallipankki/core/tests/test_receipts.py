"""The signed cookie that takes a stored submission's reference to its thanks page."""

from django.http import HttpResponse
from django.test import RequestFactory

from mallipankki.core.receipts import recall, remember


def returned(response, name: str, value: str | None = None):
    """A request that brings back the cookie `name` of `response` (or `value` in its place)."""
    request = RequestFactory().get("/kiitos/")
    request.COOKIES[name] = response.cookies[name].value if value is None else value
    return request


def test_a_remembered_reference_is_recalled():
    response = HttpResponse()
    remember(response, "tukipyynto", "TUKI-2026-ABC123")
    cookie = response.cookies["tukipyynto"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert recall(returned(response, "tukipyynto"), "tukipyynto") == "TUKI-2026-ABC123"


def test_a_reference_made_up_or_meant_for_another_form_is_not_recalled():
    response = HttpResponse()
    remember(response, "ehdotus", "EHD-2026-ABC123")
    assert recall(returned(response, "ehdotus", "EHD-2026-OTHER1"), "ehdotus") is None
    # Signed for one form, not accepted by another.
    assert recall(returned(response, "tukipyynto", response.cookies["ehdotus"].value), "tukipyynto") is None
    assert recall(RequestFactory().get("/kiitos/"), "ehdotus") is None
