"""Confirming a practice's status from an emailed link, in real Chromium, keyboard only.

The contact opens a valid link, first sends the form empty and lands on the
error summary, then answers "changed" with a new status and owner using
Tab, arrow keys, Space and Enter, and sees the thank-you page with the
answer. axe-core finds no violations on the form, the form with errors or
the thank-you page. Screenshots go to SCREENSHOT_DIR (default /tmp/screens).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, MOBILE
from .keyboard import focused, tab_to
from .test_accessibility import AXE_OPTIONS, check_page, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_keyboard_only_confirmation(demo_site, live_server, make_probe, screenshot_dir):
    from mallipankki.continuity.factories import ContinuityReminderFactory
    from mallipankki.continuity.tokens import make_token
    from mallipankki.practices.models import PracticePage

    # Database work first, then the browser (see make_probe).
    practice = PracticePage.objects.live().order_by("path").first()
    assert practice is not None, "the demo content has no live practice"
    practice.contact_name = "Kaisa Kontakti"
    practice.contact_email = "kaisa.kontakti@example.org"
    practice.save_revision().publish()
    reminder = ContinuityReminderFactory(practice=practice)
    url = live_server.url + f"/jatkuvuus/vahvista/{make_token(reminder)}/"
    name = practice.name

    probe = make_probe(DESKTOP)
    page = probe.page
    check_page(probe, url, 200)
    page.screenshot(path=str(screenshot_dir / "continuity-confirm-desktop.png"), full_page=True)
    html = page.content()
    assert name in html
    assert "Kaisa" not in html and "kaisa.kontakti@example.org" not in html

    # Sent empty: the error summary takes focus and links to the radio group.
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert focused(page)["id"] == "virheet", f"focus is not on the error summary but {focused(page)}"
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"form with errors: {len(violations)} axe violations\n{format_violations(violations)}"
    assert not probe.csp_violations(), probe.csp_violations()
    page.screenshot(path=str(screenshot_dir / "continuity-confirm-errors.png"), full_page=True)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_answer_0", f"the summary link focused {focused(page)}"

    # "Changed": arrow down from the first answer selects the second one.
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#id_answer_1")
    tab_to(page, "input[name=continuity_status]")
    page.keyboard.press("ArrowDown")  # the first status is focused; down selects "embedded"
    assert page.is_checked("#id_continuity_status_1")
    tab_to(page, "#id_continuity_owner")
    page.keyboard.type("Lapin hyvinvointialue")
    tab_to(page, "#id_note")
    page.keyboard.type("Siirtyi pysyvään toimintaan.")
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "Kiitos vastauksesta"
    body = page.locator("main").inner_text()
    assert "Toiminta jatkuu, mutta tiedot ovat muuttuneet" in body
    assert "Lapin hyvinvointialue" in body
    assert "Vakiintunut pysyvään toimintaan" in body
    thanks_url = page.url
    check_page(probe, thanks_url, 200)
    page.screenshot(path=str(screenshot_dir / "continuity-confirm-thanks.png"), full_page=True)

    # The same link again: already answered, shown as such.
    mobile = make_probe(MOBILE)
    check_page(mobile, url, 200)
    assert mobile.page.locator("h1").inner_text() == "Tähän linkkiin on jo vastattu"
    mobile.page.screenshot(path=str(screenshot_dir / "continuity-confirm-reused-mobile.png"), full_page=True)
