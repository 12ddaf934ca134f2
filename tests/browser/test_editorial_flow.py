"""From a proposal to a published practice, end to end, in real Chromium.

A person proposes a practice with a PDF on /ehdota/; an editor assigns two
evaluators; the first scores it in the browser, the second through the
same view with Django's test client; the editor, in the browser, sees it on
the dashboard as ready for decision and approves it in the page editor's
workflow menu; the practice then appears on its theme page and in /haku/.
Screenshots go to SCREENSHOT_DIR (default /tmp/screens).
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from mallipankki.proposals.tests.pdfs import minimal_pdf

from .conftest import DESKTOP
from .test_accessibility import check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "salasana-testi-1"
NAME = "Puutarhavalmennus nuorille työnhakijoille"


def make_staff():
    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory

    # These log in through the browser's form, so they need a real password.
    return {
        username: UserFactory(username=username, role=role, password=PASSWORD)
        for username, role in (
            ("toimittaja", permissions.EDITORS),
            ("arvioija1", permissions.EVALUATORS),
            ("arvioija2", permissions.EVALUATORS),
        )
    }


def log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + reverse("wagtailadmin_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert "/login/" not in page.url, f"{username} could not log in"


def test_proposal_is_evaluated_and_published(demo_site, live_server, make_probe, screenshot_dir, tmp_path, settings):
    settings.PROPOSAL_FILES_ROOT = str(tmp_path / "private")
    # Logging in hashes passwords; the fastest hasher keeps the test quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from mallipankki.evaluation.models import EvaluationCriterion
    from mallipankki.evaluation.tests.test_flow import evaluation_post
    from mallipankki.pages.models import ThemePage
    from mallipankki.proposals.models import Proposal

    # Database work first, then the browser (see make_probe).
    users = make_staff()
    theme_page = ThemePage.objects.live().order_by("path").first()
    assert theme_page is not None, "the demo content has no theme page"
    theme_code = theme_page.theme.code
    criteria = list(EvaluationCriterion.objects.filter(active=True))
    pdf_path = tmp_path / "kasikirja.pdf"
    pdf_path.write_bytes(minimal_pdf("Mallin kasikirja"))
    base = live_server.url

    # 1. The proposal, with a PDF.
    person = make_probe(DESKTOP)
    page = person.page
    page.goto(base + "/ehdota/")
    page.fill("#id_name", NAME)
    page.fill("#id_summary", "Nuoret työnhakijat harjoittelevat puutarhatöitä valmentajan kanssa.")
    page.fill("#id_description", "Valmennus kestää kolme kuukautta ja päättyy työkokeiluun.")
    page.check(f"input[name=themes][value='{theme_code}']")
    page.locator("input[name=target_groups]").first.check()
    page.fill("#id_org1_name", "Esimerkkikunta")
    page.select_option("#id_org1_role", "developer")
    page.fill("#id_achievements", "Kolmasosa osallistujista työllistyi.")
    page.set_input_files("#id_attachments", str(pdf_path))
    page.fill("#id_submitter_name", "Maija Meikäläinen")
    page.fill("#id_submitter_email", "maija@example.org")
    page.check("#id_consent")
    with page.expect_navigation():
        page.locator(".form__actions button").click()
    assert page.url.endswith("/ehdota/kiitos/"), page.inner_text("main")
    reference = re.search(r"EHD-\d{4}-[A-Z0-9]{6}", page.inner_text("main")).group(0)
    proposal = Proposal.objects.get(reference=reference)
    practice = proposal.practice.specific
    assert [a.original_name for a in proposal.attachments.all()] == ["kasikirja.pdf"]
    assert not practice.live

    # 2. The editor assigns two evaluators (the assignment view, as the editor).
    editor_client = Client()
    editor_client.force_login(users["toimittaja"])
    response = editor_client.post(
        reverse("evaluation_admin:practice", args=[practice.pk]),
        {"assign": "1", "assign-evaluators": [users["arvioija1"].pk, users["arvioija2"].pk]},
    )
    assert response.status_code == 302

    # 3. The first evaluator scores it in the browser, from their dashboard.
    evaluator = make_probe(DESKTOP)
    page = evaluator.page
    log_in(page, base, "arvioija1")
    page.goto(base + reverse("wagtailadmin_home"))
    page.screenshot(path=str(screenshot_dir / "editorial-dashboard-evaluator.png"))
    page.get_by_role("link", name=NAME).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(reverse("evaluation_admin:evaluate", args=[practice.pk])), page.url
    for criterion in criteria:
        page.check(f"input[name=score_{criterion.pk}][value='2']")
        page.fill(f"[name=reason_{criterion.pk}]", f"Perustelu: {criterion.name}.")
    for name, value in (
        ("evidence_level", "2"),
        ("readiness_materials", "2"),
        ("readiness_training", "1"),
        ("readiness_fidelity", "1"),
    ):
        page.check(f"input[name={name}][value='{value}']")
    page.fill("[name=summary]", "Selkeä malli, tuloksista on seurantatietoa.")
    page.screenshot(path=str(screenshot_dir / "editorial-evaluate.png"), full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna arvio").click()
    assert page.url.endswith(reverse("evaluation_admin:practice", args=[practice.pk])), page.url

    # 4. The second evaluator through the same view, with the test client.
    second = Client()
    second.force_login(users["arvioija2"])
    response = second.post(reverse("evaluation_admin:evaluate", args=[practice.pk]), evaluation_post(criteria, score=3))
    assert response.status_code == 302, response.content[:500]

    # 5. The editor sees it waiting for the decision and approves it in the page editor.
    editor = make_probe(DESKTOP)
    page = editor.page
    log_in(page, base, "toimittaja")
    page.goto(base + reverse("wagtailadmin_home"))
    panel = page.locator("#ready-for-decision-section")
    assert NAME in panel.inner_text(), panel.inner_text()
    page.screenshot(path=str(screenshot_dir / "editorial-dashboard-editor.png"), full_page=True)
    panel.get_by_role("link", name="Päätä julkaisusta").click()
    page.wait_for_load_state()
    approve = page.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    if not approve.is_visible():
        # Not the footer's main button: it is in the "more actions" dropdown.
        page.locator(".w-dropdown-button .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        approve.click()
    page.screenshot(path=str(screenshot_dir / "editorial-approved.png"), full_page=True)

    practice.refresh_from_db()
    assert practice.live, "approving the decision step did not publish the practice"
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PUBLISHED

    # 6. The public sees it on its theme page and in search (the proposer's tab
    # serves as any visitor's). Axe runs on the search results, where the new
    # practice's card is; test_accessibility covers the theme page type.
    page = person.page
    person.goto(base + theme_page.url)
    assert NAME in page.inner_text("main"), f"not on the theme page {theme_page.url}"
    check_page(person, base + "/haku/?q=puutarhavalmennus", 200)
    results = page.inner_text("main")
    assert NAME in results, f"not in the search results:\n{results[:1500]}"
    page.screenshot(path=str(screenshot_dir / "editorial-search.png"), full_page=True)
