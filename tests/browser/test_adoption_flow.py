"""Reporting an adoption ("Käytämme tätä mallia") in real Chromium, with the keyboard only.

From a practice page that already shows a confirmed adoption, a person tabs
to the "Käytämme tätä mallia" link, opens the form with Enter, sends it
half-filled and lands on the error summary, then completes it (choosing the
region by typing on the select, ticking the boxes with Space) and sees the
confirmation. axe-core finds no violations on the practice page, the form,
the form with errors and the confirmation; the report stays off the
practice page until it is confirmed. Screenshots go to SCREENSHOT_DIR.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP
from .keyboard import focused, tab_to, type_into
from .test_accessibility import AXE_OPTIONS, check_page, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_keyboard_only_adoption_report(demo_site, live_server, make_probe, screenshot_dir):
    from mallipankki.adoptions import services
    from mallipankki.adoptions.models import PendingAdoption
    from mallipankki.core.factories import UserFactory
    from mallipankki.core.permissions import EDITORS
    from mallipankki.practices.listing import published_practices
    from mallipankki.vocabularies.factories import country, region

    # Database work first (see make_probe): one confirmed adoption with a public contact.
    practice = published_practices().order_by("path").first()
    assert practice is not None, "the demo content has no published practice"
    confirmed = services.create_pending(
        practice,
        {
            "organisation": "Oulun kaupunki",
            "region": region("FI-14"),
            "country": country("FI"),
            "year": 2023,
            "note": "Ryhmävalmennus lisättiin yksilövalmennuksen rinnalle.",
            "contact_name": "Olli Oululainen",
            "contact_email": "olli@oulu.example",
            "contact_public": True,
        },
    )
    services.confirm(confirmed.pk, UserFactory(username="toimittaja-selain", role=EDITORS))
    practice_url = live_server.url + practice.url

    probe = make_probe(DESKTOP)
    page = probe.page
    check_page(probe, practice_url, 200)
    assert "Oulun kaupunki" in page.inner_text("#kaytto")
    assert "olli@oulu.example" in page.inner_text("#kaytto")
    page.screenshot(path=str(screenshot_dir / "adoption-practice-page-desktop.png"), full_page=True)

    # From the practice page to the form with Tab and Enter.
    tab_to(page, "a[href$='/kaytossa/']", limit=200)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/mallit/{practice.slug}/kaytossa/"), page.url
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"empty form: {len(violations)} axe violations\n{format_violations(violations)}"
    assert not probe.csp_violations(), probe.csp_violations()
    page.screenshot(path=str(screenshot_dir / "adoption-form-desktop.png"), full_page=True)

    # Half-filled: only the organisation, sent with Enter from the text field.
    type_into(page, "#id_organisation", "Kemijärven kaupunki")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary").count() == 1
    assert focused(page)["id"] == "virheet", f"focus is not on the error summary but {focused(page)}"
    assert page.input_value("#id_organisation") == "Kemijärven kaupunki", "the typed organisation was lost"
    assert page.get_attribute("#id_contact_email", "aria-invalid") == "true"
    assert "id_contact_email_error" in page.get_attribute("#id_contact_email", "aria-describedby")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    # Finland is preselected, so the first missing field is the year.
    assert focused(page)["id"] == "id_year", f"the first summary link focused {focused(page)}"
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"form with errors: {len(violations)} axe violations\n{format_violations(violations)}"
    assert not probe.csp_violations(), probe.csp_violations()
    page.screenshot(path=str(screenshot_dir / "adoption-form-errors-desktop.png"), full_page=True)

    # Complete it with the keyboard: type-ahead on the select picks the region.
    tab_to(page, "#id_region")
    page.keyboard.type("Lappi")
    assert page.input_value("#id_region") == "FI-10"
    type_into(page, "#id_year", "2025")
    type_into(page, "#id_note", "Valmennus toteutetaan osin etäyhteyksin pitkien välimatkojen vuoksi.")
    type_into(page, "#id_contact_name", "Kaisa Kemijärvi")
    type_into(page, "#id_contact_email", "kaisa@kemijarvi.example")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    assert page.is_checked("#id_consent")
    assert not page.is_checked("#id_contact_public")
    tab_to(page, ".form__actions button")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith(f"/mallit/{practice.slug}/kaytossa/kiitos/"), f"not on the confirmation: {page.url}"
    # The demo has no regional worker for Lappi: the editors check it.
    assert "Mallipankin toimittajat tarkistavat ilmoituksen" in page.inner_text("main")
    check_page(probe, page.url, 200)
    page.screenshot(path=str(screenshot_dir / "adoption-thanks-desktop.png"), full_page=True)

    # Pending until a regional worker or an editor confirms it: not on the page.
    probe.goto(practice_url)
    assert "Kemijärven kaupunki" not in page.inner_text("main")
    assert "kaisa@kemijarvi.example" not in page.content()

    pending = PendingAdoption.objects.get(organisation="Kemijärven kaupunki")
    assert pending.status == PendingAdoption.Status.PENDING
    assert (pending.region.code, pending.country.code, pending.year) == ("FI-10", "FI", 2025)
    assert pending.practice_id == practice.pk and not pending.contact_public
