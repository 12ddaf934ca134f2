"""The proposal form's 250 countries in real Chromium, by touch and keyboard:
a folded checkbox list (one Tab stop until opened) that works without
JavaScript, and with it a filter box; axe on the opened list (issue 19)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, MOBILE
from .keyboard import focused, tab_to
from .test_accessibility import AXE_OPTIONS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUMMARY = "fieldset[data-filter-choices=countries] summary"


def test_countries_by_keyboard_without_javascript(demo_site, live_server, make_probe):
    probe = make_probe(DESKTOP, javascript=False)
    probe.goto(live_server.url + "/ehdota/")
    page = probe.page
    # Folded, the list is one stop: from the summary Tab goes to the regions.
    tab_to(page, SUMMARY)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_regions_0", f"Tab went to {focused(page)}, not past the folded list"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.locator("#id_countries_0").is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past Finland to the next country
    page.keyboard.press("Space")
    ticked = page.locator("input[name=countries]:checked")
    assert ticked.count() == 2


def test_countries_filter_box_on_a_phone(demo_site, live_server, make_probe, screenshot_dir):
    from mallipankki.vocabularies.models import Country

    total = Country.objects.count()
    probe = make_probe(MOBILE)
    probe.goto(live_server.url + "/ehdota/")
    page = probe.page
    summary = page.locator(SUMMARY)
    assert "valittuna: Suomi" in summary.inner_text()
    summary.click()
    box = page.get_by_label("Etsi luettelosta: Maat")
    box.fill("ruot")
    visible = page.locator("fieldset[data-filter-choices=countries] li:visible")
    assert sorted(visible.all_inner_texts()) == ["Ruotsi", "Suomi"], "the ticked Finland stays in view"
    assert page.locator("#choice-filter-countries-status").inner_text() == f"Näkyvissä 2/{total}"
    page.get_by_label("Ruotsi", exact=True).check()
    assert "valittuna: Suomi, Ruotsi" in summary.inner_text()
    # Enter in the filter box must not send the form.
    box.press("Enter")
    assert page.url.endswith("/ehdota/")
    page.screenshot(path=str(screenshot_dir / "proposal-countries-mobile.png"), full_page=False)
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, format_violations(violations)
    assert not probe.csp_violations() and not probe.page_errors, (probe.csp_violations(), probe.page_errors)
