"""A regional worker's day, in real Chromium, with the keyboard only.

On the public site someone reports that Rovaniemi uses a practice
("Käytämme tätä mallia") and someone else asks Lappi's workers for support;
each gets a receipt email whose reference the thanks page shows too. The
regional worker of Lappi logs in and finds both on the dashboard, counted
on the panels and on the menu items; confirms the adoption, which then
shows on the practice page; and moves the support request to in progress
and then to done, each status email saying only the current status.

axe-core finds nothing on the public pages nor in the admin content we
render (the dashboard panels, the queues' pages); no page breaks the
Content Security Policy. Screenshots go to SCREENSHOT_DIR.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from .conftest import DESKTOP
from .keyboard import focused, tab_to, type_into
from .test_accessibility import AXE_OPTIONS, check_page, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "salasana-aluetyo-1"
WORKER = "aluetyontekija-lappi"


def axe_clean(probe, where: str, *selectors: str) -> None:
    """No axe violations in `selectors` (the admin content we render), or on the whole page without them."""
    context = {"include": [[selector] for selector in selectors]} if selectors else None
    results = Axe().run(probe.page, context=context, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert not violations, f"{where}: {len(violations)} axe violations\n{format_violations(violations)}"
    csp = probe.csp_violations()
    assert not csp, f"{where}: Content Security Policy violations:\n" + "\n".join(csp)


def press_enter_and_wait(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_regional_workers_day(demo_site, live_server, make_probe, screenshot_dir, mailoutbox, settings):
    # Logging in hashes the password; the fastest hasher keeps the test quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from mallipankki.adoptions.models import PendingAdoption
    from mallipankki.practices.listing import published_practices
    from mallipankki.regions.factories import RegionalWorkerFactory
    from mallipankki.regions.models import SupportRequest
    from mallipankki.vocabularies.factories import region

    # Database work first, then the browser (see make_probe).
    RegionalWorkerFactory(
        user__username=WORKER, user__first_name="Liisa", user__password=PASSWORD, regions=[region("lappi")]
    )
    practice = published_practices().order_by("path").first()
    assert practice is not None, "the demo content has no published practice"
    base = live_server.url

    # --- 1. An adoption report on the public site ------------------------------------------------
    public = make_probe(DESKTOP)
    page = public.page
    check_page(public, base + practice.url, 200)
    tab_to(page, "a[href$='/kaytossa/']", limit=200)
    press_enter_and_wait(page)
    type_into(page, "#id_organisation", "Rovaniemen kaupunki")
    tab_to(page, "#id_region")
    page.keyboard.type("Lappi")
    assert page.input_value("#id_region") == "FI-10"
    type_into(page, "#id_year", "2025")
    type_into(page, "#id_contact_name", "Riikka Rovaniemi")
    type_into(page, "#id_contact_email", "riikka@rovaniemi.example")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, ".form__actions button")
    press_enter_and_wait(page)
    assert page.url.endswith(f"/mallit/{practice.slug}/kaytossa/kiitos/"), page.url
    shown = re.search(r"KAY-\d{4}-[A-Z0-9]{6}", page.inner_text("main"))
    assert shown, f"no reference on the thanks page:\n{page.inner_text('main')}"
    assert "Lapin maakunnan aluetyöntekijä tarkistaa ilmoituksen" in page.inner_text("main")
    check_page(public, page.url, 200)
    page.screenshot(path=str(screenshot_dir / "day-adoption-thanks.png"), full_page=True)
    pending = PendingAdoption.objects.get(reference=shown.group(0))
    receipt = next(message for message in mailoutbox if message.to == ["riikka@rovaniemi.example"])
    assert shown.group(0) in receipt.subject and f"Viitenumero: {shown.group(0)}" in receipt.body

    # --- 2. A support request to Lappi's workers ----------------------------------------------
    check_page(public, base + "/alueet/lappi/", 200)
    type_into(page, "#id_message", "Haluamme aloittaa valmennuksen Kemijärvellä. Voitteko auttaa?")
    type_into(page, "#id_name", "Pekka Kemijärvi")
    type_into(page, "#id_organisation", "Kemijärven kaupunki")
    type_into(page, "#id_email", "pekka@kemijarvi.example")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, ".form__actions button")
    press_enter_and_wait(page)
    assert page.url.endswith("/alueet/tukipyynto/kiitos/"), page.url
    shown = re.search(r"TUKI-\d{4}-[A-Z0-9]{6}", page.inner_text("main"))
    assert shown, f"no reference on the thanks page:\n{page.inner_text('main')}"
    assert "Lapin maakunnan aluetyöntekijöille" in page.inner_text("main")
    check_page(public, page.url, 200)
    support_request = SupportRequest.objects.get(reference=shown.group(0))
    receipt = next(message for message in mailoutbox if message.to == ["pekka@kemijarvi.example"])
    assert f"Viitenumero: {shown.group(0)}" in receipt.body
    assert sorted(message.to[0] for message in mailoutbox if WORKER in message.to[0]) == [
        f"{WORKER}@example.org",
        f"{WORKER}@example.org",
    ], "the worker did not hear of both"

    # --- 3. The worker logs in and finds both on the dashboard ----------------------------------
    worker = make_probe(DESKTOP)
    page = worker.page
    worker.goto(base + reverse("wagtailadmin_login"))
    type_into(page, "#id_username", WORKER)
    type_into(page, "#id_password", PASSWORD)
    press_enter_and_wait(page)
    assert page.url.endswith(reverse("wagtailadmin_home")), page.url
    adoptions_panel = page.locator("#waiting-adoptions-section")
    requests_panel = page.locator("#open-support-requests-section")
    assert "Vahvistusta odottavat käyttöönotot alueiltasi (1)" in adoptions_panel.inner_text()
    assert "Rovaniemen kaupunki" in adoptions_panel.inner_text()
    assert "Avoimet tukipyynnöt alueiltasi (1)" in requests_panel.inner_text()
    assert support_request.reference in requests_panel.inner_text()
    assert "Jatkuvuusriskit alueillasi" in page.inner_text("main")
    sidebar = page.locator("#wagtail-sidebar")
    assert sidebar.get_by_role("link", name="Käyttöönotot: 1 ilmoitus odottaa vahvistusta").is_visible()
    assert sidebar.get_by_role("link", name="Tukipyynnöt: 1 avoin tukipyyntö").is_visible()
    assert "Käyttöönotot (1)" in sidebar.inner_text() and "Tukipyynnöt (1)" in sidebar.inner_text()
    assert "Wagtailin ohjeet" in sidebar.inner_text()
    axe_clean(worker, "dashboard", "#waiting-adoptions-section", "#open-support-requests-section",
              "#continuity-risks-section")  # fmt: skip
    page.screenshot(path=str(screenshot_dir / "day-dashboard.png"), full_page=True)

    # --- 4. Confirms the adoption: it appears on the practice page ------------------------------
    tab_to(page, f"#waiting-adoptions-section a[href$='/kayttoonotot/{pending.pk}/']")
    press_enter_and_wait(page)
    axe_clean(worker, "adoption report", "main")
    tab_to(page, f"form[action$='/kayttoonotot/{pending.pk}/vahvista/'] button")
    press_enter_and_wait(page)
    pending.refresh_from_db()
    assert pending.status == PendingAdoption.Status.CONFIRMED
    check_page(public, base + practice.url, 200)
    assert "Rovaniemen kaupunki" in public.page.inner_text("#kaytto")

    # --- 5. The support request: in progress, then done ------------------------------------
    worker.goto(base + reverse("wagtailadmin_home"))
    tab_to(page, f"#open-support-requests-section a[href$='/tukipyynnot/{support_request.pk}/']")
    press_enter_and_wait(page)
    axe_clean(worker, "support request", "main")
    page.screenshot(path=str(screenshot_dir / "day-support-request.png"), full_page=True)
    for label, status in (("Käsittelyssä", "in_progress"), ("Valmis", "done")):
        sent = len(mailoutbox)
        tab_to(page, "#id_status")
        page.keyboard.type(label)
        assert page.input_value("#id_status") == status, focused(page)
        tab_to(page, "button[name=action][value=status]")
        press_enter_and_wait(page)
        support_request.refresh_from_db()
        assert support_request.status == status
        (email,) = mailoutbox[sent:]
        assert email.to == ["pekka@kemijarvi.example"]
        assert f"Uusi tila: {label}" in email.body
        other_texts = {
            "in_progress": "Pyyntösi on käsitelty.",
            "done": "Aluetyöntekijä on ottanut pyyntösi käsittelyyn",
        }
        assert other_texts[status] not in email.body and "odottaa" not in email.body, email.body

    # Nothing waits any more: the dashboard and the menu say so.
    worker.goto(base + reverse("wagtailadmin_home"))
    assert "Vahvistusta odottavat käyttöönotot alueiltasi (0)" in page.inner_text("main")
    assert "Avoimet tukipyynnöt alueiltasi (0)" in page.inner_text("main")
    assert "Tukipyynnöt (" not in page.locator("#wagtail-sidebar").inner_text()
    page.screenshot(path=str(screenshot_dir / "day-dashboard-done.png"), full_page=True)
