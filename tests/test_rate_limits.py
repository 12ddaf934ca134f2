"""The public forms' per-address rate limits under parallel posts, on SQLite and on PostgreSQL.

Each post runs in its own thread with its own database connection, through
the view as a browser sends it, all threads released at once. Exactly the
limit gets stored; the other posts get the form's Finnish rate-limit page.

pytest-django's SQLite test database lives in memory with a shared cache,
where a connection that meets another's lock fails at once ("database table
is locked") instead of waiting as production's SQLite file does. So on SQLite
the threads use a file copy of the test database, opened with the project's
settings (WAL, busy timeout); on PostgreSQL they use the test database itself.
"""

import contextlib
import sqlite3
import threading
from collections import Counter

import pytest
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, connections
from django.test import Client

from mallipankki.adoptions.models import PendingAdoption
from mallipankki.adoptions.tests.helpers import form_data as adoption_post
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import proposal_data
from mallipankki.regions.models import SupportRequest
from mallipankki.regions.tests.helpers import support_post

# Flushed after each test; serialized_rollback brings the migrated vocabularies back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "203.0.113.7"
POSTS = 20


@pytest.fixture(autouse=True)
def sequences_past_restored_rows(db):
    """The restore inserts rows with their ids; PostgreSQL's sequences must move past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@contextlib.contextmanager
def database_for_threads(tmp_path, sqlite_transaction_mode: str = ""):
    """Within it, connections that other threads open reach the test database's current contents.

    On SQLite they begin their transactions with BEGIN `sqlite_transaction_mode`
    (DEFERRED, IMMEDIATE) when one is given, else as the settings say.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = tmp_path / "threads.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    # New connections read NAME and OPTIONS from this dict (shared by every
    # thread's DatabaseWrapper); this thread's open in-memory connection is left alone.
    saved = {key: connection.settings_dict[key] for key in ("NAME", "OPTIONS")}
    connection.settings_dict["NAME"] = str(path)
    # Twenty threads share one interpreter and queue for one write lock; on a
    # loaded 2-core machine the last can wait past the 5 s default and rightly
    # get the 503 "busy" page (tests/test_concurrent_writes.py covers that).
    # Here the limit is under test, so the threads wait as long as it takes.
    options = {**saved["OPTIONS"], "timeout": 120}
    if sqlite_transaction_mode:
        options["transaction_mode"] = sqlite_transaction_mode
    connection.settings_dict["OPTIONS"] = options
    try:
        yield
    finally:
        connection.settings_dict.update(saved)


def in_parallel(count: int, work) -> list:
    """work(i) in `count` threads released together; the results (or raised exceptions) in order."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i):
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            results[i] = error
        finally:
            connections.close_all()  # this thread's connections only

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def in_thread(work):
    """work() on a connection of its own (inside `database_for_threads`: the one the posts used)."""
    (result,) = in_parallel(1, lambda _: work())
    if isinstance(result, BaseException):
        raise result
    return result


def assert_limit_held(responses, stored: int, limit: int, message: str) -> None:
    errors = [response for response in responses if isinstance(response, BaseException)]
    assert not errors, errors
    assert Counter(response.status_code for response in responses) == {302: limit, 429: POSTS - limit}
    for response in responses:
        if response.status_code == 429:
            assert message in response.content.decode()
    assert stored == limit


# On SQLite both ways of beginning a transaction: the lock must not depend on the setting.
@pytest.mark.parametrize("sqlite_transaction_mode", ["DEFERRED", "IMMEDIATE"])
def test_parallel_proposals_from_one_address_store_exactly_the_limit(
    practice_index, settings, tmp_path, sqlite_transaction_mode
):
    if connection.vendor != "sqlite" and sqlite_transaction_mode != "DEFERRED":
        pytest.skip("SQLite's transaction mode; PostgreSQL ran the test once")
    settings.PROPOSAL_FILES_ROOT = str(tmp_path / "private")
    with database_for_threads(tmp_path, sqlite_transaction_mode):
        responses = in_parallel(
            POSTS, lambda i: Client(REMOTE_ADDR=ADDRESS).post("/ehdota/", proposal_data(name=f"Malli {i}"))
        )
        stored = in_thread(lambda: Proposal.objects.count())
        drafts = in_thread(lambda: sorted(Proposal.objects.values_list("practice__title", flat=True)))
    assert_limit_held(responses, stored, 5, "Liian monta ehdotusta")  # the default, 5 an hour
    assert len(drafts) == 5 and None not in drafts  # each stored proposal is whole: its draft exists


def test_parallel_adoption_reports_from_one_address_store_exactly_the_limit(make_practice, settings, tmp_path):
    make_practice(id="tyovalmennus", name={"fi": "Työhönvalmennus"})
    settings.ADOPTION_RATE_LIMIT = 3
    with database_for_threads(tmp_path):
        responses = in_parallel(
            POSTS, lambda i: Client(REMOTE_ADDR=ADDRESS).post("/mallit/tyovalmennus/kaytossa/", adoption_post())
        )
        stored = in_thread(lambda: PendingAdoption.objects.count())
    assert_limit_held(responses, stored, 3, "Liian monta ilmoitusta")


def test_parallel_support_requests_from_one_address_store_exactly_the_limit(practice_index, settings, tmp_path):
    settings.SUPPORT_REQUEST_RATE_LIMIT = 4
    with database_for_threads(tmp_path):
        responses = in_parallel(
            POSTS, lambda i: Client(REMOTE_ADDR=ADDRESS).post("/alueet/tukipyynto/", support_post())
        )
        stored = in_thread(lambda: SupportRequest.objects.count())
    assert_limit_held(responses, stored, 4, "Liian monta tukipyyntöä")
