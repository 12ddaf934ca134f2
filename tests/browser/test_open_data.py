"""Finding and downloading the open data in real Chromium, with the keyboard only.

A person on the home page reaches the footer's "Avoin data" link with Tab,
lands on /avoin-data/, presses "Lataa CSV-tiedosto" and gets a file that a
CSV reader opens, one row per published practice. axe-core finds nothing on
the page and no CSP violation is reported; the page does not scroll sideways
at 320 px (the field tables scroll inside their own region). The API docs
page has a keyboard-reachable way back to the site. Screenshots go to
SCREENSHOT_DIR (default /tmp/screens).
"""

import csv
import io

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, MOBILE
from .keyboard import focused, no_sideways_scroll, tab_to
from .test_accessibility import AXE_OPTIONS, check_page, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def assert_clean(probe, where: str, context=None) -> None:
    violations = Axe().run(probe.page, context=context, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{where}: {len(violations)} axe violations\n{format_violations(violations)}"
    assert not probe.csp_violations(), f"{where}: {probe.csp_violations()}"
    assert not probe.page_errors, f"{where}: {probe.page_errors}"


def test_keyboard_only_from_the_footer_to_the_csv_download(demo_site, live_server, make_probe, screenshot_dir):
    from mallipankki.practices.listing import published_practices

    # Database work first, then the browser (see make_probe).
    published = set(published_practices().values_list("slug", flat=True))
    assert published, "the demo content has no published practices"

    probe = make_probe(DESKTOP)
    page = probe.page
    check_page(probe, live_server.url + "/", 200)

    tab_to(page, ".site-footer a[href='/avoin-data/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + "/avoin-data/", page.url
    assert page.inner_text("h1") == "Avoin data"
    assert_clean(probe, "/avoin-data/")
    page.screenshot(path=str(screenshot_dir / "open-data-desktop.png"), full_page=True)

    tab_to(page, "#lataa-csv")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "mallipankki-practices.csv"
    with open(download.path(), encoding="utf-8-sig", newline="") as fp:
        rows = list(csv.DictReader(io.StringIO(fp.read())))
    assert {row["id"] for row in rows} == published
    # A practice written only in Swedish or English has no Finnish name.
    assert all((row["name_fi"] or row["name_sv"] or row["name_en"]) and row["url"].startswith("http") for row in rows)
    assert not probe.csp_violations(), probe.csp_violations()

    # The field tables are scrollable regions, reachable from the keyboard.
    tab_to(page, ".table-scroll")
    assert focused(page)["tag"] == "DIV"

    mobile = make_probe(MOBILE)
    mobile.goto(live_server.url + "/avoin-data/")
    assert_clean(mobile, "/avoin-data/ at 375 px")
    mobile.page.screenshot(path=str(screenshot_dir / "open-data-mobile.png"), full_page=True)
    no_sideways_scroll(mobile.page)


def test_api_docs_lead_back_to_the_site(demo_site, live_server, make_probe, screenshot_dir):
    probe = make_probe(DESKTOP)
    page = probe.page
    response = probe.goto(live_server.url + "/api/v1/docs")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == "fi"
    page.wait_for_selector(".swagger-ui .info .title")
    page.screenshot(path=str(screenshot_dir / "api-docs-desktop.png"))
    # Swagger UI itself is not ours to fix; the bar we add must be clean.
    assert_clean(probe, "the API docs' header", context="header.api-docs-header")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "← Mallipankki"
    # Swagger UI's deep links change the address too; wait for the home page itself.
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/")
    assert page.locator("h1").count() == 1
