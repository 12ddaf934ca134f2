"""Planning a project in real Chromium, keyboard only: describe the project,
shortlist two of the results, compare them, download the annex as PDF and
DOCX. axe-core and the CSP checks run on every page as it stands; the same
flow without JavaScript posts the forms.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, MOBILE
from .keyboard import no_sideways_scroll, tab_to, type_into
from .test_accessibility import AXE_OPTIONS, check_page, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESCRIPTION = (
    "Hankkeemme auttaa mielenterveyskuntoutujia pääsemään töihin. Työhönvalmentajat tukevat työnhaussa "
    "ja työpaikalla, ja kerromme työnantajille, miten osatyökykyisiä kannattaa rekrytoida."
)


def axe_clean(probe) -> None:
    violations = Axe().run(probe.page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{probe.page.url}: axe violations\n{format_violations(violations)}"
    assert not probe.csp_violations()
    assert not probe.page_errors


def press(page, selector: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Enter")


def test_describe_shortlist_compare_and_download_by_keyboard(demo_site, live_server, make_probe, screenshot_dir):
    probe = make_probe(DESKTOP)
    page = probe.page
    check_page(probe, live_server.url + "/suunnittele/", 200)

    type_into(page, "#id_description", DESCRIPTION)
    press(page, ".plan-form button[type=submit]")
    page.wait_for_url(re.compile(r"/suunnittele/#tulokset$"))
    results = page.locator(".match")
    assert results.count() >= 2
    assert "IPS" in results.first.locator("h3").inner_text()
    assert results.first.locator("mark").count() >= 1
    axe_clean(probe)
    page.screenshot(path=str(screenshot_dir / "planning-results-desktop.png"), full_page=True)

    # The script turns the result forms into buttons that add in place.
    for number in (1, 2):
        press(page, f".match:nth-child({number}) [data-shortlist-toggle]")
        expected = "1 malli" if number == 1 else "2 mallia"
        page.wait_for_function(
            "(text) => document.querySelector('[data-shortlist-count]').textContent.includes(text)", arg=expected
        )
    assert page.locator(".match:nth-child(1) [data-shortlist-toggle]").get_attribute("aria-pressed") == "true"

    press(page, "a.site-header__shortlist")
    page.wait_for_url(re.compile(r"/muistilista/$"))
    axe_clean(probe)
    assert page.locator(".shortlist__item").count() == 2
    type_into(page, "textarea[name=note]", "Valmennuksen runko sellaisenaan.")
    # The note posts and redirects back to the same address, so wait for that navigation itself.
    with page.expect_navigation(url=re.compile(r"/muistilista/$")):
        press(page, ".shortlist__item:first-child form[action$='/muistiinpano/'] button")
    assert page.locator("textarea[name=note]").first.input_value() == "Valmennuksen runko sellaisenaan."
    page.screenshot(path=str(screenshot_dir / "planning-shortlist-desktop.png"), full_page=True)

    press(page, "a[href^='/vertaa/']")
    page.wait_for_url(re.compile(r"/vertaa/\?mallit="))
    axe_clean(probe)
    assert page.locator("table.compare th[scope=col]").count() == 2
    page.screenshot(path=str(screenshot_dir / "planning-compare-desktop.png"), full_page=True)
    page.go_back(wait_until="load")

    for suffix, magic in (("pdf", b"%PDF-"), ("docx", b"PK")):
        with page.expect_download() as download_info:
            press(page, f"a[href$='/liite.{suffix}']")
        path = download_info.value.path()
        with open(path, "rb") as file:
            assert file.read(5).startswith(magic)


def test_planning_works_without_javascript_and_on_a_phone(demo_site, live_server, make_probe, screenshot_dir):
    # No JavaScript (axe needs it, so it runs on the phone below): the forms post.
    plain = make_probe(MOBILE, javascript=False)
    page = plain.page
    plain.goto(live_server.url + "/suunnittele/")
    page.fill("#id_description", DESCRIPTION)
    page.locator(".plan-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"#tulokset$"))
    page.locator(".match").first.get_by_role("button", name=re.compile("Lisää muistilistalle")).click()
    page.wait_for_url(re.compile(r"/suunnittele/$"))
    assert page.locator(".match").first.get_by_role("button", name=re.compile("Poista muistilistalta")).count() == 1
    # A shared page's button is a link to a confirmation page, which posts.
    plain.goto(live_server.url + "/muistilista/lisaa/?malli=valo-valmennusmalli")
    page.get_by_role("button", name="Lisää muistilistalle").click()
    page.wait_for_url(re.compile(r"/muistilista/$"))
    assert page.locator(".shortlist__item").count() == 2

    phone = make_probe(MOBILE)
    page = phone.page
    phone.goto(live_server.url + "/suunnittele/")
    page.fill("#id_description", DESCRIPTION)
    page.locator(".plan-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"#tulokset$"))
    axe_clean(phone)
    page.screenshot(path=str(screenshot_dir / "planning-results-mobile.png"), full_page=True)
    no_sideways_scroll(page)
    phone.goto(live_server.url + "/vertaa/?mallit=ips-toimintamalli,ratas-malli,valo-valmennusmalli")
    axe_clean(phone)
    page.screenshot(path=str(screenshot_dir / "planning-compare-mobile.png"), full_page=True)
    no_sideways_scroll(page)
