"""Which database errors mean "busy, nothing written", and what the form decorator does with them."""

import pytest
from django.db import IntegrityError, OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from mallipankki.core.busy import RETRY_AFTER_SECONDS, database_busy, keep_form_when_busy


class PostgresError(Exception):
    def __init__(self, sqlstate):
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def caused_by(sqlstate: str) -> OperationalError:
    error = OperationalError("canceling statement")
    error.__cause__ = PostgresError(sqlstate)
    return error


@pytest.mark.parametrize(
    "error, busy",
    [
        (OperationalError("database is locked"), True),
        (OperationalError("database table is locked: regions_supportrequest"), True),
        (caused_by("55P03"), True),  # lock_timeout
        (caused_by("40P01"), True),  # deadlock
        (caused_by("40001"), True),  # serialisation failure
        (caused_by("08006"), False),  # the connection failed: core/unavailable.py's 503
        (OperationalError("no such table: regions_supportrequest"), False),
        (OperationalError("unable to open database file"), False),
        (IntegrityError("database is locked"), False),
    ],
)
def test_busy_errors(error, busy):
    assert database_busy(error) is busy


def view_raising(error):
    @keep_form_when_busy(lambda request: HttpResponse("lomake"))
    def view(request):
        raise error

    return view


def test_a_busy_post_gets_the_form_as_503_with_retry_after():
    response = view_raising(OperationalError("database is locked"))(RequestFactory().post("/"))
    assert response.status_code == 503
    assert response.content == b"lomake"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("method", ["get", "post"])
def test_other_errors_and_other_methods_go_on(method):
    with pytest.raises(OperationalError):
        view_raising(OperationalError("no such table: x"))(getattr(RequestFactory(), method)("/"))
    if method == "get":
        with pytest.raises(OperationalError):
            view_raising(OperationalError("database is locked"))(RequestFactory().get("/"))
