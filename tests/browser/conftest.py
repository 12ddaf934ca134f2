"""Browser tests: real Chromium driven through Playwright against live_server.

Playwright's own browser download is not used; the tests run the system
Chromium at CHROMIUM_PATH (Debian's /usr/bin/chromium, installed by CI). When
it is missing the tests fail with a message saying so rather than skipping,
so that a CI image without it cannot pass unnoticed.

The Playwright sync API runs an event loop in the test thread, which trips
Django's async-unsafe guard on ORM calls made while it runs (the live server
renders pages in its own thread, but a failing test may still query); the
guard is switched off here. See `make_probe` for the ordering this needs.
"""

import contextlib
import os
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/screens"))

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}


class PageProbe:
    """A browser tab that records CSP violations and console errors.

    Every violation of every document the tab shows (a goto, a click that
    navigates, an iframe) is reported to Python the moment it happens, through
    an exposed binding, so none is lost when the next page replaces the
    document. `make_probe` fails the test if any were recorded.
    """

    # Runs before any page script, in every frame; securitypolicyviolation
    # events catch what the console message might word differently between
    # Chromium versions.
    INIT_SCRIPT = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", (event) => {
            const text = event.violatedDirective + " blocked " + (event.blockedURI || "inline") +
                " at " + (event.sourceFile || "") + ":" + event.lineNumber;
            window.__cspViolations.push(text);
            if (window.__reportCspViolation) {
                window.__reportCspViolation(document.location.href, text);
            }
        });
    """

    def __init__(self, context, javascript: bool = True):
        self.context = context
        # Without JavaScript no event listener runs: the console is the only witness.
        self.javascript = javascript
        self.page = context.new_page()
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        # Every CSP violation since the tab opened, with the address it happened on.
        self.all_csp_violations: list[str] = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.expose_binding("__reportCspViolation", self._on_csp_violation)
        self.page.add_init_script(self.INIT_SCRIPT)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)
            if "Content Security Policy" in message.text and not self.javascript:
                self.all_csp_violations.append(f"{message.location.get('url', '')}: {message.text}")

    def _on_csp_violation(self, source, url, text):
        self.all_csp_violations.append(f"{url}: {text}")

    def goto(self, url: str):
        self.console_errors.clear()
        self.page_errors.clear()
        return self.page.goto(url, wait_until="load")

    def csp_violations(self) -> list[str]:
        """The violations of the document shown now."""
        from_console = [text for text in self.console_errors if "Content Security Policy" in text]
        from_events = self.page.evaluate("window.__cspViolations || []")
        return from_console + from_events

    def collect_csp_violations(self) -> list[str]:
        """Every violation since the tab opened, after letting pending reports arrive."""
        if not self.page.is_closed():
            from playwright.sync_api import Error

            # A round trip to the page delivers the binding calls and console
            # events it has already sent; a crashed or navigating page
            # reports what arrived.
            with contextlib.suppress(Error):
                self.page.evaluate("0")
        return list(dict.fromkeys(self.all_csp_violations))


class _SharedChromium:
    """One Chromium for the whole session; each test still gets fresh contexts.

    Starting Chromium costs about a second of CPU time (several seconds of
    wall time on a busy machine), once per browser test before. Contexts are
    as separate as browsers (cookies, storage, cache), so sharing the process
    changes nothing a test sees.

    Between sync calls Playwright marks its event loop as running in this
    thread, which makes Django hand out another database connection (see
    `make_probe`). So the mark is taken off when a test's tabs are closed, as
    if Chromium had stopped, and put back before the browser is used again.
    """

    def __init__(self):
        self.playwright = None
        self.browser = None
        self.loop = None

    def get(self):
        import asyncio

        if self.browser is not None and self.browser.is_connected():
            asyncio._set_running_loop(self.loop)
            return self.browser
        if self.browser is not None:
            # Chromium died in an earlier test: start another one.
            self.stop()
        if not Path(CHROMIUM_PATH).exists():
            pytest.fail(
                f"Chromium not found at {CHROMIUM_PATH}. The browser tests need the system Chromium "
                "(Debian: apt-get install chromium) or CHROMIUM_PATH pointing to one.",
                pytrace=False,
            )
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        self.loop = asyncio.get_running_loop()
        return self.browser

    def release(self):
        """Takes the running-loop mark off between tests (see the class docstring)."""
        import asyncio

        if self.loop is not None:
            asyncio._set_running_loop(None)

    def stop(self):
        import asyncio

        if self.playwright is None:
            return
        asyncio._set_running_loop(self.loop)
        with contextlib.suppress(Exception):
            self.browser.close()
        self.playwright.stop()
        self.playwright = self.browser = self.loop = None


@pytest.fixture(scope="session")
def _shared_chromium():
    chromium = _SharedChromium()
    yield chromium
    chromium.stop()


@pytest.fixture
def make_probe(_shared_chromium):
    """Opens tabs in a Finnish-speaking browser at a given viewport size.

    The session's Chromium (started on the first call, see _SharedChromium) is
    taken on the first call, not at fixture setup, and let go when the test
    ends. While Playwright's event loop runs, Django (through
    asgiref) hands the test thread a different database connection than the
    one the test case set up; so a test does its database work first, then
    opens its tabs, and the database is flushed only after the tabs are closed.

    When the test ends, any Content Security Policy violation on any page a
    tab showed fails it: the policy is strict, and a violation is a broken
    script, style or image for a real visitor.
    """
    contexts = []
    probes = []

    def open_probe(viewport=DESKTOP, javascript: bool = True) -> PageProbe:
        browser = _shared_chromium.get()
        # A Finnish browser: LocaleMiddleware picks the language from
        # Accept-Language, and the site's own texts are in Finnish.
        context = browser.new_context(viewport=viewport, locale="fi-FI", java_script_enabled=javascript)
        contexts.append(context)
        probe = PageProbe(context, javascript)
        probes.append(probe)
        return probe

    yield open_probe
    if contexts:
        violations = [violation for probe in probes for violation in probe.collect_csp_violations()]
        for context in contexts:
            with contextlib.suppress(Exception):
                context.close()
        _shared_chromium.release()
    else:
        violations = []
    if violations:
        pytest.fail("Content Security Policy violations:\n" + "\n".join(violations), pytrace=False)


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker):
    """Loads the demo content once and makes it what every test starts from.

    A transactional test flushes the database when it ends and, with
    serialized_rollback, restores the contents serialized when the test
    database was created. Serializing again after loading the demo content
    makes that restore bring the demo content back, which is several times
    faster than loading it for each test.
    """
    from django.core.management import call_command
    from django.db import connections

    from mallipankki.pages.demo_content import load_demo_content

    with django_db_blocker.unblock():
        connection = connections["default"]
        # Tests that ran earlier in the session may have flushed the database
        # (vocabularies, Wagtail's root page); start from the migrated state.
        if getattr(connection, "_test_serialized_contents", None):
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        load_demo_content()
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        _restore_demo_by_copying_rows(connection)
        # Every test, the first one too, then restores into an empty database,
        # as Django's restore expects (it replays saves, signals included).
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)


class _DemoSnapshot:
    """The rows of every table as the demo content left them, for a fast restore.

    Django's restore deserializes the JSON and saves every object through the
    ORM, one query each (thousands for the demo content), before every browser
    test: that was a large part of each test's setup. Copying the rows back
    with one INSERT per table gives the same database, including the ids, the
    search index (SQLite's FTS table follows its content table by triggers) and
    every table flush empties (the same `django_table_names` list).
    """

    SCHEMA = "demo_snapshot"

    def __init__(self, connection):
        self.connection = connection
        self.postgresql = connection.vendor == "postgresql"
        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        self.tables: list[str] = []
        self.rows: dict[str, tuple[list[str], list[tuple]]] = {}
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if self.postgresql:
                # Copies in a schema of their own in the test database: the
                # rows never leave the server, and flush does not see them.
                cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")
                cursor.execute(f"CREATE SCHEMA {self.SCHEMA}")
            model_columns = self._model_columns()
            for table in sorted(tables):
                columns = model_columns[table]
                names = ", ".join(quote(column) for column in columns)
                cursor.execute(f"SELECT {names} FROM {quote(table)}")  # noqa: S608 -- names from introspection
                rows = cursor.fetchall()
                if not rows:
                    continue
                self.tables.append(table)
                if self.postgresql:
                    cursor.execute(
                        f"CREATE TABLE {self.SCHEMA}.{quote(table)} AS SELECT {names} FROM {quote(table)}"  # noqa: S608
                    )
                self.rows[table] = (columns, rows if not self.postgresql else [])

    @staticmethod
    def _model_columns() -> dict[str, list[str]]:
        """Each table's columns as its model writes them, as Django's restore would.

        Not the table's own list: that has the generated search vectors on
        PostgreSQL (the database computes them) and lacks the rowid that is the
        key of the SQLite full-text tables.
        """
        from django.apps import apps

        columns = {}
        for model in apps.get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                columns[model._meta.db_table] = [field.column for field in model._meta.local_concrete_fields]
        return columns

    def restore(self):
        from django.core.cache import caches
        from django.db import transaction

        connection = self.connection
        quote = connection.ops.quote_name
        # As Django's restore: one transaction, the foreign keys (deferred on
        # both databases) checked at the end.
        with transaction.atomic(using=connection.alias), connection.constraint_checks_disabled():
            with connection.cursor() as cursor:
                for table in self.tables:
                    columns, rows = self.rows[table]
                    names = ", ".join(quote(column) for column in columns)
                    if self.postgresql:
                        cursor.execute(
                            f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM {self.SCHEMA}.{quote(table)}"  # noqa: S608
                        )
                    else:
                        # OR REPLACE: copying Wagtail's index entries makes its
                        # triggers write their full-text rows, which are then
                        # copied too; Django's restore also updates a row that
                        # exists and inserts one that does not.
                        marks = ", ".join(["%s"] * len(columns))
                        cursor.executemany(
                            f"INSERT OR REPLACE INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                            rows,
                        )
            connection.check_constraints(table_names=self.tables)
        # Django's restore saves every object, and the post_save handlers
        # clear what caches hold about them (Wagtail's site root paths, the
        # page cache); a copy sends no signals, and the previous test may have
        # cached pages it then changed, so the caches start empty instead.
        for cache in caches.all():
            cache.clear()


def _restore_demo_by_copying_rows(connection):
    """Makes the test case's restore of the demo content copy rows (see _DemoSnapshot)."""
    snapshot = _DemoSnapshot(connection)
    demo_contents = connection._test_serialized_contents
    deserialize = connection.creation.deserialize_db_from_string

    def restore(data):
        if data is demo_contents:
            snapshot.restore()
        else:
            deserialize(data)

    connection.creation.deserialize_db_from_string = restore


@pytest.fixture
def demo_site(demo_database, db):
    """The demo content in the test database (needs serialized_rollback=True).

    The restore inserts rows with their original ids; on PostgreSQL the id
    sequences must then be moved past them, or the next page a test creates
    collides with a restored one.
    """
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
