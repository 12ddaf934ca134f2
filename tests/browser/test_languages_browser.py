"""The Swedish and English sites in real Chromium.

axe-core finds nothing on the /sv/ and /en/ versions of the home page, a
theme, a practice, the catalogue, the proposal form and the planning page,
each of which says its language in <html lang> and marks the current
language in the switch. Then a Swedish and an English visitor each search,
open a practice (shown in its own Swedish or English fields), try the
language switch (it keeps the page) and send a proposal, all without
leaving their language's addresses. The UI catalogues are written
elsewhere: the tests find things by address and structure, not wording.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import models

from .conftest import DESKTOP
from .test_accessibility import AXE_OPTIONS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PRACTICE = "ips-toimintamalli"
PAGES = {
    "home": "/",
    "theme": "/yhteistyo/",
    "practice": f"/mallit/{PRACTICE}/",
    "catalogue": "/mallit/?q=valmennus",
    "proposal-form": "/ehdota/",
    "planning": "/suunnittele/",
}
TRANSLATIONS = {
    "sv": {"name_sv": "IPS-modellen", "summary_sv": "Individanpassat stöd till arbete för personer i rehabilitering."},
    "en": {"name_en": "The IPS model", "summary_en": "Individual placement and support for people in rehabilitation."},
}


def assert_page_in(probe, language: str) -> None:
    page = probe.page
    assert page.get_attribute("html", "lang") == language, page.url
    assert page.locator("h1").count() == 1, page.url
    current = page.locator(".language-switch a[aria-current='true']")
    assert current.count() == 1 and current.get_attribute("hreflang") == language, page.url
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{page.url}: {len(violations)} axe violations\n{format_violations(violations)}"
    assert not probe.csp_violations(), probe.csp_violations()
    assert not probe.page_errors, probe.page_errors


@pytest.mark.parametrize("language", ["sv", "en"])
def test_swedish_and_english_pages_pass_axe(language, demo_site, live_server, make_probe, screenshot_dir):
    probe = make_probe(DESKTOP)
    for kind, path in PAGES.items():
        response = probe.goto(f"{live_server.url}/{language}{path}")
        assert response.status == 200, f"/{language}{path}: HTTP {response.status}"
        assert_page_in(probe, language)
        probe.page.screenshot(path=str(screenshot_dir / f"languages-{language}-{kind}.png"), full_page=True)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_search_practice_and_proposal_in_one_language(language, demo_site, live_server, make_probe, screenshot_dir):
    from mallipankki.practices.models import PracticePage
    from mallipankki.proposals.models import Proposal

    practice = PracticePage.objects.get(slug=PRACTICE)
    for field, value in TRANSLATIONS[language].items():
        setattr(practice, field, value)
    practice.save_revision().publish()
    name = TRANSLATIONS[language][f"name_{language}"]
    prefix = f"/{language}"

    probe = make_probe(DESKTOP)
    page = probe.page
    probe.goto(f"{live_server.url}{prefix}/")
    assert_page_in(probe, language)

    # Search from the header's search link: the catalogue in the same language.
    page.locator(f".site-header a[href='{prefix}/haku/']").click()
    page.wait_for_url(re.compile(rf"{prefix}/mallit/$"))
    page.locator("#search-form input[name='q']").fill("IPS")
    page.locator("#search-form button[type='submit']").first.click()
    page.wait_for_url(re.compile(rf"{prefix}/mallit/\?q=IPS"))
    page.wait_for_selector("#search-results:not([aria-busy])")
    result = page.locator(f"#search-results a[href='{prefix}/mallit/{PRACTICE}/']")
    assert result.inner_text() == name, "the result does not show the practice's own translation"
    assert result.locator("[lang]").count() == 0, "a text in the page's language is marked as another"
    assert_page_in(probe, language)

    # The practice, in its translated fields; its Finnish description is marked Finnish.
    result.click()
    page.wait_for_url(re.compile(rf"{prefix}/mallit/{PRACTICE}/$"))
    assert page.inner_text("h1") == name
    assert page.locator(".practice__body .prose.markdown[lang='fi']").count() == 1
    assert_page_in(probe, language)
    page.screenshot(path=str(screenshot_dir / f"languages-{language}-journey-practice.png"), full_page=True)

    # The switch keeps the page: to Finnish and back.
    page.locator(".language-switch a[hreflang='fi']").click()
    page.wait_for_url(re.compile(rf"{re.escape(live_server.url)}/mallit/{PRACTICE}/$"))
    assert page.get_attribute("html", "lang") == "fi"
    page.locator(f".language-switch a[hreflang='{language}']").click()
    page.wait_for_url(re.compile(rf"{prefix}/mallit/{PRACTICE}/$"))

    # The proposal form, sent: the confirmation is in the same language.
    page.locator(f".site-header a[href='{prefix}/ehdota/']").click()
    page.wait_for_url(re.compile(rf"{prefix}/ehdota/$"))
    assert_page_in(probe, language)
    page.fill("#id_name", f"Proposal in {language}")
    page.fill("#id_summary", "A short summary of the proposed practice.")
    page.fill("#id_description", "How the practice works, step by step.")
    page.check("#id_themes_1")
    page.fill("#id_achievements", "Half of the participants found work.")
    page.fill("#id_submitter_name", "Test Person")
    page.fill("#id_submitter_email", "test@example.org")
    page.check("#id_consent")
    with page.expect_navigation():
        page.locator(".form__actions button").click()
    assert page.url.endswith(f"{prefix}/ehdota/kiitos/"), page.url
    match = re.search(r"EHD-\d{4}-[A-Z0-9]{6}", page.inner_text("main"))
    assert match, page.inner_text("main")
    assert Proposal.objects.filter(reference=match.group(0)).exists()
    assert_page_in(probe, language)
    page.screenshot(path=str(screenshot_dir / f"languages-{language}-journey-thanks.png"), full_page=True)


def test_the_practice_picker_suggests_names_in_the_pages_language(demo_site, live_server, make_probe, settings):
    """Past the datalist limit the proposal form's picker asks the API for names in the page's language."""
    settings.PROPOSAL_DATALIST_LIMIT = 0
    from mallipankki.practices.models import PracticePage

    practice = PracticePage.objects.live().exclude(name_sv="").exclude(name_sv__iexact=models.F("name_fi")).first()
    probe = make_probe(DESKTOP)
    page = probe.page
    asked = []
    page.on("request", lambda request: "/api/v1/practices" in request.url and asked.append(request.url))
    probe.goto(f"{live_server.url}/sv/ehdota/")
    assert page.locator("#julkaistut-mallit option").count() == 0
    page.locator("#id_builds_on1_name").press_sequentially(practice.name_sv.split()[0][:8])
    page.wait_for_function("() => document.querySelectorAll('#julkaistut-mallit option').length > 0", timeout=10000)
    values = page.eval_on_selector_all("#julkaistut-mallit option", "options => options.map(o => o.value)")
    assert practice.name_sv in values, values
    assert practice.name_fi not in values, values
    assert asked and all("lang=sv" in url for url in asked), asked
    assert not probe.page_errors, probe.page_errors
