"""Following a practice's family in real Chromium.

On the demo content, four practices are linked into a family with a diamond
(one practice builds on two others). From a practice page a reader follows the
"Koko mallin sukupuu" link with the keyboard to the family page, which axe-core
finds clean at desktop and mobile widths, with no CSP violations and no
sideways scrolling at 320 px. Screenshots go to SCREENSHOT_DIR.
"""

import pytest

from .conftest import DESKTOP, MOBILE
from .test_accessibility import check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def make_family():
    """IPS ← VALO, IPS ← Ratas, and Keijo builds on both VALO and Ratas."""
    from mallipankki.practices.factories import BuildsOnLinkFactory
    from mallipankki.practices.listing import published_practices

    pages = {page.slug: page for page in published_practices()}
    try:
        ips, valo, ratas, keijo = (
            pages[slug]
            for slug in ("ips-toimintamalli", "valo-valmennusmalli", "ratas-malli", "keijo-kokemusasiantuntijakoulutus")
        )
    except KeyError as missing:
        pytest.fail(f"The demo content has no practice {missing}.", pytrace=False)
    BuildsOnLinkFactory(practice=valo, target=ips, adaptation_note="Sovitettu nuorille ja opiskelijoille.")
    BuildsOnLinkFactory(practice=ratas, target=ips, adaptation_note="Lisätty työkokeilun jakso.")
    BuildsOnLinkFactory(practice=keijo, target=valo, adaptation_note="Valmentajina kokemusasiantuntijat.")
    BuildsOnLinkFactory(practice=keijo, target=ratas, adaptation_note="Työkokeilu osaksi koulutusta.")
    return valo


def test_family_is_reached_from_the_practice_page_and_is_accessible(demo_site, live_server, make_probe, screenshot_dir):
    valo = make_family()
    practice_url = live_server.url + valo.url
    family_url = practice_url + "sukupuu/"

    desktop = make_probe(DESKTOP)
    check_page(desktop, practice_url, 200)
    desktop.page.screenshot(path=str(screenshot_dir / "lineage-practice-desktop.png"), full_page=True)

    # Keyboard: focus the family link and follow it with Enter.
    page = desktop.page
    family_link = page.get_by_role("link", name="Koko mallin sukupuu")
    family_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(family_url)

    check_page(desktop, family_url, 200)
    desktop.page.screenshot(path=str(screenshot_dir / "lineage-family-desktop.png"), full_page=True)
    tree = page.locator(".family-tree")
    assert tree.locator(":scope > li").count() == 1, "IPS should be the only root"
    assert tree.locator("li").count() == 5, "IPS, VALO, Keijo, Ratas, and Keijo again as a repeat"
    current = page.locator('.family-tree a[aria-current="true"]')
    assert current.count() == 1 and current.get_attribute("href") == valo.url
    assert page.locator("svg.family-drawing[aria-hidden='true']").count() == 1

    mobile = make_probe(MOBILE)
    check_page(mobile, family_url, 200)
    mobile.page.screenshot(path=str(screenshot_dir / "lineage-family-mobile.png"), full_page=True)
    mobile.page.set_viewport_size({"width": 320, "height": 640})
    widths = mobile.page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], f"the family page scrolls sideways at 320 px: {widths}"
