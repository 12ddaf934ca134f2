"""The thesaurus in the catalogue, in real Chromium: a Finnish query names
what else it searched for ("Haku kattoi myös: …", each label marked with its
language), unticking the box searches without the widening, live and in the
address, and the page passes axe in both states."""

import re

import pytest

from .conftest import DESKTOP
from .test_accessibility import check_page, resolve_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_widening_is_named_and_can_be_turned_off(demo_site, live_server, make_probe, screenshot_dir):
    catalogue, _ = resolve_path("catalogue")
    probe = make_probe(DESKTOP)
    check_page(probe, f"{live_server.url}{catalogue}?q=palkkatuella", 200)
    page = probe.page
    note = page.locator("#search-status .result-count__widened")
    assert note.is_visible()
    assert note.inner_text().startswith("Haku kattoi myös:")
    assert note.locator("span[lang=sv]").count() >= 1 and note.locator("span[lang=en]").count() >= 1
    page.screenshot(path=str(screenshot_dir / "search-expansion-desktop.png"), full_page=True)

    switch = page.get_by_label("Laajenna haku muihin kieliin ja synonyymeihin")
    assert switch.is_checked()
    switch.uncheck()
    page.wait_for_url(re.compile(r"laajenna=ei"))
    page.wait_for_selector("#search-results:not([aria-busy])")
    assert page.locator("#search-status .result-count__widened").count() == 0
    check_page(probe, page.url, 200)
    assert not page.get_by_label("Laajenna haku muihin kieliin ja synonyymeihin").is_checked()
