"""Concurrent writes lose nothing: the public forms, imports and a continuity link under contention.

Each test runs real threads, each with its own database connection, on a
database that they all can use at once (`shared_database`): on SQLite a file
(the test database is in memory, where connections share one cache with
table locks instead of the file's one write lock), on PostgreSQL a database
made from the test database as its template. The other tests' database is
left as it was. Writes wait LOCK_TIMEOUT seconds for a lock (the settings'
DATABASE_LOCK_TIMEOUT, 5 by default) so that the tests are short.

A lock is held by another thread for as long as a test wants: a paused
import (its progress callback waits), or `lock_held`, which takes SQLite's
write lock (BEGIN IMMEDIATE) or, on PostgreSQL, locks the table a form
writes to against inserts.
"""

import re
import shutil
import sqlite3
import threading
import time
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections, transaction
from django.test import Client, override_settings
from django.urls import reverse

from bench.generate_corpus import write_corpus
from bench.pg_databases import drop_database
from mallipankki.adoptions.models import PendingAdoption
from mallipankki.adoptions.tests.helpers import form_data as adoption_post
from mallipankki.continuity.factories import ContinuityReminderFactory
from mallipankki.continuity.models import ContinuityConfirmation
from mallipankki.continuity.tokens import make_token
from mallipankki.core.busy import RETRY_AFTER_SECONDS
from mallipankki.imports import importer
from mallipankki.imports.importer import import_file
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeFactory, PracticeIndexPageFactory, PracticeRecordFactory
from mallipankki.practices.interchange import VocabularyIndex
from mallipankki.practices.models import PracticePage
from mallipankki.proposals import views as proposal_views
from mallipankki.proposals.models import Proposal, ProposalAttachment
from mallipankki.proposals.tests.helpers import pdf_upload, proposal_data
from mallipankki.regions import services as regions_services
from mallipankki.regions.models import SupportRequest
from mallipankki.regions.tests.helpers import support_post

