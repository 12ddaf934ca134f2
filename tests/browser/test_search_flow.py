"""Finding a practice in real Chromium: from the header through /haku/ (a
permanent redirect) to the catalogue, the one search-and-filter page; typing
a query and ticking a facet (results update in place and the address
follows, so the state can be shared), then the query box with a chosen
filter. axe-core and the CSP checks run on the results as they stand.
"""

import re

import pytest

from .conftest import DESKTOP
from .test_accessibility import check_page, resolve_path, search_word

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_search_from_the_header_live_and_shareable(demo_site, live_server, make_probe, screenshot_dir):
    from mallipankki.practices.listing import published_practices

    word = search_word(published_practices())
    catalogue, _ = resolve_path("catalogue")
    probe = make_probe(DESKTOP)
    probe.goto(live_server.url + "/")
    page = probe.page

    page.get_by_role("link", name="Hae malleja").click()
    page.wait_for_url(re.compile(re.escape(catalogue) + "$"))
    status = page.locator("#search-status")
    browsing = status.inner_text()

    # Typing updates the results after a pause, without a page load.
    page.get_by_label("Hakusana").fill(word)
    page.wait_for_url(re.compile(r"\?q="))
    page.wait_for_function("(before) => document.querySelector('#search-status').innerText !== before", arg=browsing)
    assert page.locator("#search-results .card").count() >= 1
    assert page.locator("#search-results .card mark").count() >= 1, "matched words are not highlighted"

    # Ticking a facet value narrows the results and goes into the address.
    box = page.locator("#search-facets input[type=checkbox]").first
    name, value = box.get_attribute("name"), box.get_attribute("value")
    box.check()
    page.wait_for_url(re.compile(rf"[?&]{name}={re.escape(value)}"))
    page.wait_for_selector("#search-results:not([aria-busy])")
    assert page.locator(f"#search-facets input[name='{name}'][value='{value}']").is_checked()
    check_page(probe, page.url, 200)  # the shared address gives the same state
    assert page.get_by_label("Hakusana").input_value() == word
    page.screenshot(path=str(screenshot_dir / "search-flow-desktop.png"), full_page=True)

    # An old filter address: the query box keeps the chosen filter; removing
    # the filters keeps the query.
    path, _ = resolve_path("catalogue-filtered")
    probe.goto(live_server.url + path)
    page.get_by_label("Hakusana").fill(word)
    page.get_by_role("button", name="Hae", exact=True).click()
    page.wait_for_url(re.compile(r"\?q="))
    assert "teema=" in page.url, f"the query box dropped the theme filter: {page.url}"
    page.locator(".filters__clear a").first.click()
    page.wait_for_url(lambda url: "teema=" not in url)
    assert "q=" in page.url, f"removing the filter dropped the query: {page.url}"
