"""Asking for support from a region page in real Chromium, with the keyboard only.

A person opens /alueet/lappi/, reaches the "Pyydä tukea" form with Tab,
first sends it without an email address and lands on the error summary of
the form page, then completes it and sees the confirmation with a reference.
axe-core finds no violations on /alueet/, the region page, the form with
errors and the confirmation; the region page does not scroll sideways at
320 px. Screenshots go to SCREENSHOT_DIR (default /tmp/screens).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, MOBILE
from .keyboard import focused, no_sideways_scroll, tab_to, type_into
from .test_accessibility import AXE_OPTIONS, check_page, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_keyboard_only_support_request_from_a_region_page(
    demo_site, live_server, make_probe, screenshot_dir, mailoutbox
):
    from mallipankki.regions.factories import RegionalWorkerFactory
    from mallipankki.regions.models import SupportRequest
    from mallipankki.vocabularies.factories import region

    # Database work first, then the browser (see make_probe).
    lapland = region("lappi")
    RegionalWorkerFactory(
        user__username="aluetyontekija-lappi",
        user__last_name="Lappalainen",
        regions=[lapland],
        title="Aluekoordinaattori",
        phone="040 123 4567",
        public_contact=True,
    )

    probe = make_probe(DESKTOP)
    page = probe.page
    check_page(probe, live_server.url + "/alueet/", 200)
    page.screenshot(path=str(screenshot_dir / "regions-index-desktop.png"), full_page=True)

    check_page(probe, live_server.url + "/alueet/lappi/", 200)
    page.screenshot(path=str(screenshot_dir / "region-lappi-desktop.png"), full_page=True)
    assert "aluetyontekija-lappi@example.org" in page.inner_text("#aluetyontekijat")
    assert page.input_value("#id_region") == "FI-10", "the region page's form is not preset to the region"

    # Half-filled: the message and name only, sent with Enter from the name field.
    type_into(page, "#id_message", "Haluamme ottaa työhönvalmennuksen käyttöön. Miten aloitamme?")
    type_into(page, "#id_name", "Maija Meikäläinen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/alueet/tukipyynto/"), page.url
    assert focused(page)["id"] == "virheet", f"focus is not on the error summary but {focused(page)}"
    assert page.input_value("#id_name") == "Maija Meikäläinen", "the typed name was lost"
    assert page.input_value("#id_region") == "FI-10"
    assert page.get_attribute("#id_email", "aria-invalid") == "true"
    # The first summary link moves focus to its field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_organisation", f"the first summary link focused {focused(page)}"
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"form with errors: {len(violations)} axe violations\n{format_violations(violations)}"
    assert not probe.csp_violations(), probe.csp_violations()
    page.screenshot(path=str(screenshot_dir / "support-form-errors-desktop.png"), full_page=True)

    page.keyboard.type("Esimerkkikunta")
    type_into(page, "#id_email", "maija@example.org")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    assert page.is_checked("#id_consent")
    tab_to(page, ".form__actions button")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("/alueet/tukipyynto/kiitos/"), f"not on the confirmation page: {page.url}"
    match = re.search(r"TUKI-\d{4}-[A-Z0-9]{6}", page.inner_text("main"))
    assert match, f"no reference on the confirmation page:\n{page.inner_text('main')}"
    check_page(probe, page.url, 200)
    page.screenshot(path=str(screenshot_dir / "support-thanks-desktop.png"), full_page=True)

    support_request = SupportRequest.objects.get(reference=match.group(0))
    assert (support_request.region_id, support_request.organisation) == (lapland.pk, "Esimerkkikunta")
    # The requester's receipt, then the region's worker.
    assert [message.to for message in mailoutbox] == [["maija@example.org"], ["aluetyontekija-lappi@example.org"]]

    mobile = make_probe(MOBILE)
    check_page(mobile, live_server.url + "/alueet/lappi/", 200)
    mobile.page.screenshot(path=str(screenshot_dir / "region-lappi-mobile.png"), full_page=True)
    no_sideways_scroll(mobile.page)
