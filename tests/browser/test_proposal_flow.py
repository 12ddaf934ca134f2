"""Proposing a practice in real Chromium, with the keyboard only.

A person fills /ehdota/ using Tab, typing, Space and Enter; first sends it
half-filled and lands on the error summary, then completes it, attaches a
PDF through the file chooser opened from the keyboard, sends it and sees the
confirmation with a reference number. axe-core finds no violations on the
empty form, the form with errors, the confirmation or /arviointi/.
Screenshots go to SCREENSHOT_DIR (default /tmp/screens).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from mallipankki.proposals.tests.pdfs import minimal_pdf

from .conftest import DESKTOP, MOBILE
from .keyboard import focused, no_sideways_scroll, tab_to, type_into
from .test_accessibility import AXE_OPTIONS, check_page, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_keyboard_only_proposal_with_pdf(demo_site, live_server, make_probe, screenshot_dir, tmp_path, settings):
    settings.PROPOSAL_FILES_ROOT = str(tmp_path / "private")
    pdf_path = tmp_path / "kasikirja.pdf"
    pdf_path.write_bytes(minimal_pdf("Mallin kasikirja"))
    url = live_server.url + "/ehdota/"

    probe = make_probe(DESKTOP)
    page = probe.page
    check_page(probe, url, 200)
    page.screenshot(path=str(screenshot_dir / "proposal-form-desktop.png"), full_page=True)

    # Half-filled: only the name, sent with Enter from the text field.
    type_into(page, "#id_name", "Työhönvalmennus kaikille")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary").count() == 1
    assert focused(page)["id"] == "virheet", f"focus is not on the error summary but {focused(page)}"
    assert page.input_value("#id_name") == "Työhönvalmennus kaikille", "the typed name was lost"
    assert page.get_attribute("#id_submitter_email", "aria-invalid") == "true"
    assert "id_submitter_email_error" in page.get_attribute("#id_submitter_email", "aria-describedby")
    # A link in the summary moves focus to its field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_summary", f"the first summary link focused {focused(page)}"
    # axe on this very page (reloading it would lose the errors).
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"form with errors: {len(violations)} axe violations\n{format_violations(violations)}"
    assert not probe.csp_violations(), probe.csp_violations()
    page.screenshot(path=str(screenshot_dir / "proposal-form-errors-desktop.png"), full_page=True)

    # Complete it with the keyboard.
    type_into(page, "#id_summary", "Valmentaja tukee työnhakijaa työpaikalla ensimmäiset kuukaudet.")
    type_into(page, "#id_description", "Valmennus alkaa työnantajan kanssa sovitulla kokeilulla.")
    tab_to(page, "#id_themes_1")
    page.keyboard.press("Space")
    tab_to(page, "#id_target_groups_0")
    page.keyboard.press("Space")
    type_into(page, "#id_org1_name", "Esimerkkikunta")
    tab_to(page, "#id_org1_role")
    page.keyboard.type("Kehi")  # type-ahead picks "Kehittäjä"
    type_into(page, "#id_funding1_programme", "ESR+")
    type_into(page, "#id_achievements", "Puolet osallistujista työllistyi avoimille työmarkkinoille.")
    type_into(page, "#id_link1_title", "Mallin kuvaus")
    type_into(page, "#id_link1_url", "https://esimerkki.fi/malli")
    tab_to(page, "#id_attachments")
    # The file input is reached with Tab; the operating system's file dialog
    # itself is outside the page, so the file is handed to the focused input
    # directly (waiting for Chromium's chooser event proved timing-dependent).
    page.locator("#id_attachments").set_input_files(str(pdf_path))
    type_into(page, "#id_submitter_name", "Maija Meikäläinen")
    type_into(page, "#id_submitter_email", "maija@example.org")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    assert page.is_checked("#id_consent")
    tab_to(page, ".form__actions button")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("/ehdota/kiitos/"), f"not on the confirmation page: {page.url}"
    text = page.inner_text("main")
    match = re.search(r"EHD-\d{4}-[A-Z0-9]{6}", text)
    assert match, f"no reference number on the confirmation page:\n{text}"
    check_page(probe, page.url, 200)
    page.screenshot(path=str(screenshot_dir / "proposal-thanks-desktop.png"), full_page=True)

    from mallipankki.proposals.models import Proposal

    proposal = Proposal.objects.get(reference=match.group(0))
    assert proposal.data["themes"] and proposal.data["organisations"][0]["role"] == "developer"
    assert [a.original_name for a in proposal.attachments.all()] == ["kasikirja.pdf"]
    assert proposal.practice is not None and not proposal.practice.live


def test_form_and_framework_on_a_phone(demo_site, live_server, make_probe, screenshot_dir):
    probe = make_probe(MOBILE)
    for path, name in (("/ehdota/", "proposal-form"), ("/arviointi/", "framework")):
        check_page(probe, live_server.url + path, 200)
        probe.page.screenshot(path=str(screenshot_dir / f"{name}-mobile.png"), full_page=True)
        no_sideways_scroll(probe.page)
        probe.page.set_viewport_size(MOBILE)

    desktop = make_probe(DESKTOP)
    check_page(desktop, live_server.url + "/arviointi/", 200)
    desktop.page.screenshot(path=str(screenshot_dir / "framework-desktop.png"), full_page=True)