LOCK_TIMEOUT = 1  # seconds
BUSY_NOTICE = "Lomaketta ei voitu tallentaa juuri nyt"
FILES_NOTICE = "Liitetiedostoja ei voitu säilyttää"
IMPORT_RUNNING = "Toinen tuonti on jo käynnissä"
# Generous limits: these tests post more than a visitor may.
MANY = {
    f"{name}_{suffix}": value
    for name in ("PROPOSAL", "ADOPTION", "SUPPORT_REQUEST")
    for suffix, value in (("RATE_LIMIT", 1000), ("RATE_WINDOW_SECONDS", 3600))
}


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def migrated_copy(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of the migrated test database, made before any test of the module opens its transaction:
    an SQLite file, or a PostgreSQL database (nobody connects to it: it is a template)."""
    with django_db_blocker.unblock():
        name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            copy = tmp_path_factory.mktemp("concurrent") / "migrated.sqlite3"
            connection.ensure_connection()
            with closing(sqlite3.connect(copy)) as target:
                connection.connection.backup(target)
            yield str(copy)
            return
        copy = f"{name}_concurrent_base"
        connection.close()
        with connection._nodb_cursor() as cursor:
            drop_database(cursor, copy)
            cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
        yield copy
        with connection._nodb_cursor() as cursor:
            drop_database(cursor, copy)


@pytest.fixture
def shared_database(request, migrated_copy, tmp_path):
    """A fresh copy of the migrated database for one test, which every thread's connection uses.

    The test's own database connection (inside the transaction that
    pytest-django rolls back) is set aside until the test ends. Lock waits
    last LOCK_TIMEOUT seconds, or as many as the test asks for (parametrize
    "shared_database" indirectly).
    """
    lock_timeout = getattr(request, "param", LOCK_TIMEOUT)
    settings_dict = connections.settings[DEFAULT_DB_ALIAS]
    own = connections[DEFAULT_DB_ALIAS]
    assert own.settings_dict is settings_dict
    saved_name, saved_options = settings_dict["NAME"], dict(settings_dict["OPTIONS"])
    if own.vendor == "sqlite":
        name = str(tmp_path / "shared.sqlite3")
        shutil.copyfile(migrated_copy, name)
        settings_dict["OPTIONS"]["timeout"] = lock_timeout
    else:
        name = f"{saved_name}_concurrent"
        with own._nodb_cursor() as cursor:
            drop_database(cursor, name)
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{migrated_copy}"')
        settings_dict["OPTIONS"]["options"] = f"-c lock_timeout={round(lock_timeout * 1000)}"
    settings_dict["NAME"] = name
    connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)
    cache.clear()
    try:
        with override_settings(PROPOSAL_FILES_ROOT=str(tmp_path / "private"), DATA_DIR=tmp_path, **MANY):
            yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        connections[DEFAULT_DB_ALIAS] = own
        settings_dict["NAME"] = saved_name
        settings_dict["OPTIONS"].clear()
        settings_dict["OPTIONS"].update(saved_options)
        cache.clear()
        if own.vendor != "sqlite":
            with own._nodb_cursor() as cursor:
                drop_database(cursor, name)


@pytest.fixture
def catalogue(shared_database):
    """The site, its practice catalogue and one published practice from Lappi."""
    home = DefaultSiteFactory().root_page
    index = PracticeIndexPageFactory(parent=home)
    record = PracticeRecordFactory(
        id="tyovalmennus", regions=["FI-10"], countries=["FI"], contact={"email": "yhteys@example.org"}
    )
    practice = PracticeFactory(parent=index, record=record, vocabularies=VocabularyIndex())
    return index, practice


class Worker(threading.Thread):
    """Runs `target(*args)` in a thread of its own, with its own database connection."""

    def __init__(self, target, *args):
        super().__init__(daemon=True)
        self.target, self.args = target, args
        self.result = self.error = None

    def run(self):
        try:
            self.result = self.target(*self.args)
        except BaseException as error:  # handed to the test by outcome()
            self.error = error
        finally:
            connections.close_all()

    def outcome(self, timeout: float = 30):
        self.join(timeout)
        assert not self.is_alive(), "the thread did not finish"
        if self.error is not None:
            raise self.error
        return self.result


def started(target, *args) -> Worker:
    worker = Worker(target, *args)
    worker.start()
    return worker


@contextmanager
def lock_held(table: str):
    """Another connection holds a write lock until the block ends: SQLite's one write lock, or on
    PostgreSQL `table` locked against inserts."""
    taken, release = threading.Event(), threading.Event()

    def hold():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("BEGIN IMMEDIATE")
                taken.set()
                release.wait(30)
                cursor.execute("ROLLBACK")
        else:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(f'LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE')
                taken.set()
                release.wait(30)

    holder = started(hold)
    assert taken.wait(10)
    try:
        yield
    finally:
        release.set()
        holder.outcome()


class PausedImport:
    """An import of `count` generated practices in another thread, paused inside its transaction
    (after its first records are written) until `resume()`."""

    def __init__(self, path: Path, count: int = 30, **options):
        with path.open("w", encoding="utf-8") as fp:
            write_corpus(count, fp, seed=len(path.name))
        self.count = count
        self.writing, self.go_on = threading.Event(), threading.Event()
        self.worker = started(self._run, path, options)
        assert self.writing.wait(20), "the import did not start writing"

    def _progress(self, stage, done, total):
        if stage == "write" and not self.writing.is_set():
            self.writing.set()
            self.go_on.wait(30)

    def _run(self, path, options):
        return import_file(path, progress=self._progress, parallel=False, **options)

    def resume(self):
        self.go_on.set()
        return self.worker.outcome()


def html_of(response) -> str:
    return response.content.decode()


def assert_busy_form(response, *typed: str):
    """A 503 that says so in Finnish and shows the form with what was typed."""
    html = html_of(response)
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert BUSY_NOTICE in html and "Mitään ei tallennettu" in html
    assert "<form" in html
    for text in typed:
        assert text.search(html) if isinstance(text, re.Pattern) else text in html, text


# --- the forms while the database is busy -------------------------------------------------


def test_proposal_sent_during_an_import_is_kept_in_the_form_and_stored_when_sent_again(catalogue, tmp_path):
    index, _practice = catalogue
    data = proposal_data(description="Valmentaja ja työnantaja sopivat <kokeilusta> yhdessä.")
    paused = PausedImport(tmp_path / "tuonti.json")
    started_at = time.monotonic()
    response = Client().post("/ehdota/", {**data, "attachments": [pdf_upload()]})
    waited = time.monotonic() - started_at
    try:
        assert_busy_form(
            response,
            'value="Työkokeilu osatyökykyisille"',
            "Valmentaja ja työnantaja sopivat &lt;kokeilusta&gt; yhdessä.",
            'value="maija@example.org"',
            'value="Esimerkkikaupunki"',
            FILES_NOTICE,
        )
        assert waited < LOCK_TIMEOUT + 5
        # Nothing half-written: no proposal, no draft, no attachment row or file.
        assert not Proposal.objects.exists()
        assert not ProposalAttachment.objects.exists()
        assert not PracticePage.objects.filter(title="Työkokeilu osatyökykyisille").exists()
        assert not any((tmp_path / "private").rglob("*.pdf"))
    finally:
        result = paused.resume()
    assert result.ok and result.created == paused.count

    again = Client().post("/ehdota/", {**data, "attachments": [pdf_upload()]})
    assert again.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.practice.title == "Työkokeilu osatyökykyisille"
    assert proposal.attachments.count() == 1
    assert PracticePage.objects.child_of(index).count() == paused.count + 2


def test_support_request_sent_during_an_import_is_stored_or_kept_in_the_form(catalogue, tmp_path):
    paused = PausedImport(tmp_path / "tuonti.json")
    try:
        response = Client().post("/alueet/tukipyynto/", support_post())
        if connection.vendor == "sqlite":
            # One writer at a time: the import's.
            assert_busy_form(response, "Haluamme ottaa työhönvalmennuksen käyttöön", 'value="Pyytäjä Esimerkki"')
            assert not SupportRequest.objects.exists()
        else:
            # PostgreSQL writes a row of its own while the import writes others.
            assert response.status_code == 302
            assert SupportRequest.objects.get().name == "Pyytäjä Esimerkki"
    finally:
        result = paused.resume()
    assert result.ok and result.created == paused.count


def busy_post(form, catalogue):
    """(url, data, table, typed texts, stored rows) of one public form."""
    _index, practice = catalogue
    if form == "proposal":
        return (
            "/ehdota/",
            {**proposal_data(), "attachments": [pdf_upload()]},
            Proposal._meta.db_table,
            ['value="Työkokeilu osatyökykyisille"', 'value="maija@example.org"', FILES_NOTICE],
            Proposal.objects.all,
        )
    if form == "adoption":
        return (
            reverse("adoptions:report", args=[practice.slug]),
            adoption_post(contact_name="Liisa Lappalainen"),
            PendingAdoption._meta.db_table,
            [
                'value="Rovaniemen kaupunki"',
                "Valmennusjaksot lyhennettiin kuuteen viikkoon.",
                'value="Liisa Lappalainen"',
            ],
            PendingAdoption.objects.all,
        )
    if form == "support":
        return (
            "/alueet/tukipyynto/",
            support_post(),
            SupportRequest._meta.db_table,
            ["Haluamme ottaa työhönvalmennuksen käyttöön kunnassamme.", 'value="pyytaja@example.org"'],
            SupportRequest.objects.all,
        )
    reminder = ContinuityReminderFactory(practice=practice)
    return (
        reverse("continuity:confirm", args=[make_token(reminder)]),
        {"answer": "changed", "continuity_status": "embedded", "continuity_owner": "Kunnan työllisyyspalvelut"},
        ContinuityConfirmation._meta.db_table,
        [
            'value="Kunnan työllisyyspalvelut"',
            re.compile(r'value="changed" id="id_answer_\d" checked'),
            re.compile(r'value="embedded" id="id_continuity_status_\d" checked'),
        ],
        ContinuityConfirmation.objects.all,
    )


@pytest.mark.parametrize("form", ["proposal", "adoption", "support", "continuity"])
def test_a_form_that_finds_the_database_busy_answers_503_with_the_form_and_nothing_is_written(catalogue, form):
    client = Client()
    url, data, table, typed, stored = busy_post(form, catalogue)
    with lock_held(table):
        response = client.post(url, data)
        assert_busy_form(response, *typed)
        assert not stored().exists()
    if form == "proposal":
        data["attachments"] = [pdf_upload()]
    # Sent again when the database is free, it is stored.
    assert client.post(url, data).status_code == 302
    assert stored().count() == 1


def test_a_request_stored_just_before_the_database_gets_busy_still_gets_its_thanks_page(catalogue, monkeypatch):
    """Nothing writes after the submission: the thanks page learns its reference from a signed cookie."""
    held = ExitStack()
    original = regions_services.emails.notify_new_request

    def notify_then_lock(*args, **kwargs):
        original(*args, **kwargs)
        held.enter_context(lock_held(SessionStore.get_model_class()._meta.db_table))

    monkeypatch.setattr(regions_services.emails, "notify_new_request", notify_then_lock)
    client = Client()
    with held:
        response = client.post("/alueet/tukipyynto/", support_post())
        assert response.status_code == 302
        thanks = client.get(response["Location"])
        assert thanks.status_code == 200
        assert SupportRequest.objects.get().reference in html_of(thanks)


@pytest.mark.parametrize("form", ["support", "proposal"])
def test_a_busy_error_after_the_submission_is_stored_does_not_say_that_nothing_was_saved(catalogue, form, monkeypatch):
    def busy(*args, **kwargs):
        raise OperationalError("database is locked")

    if form == "support":  # inside the view's storing block, after the insert
        monkeypatch.setattr(regions_services.emails, "notify_new_request", busy)
        response = Client().post("/alueet/tukipyynto/", support_post())
        assert SupportRequest.objects.count() == 1
    else:  # after it
        monkeypatch.setattr(proposal_views.emails, "send_confirmation", busy)
        response = Client().post("/ehdota/", proposal_data())
        assert Proposal.objects.count() == 1
    assert response.status_code == 503
    assert BUSY_NOTICE not in html_of(response)


# --- imports ---------------------------------------------------------------------------------


def test_web_writes_at_the_start_of_an_import_do_not_break_it(catalogue, tmp_path, monkeypatch):
    """The import has read (SQLite: a snapshot) when a visitor's write arrives: the write waits for
    the import or gets the form back, and the import goes on."""
    has_read, visitor_posting = threading.Event(), threading.Event()
    original = importer.bulk_import_mode

    @contextmanager
    def read_then_let_the_visitor_in():
        PracticePage.objects.count()
        has_read.set()
        visitor_posting.wait(10)
        time.sleep(0.3)  # the visitor's write is under way
        with original():
            yield

    monkeypatch.setattr(importer, "bulk_import_mode", read_then_let_the_visitor_in)
    path = tmp_path / "tuonti.json"
    with path.open("w", encoding="utf-8") as fp:
        write_corpus(20, fp, seed=4)
    worker = started(import_file, path)
    assert has_read.wait(20)
    visitor_posting.set()
    response = Client().post("/alueet/tukipyynto/", support_post())
    result = worker.outcome()
    assert result.ok and result.created == 20
    assert PracticePage.objects.count() == 21
    if response.status_code == 503:
        assert_busy_form(response, "Haluamme ottaa työhönvalmennuksen käyttöön")
        assert not SupportRequest.objects.exists()
    else:
        assert response.status_code == 302
        assert SupportRequest.objects.count() == 1


@pytest.mark.parametrize("shared_database", [0.2], indirect=True)
def test_an_import_runs_through_a_stream_of_form_posts_and_every_post_is_stored_or_kept(catalogue, tmp_path):
    path = tmp_path / "tuonti.json"
    with path.open("w", encoding="utf-8") as fp:
        write_corpus(1000, fp, seed=8)
    worker = started(import_file, path)
    client, answers = Client(), []
    while worker.is_alive() or not answers:
        answers.append(client.post("/alueet/tukipyynto/", support_post(name=f"Pyytäjä {len(answers)}")))
    result = worker.outcome()
    assert result.ok and result.created == 1000
    statuses = [response.status_code for response in answers]
    assert set(statuses) <= {302, 503}, statuses
    stored = set(SupportRequest.objects.values_list("name", flat=True))
    for number, response in enumerate(answers):
        if response.status_code == 302:
            assert f"Pyytäjä {number}" in stored
        else:
            assert_busy_form(response, f'value="Pyytäjä {number}"')
            assert f"Pyytäjä {number}" not in stored
    assert len(stored) == statuses.count(302)


def test_a_second_import_is_refused_at_once_with_a_finnish_message(catalogue, tmp_path):
    other = tmp_path / "toinen.json"
    with other.open("w", encoding="utf-8") as fp:
        write_corpus(5, fp, seed=99)
    staff = Client()
    staff.force_login(User.objects.create_superuser("toimittaja", "t@example.fi", "salasana-pitka-123"))

    paused = PausedImport(tmp_path / "tuonti.json")
    try:
        started_at = time.monotonic()
        with pytest.raises(CommandError, match=IMPORT_RUNNING):
            call_command("import_practices", str(other))
        assert time.monotonic() - started_at < 2
        upload = SimpleUploadedFile("toinen.json", other.read_bytes(), "application/json")
        response = staff.post("/admin/tuonti/", {"file": upload})
        assert response.status_code == 409
        assert IMPORT_RUNNING in html_of(response)
    finally:
        result = paused.resume()
    assert result.ok and result.created == paused.count

    # Once the first is done, the second goes through.
    call_command("import_practices", str(other))
    assert PracticePage.objects.count() == 1 + paused.count + 5


def test_a_refused_admin_confirmation_keeps_the_checked_file_for_another_try(catalogue, tmp_path):
    other = tmp_path / "toinen.json"
    with other.open("w", encoding="utf-8") as fp:
        write_corpus(5, fp, seed=99)
    staff = Client()
    staff.force_login(User.objects.create_superuser("toimittaja", "t@example.fi", "salasana-pitka-123"))
    checked = staff.post("/admin/tuonti/", {"file": SimpleUploadedFile("toinen.json", other.read_bytes())})
    token = html_of(checked).split('name="token" value="')[1].split('"')[0]

    paused = PausedImport(tmp_path / "tuonti.json")
    try:
        response = staff.post("/admin/tuonti/", {"token": token})
        assert response.status_code == 409
        assert IMPORT_RUNNING in html_of(response)
        assert f'name="token" value="{token}"' in html_of(response)
    finally:
        assert paused.resume().ok
    assert staff.post("/admin/tuonti/", {"token": token}).status_code == 302
    assert PracticePage.objects.count() == 1 + paused.count + 5


# --- the continuity link -----------------------------------------------------------------------


@pytest.mark.parametrize("shared_database", [5], indirect=True)
def test_ten_parallel_answers_to_one_continuity_link_one_is_taken_and_nine_get_409(catalogue):
    _index, practice = catalogue
    url = reverse("continuity:confirm", args=[make_token(ContinuityReminderFactory(practice=practice))])
    revisions = practice.revisions.count()
    barrier = threading.Barrier(10)

    def answer(number):
        client = Client()
        barrier.wait(10)
        return client.post(url, {"answer": "running", "note": f"Vastaus {number}"})

    workers = [started(answer, number) for number in range(10)]
    responses = [worker.outcome() for worker in workers]
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [302] + [409] * 9, statuses
    for response in responses:
        if response.status_code == 409:
            assert "Tähän linkkiin on jo vastattu" in html_of(response)
    confirmation = ContinuityConfirmation.objects.get()
    practice.refresh_from_db()
    assert practice.revisions.count() == revisions + 1
    assert confirmation.revision == practice.live_revision
