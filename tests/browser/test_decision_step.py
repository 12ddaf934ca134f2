"""The decision step in the page editor, in real Chromium: no way past it, and it says what it did.

A proposal goes into the workflow and is scored by two evaluators (with
Django's test client). In the browser an evaluator's scoring page names the
practice's own version; the editor reads the proposal (roles and dates in
Finnish), then opens the page editor at the decision step, finds no "Julkaise"
there, only "Hyväksy ja julkaise" and "Hyväksy kommentilla ja julkaise", and
approves. Screenshots go to SCREENSHOT_DIR (default /tmp/screens).
"""

import pytest
from django.test import Client
from django.urls import reverse

from .conftest import DESKTOP
from .test_editorial_flow import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_decision_is_the_only_way_to_publish(
    demo_site, live_server, make_probe, screenshot_dir, tmp_path, settings
):
    settings.PROPOSAL_FILES_ROOT = str(tmp_path / "private")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory
    from mallipankki.evaluation.models import EvaluationCriterion
    from mallipankki.evaluation.tests.test_flow import evaluation_post
    from mallipankki.proposals.models import Proposal
    from mallipankki.proposals.tests.helpers import proposal_data

    # Database work first, then the browser (see make_probe).
    users = {
        name: UserFactory(username=name, role=role, password=PASSWORD)
        for name, role in (
            ("toimittaja", permissions.EDITORS),
            ("arvioija1", permissions.EVALUATORS),
            ("arvioija2", permissions.EVALUATORS),
            ("arvioija3", permissions.EVALUATORS),
        )
    }
    visitor = Client()
    response = visitor.post(reverse("proposals:propose"), proposal_data(name="Kesätyösetelin valmennus"))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    practice = proposal.practice.specific
    editor_client = Client()
    editor_client.force_login(users["toimittaja"])
    evaluators = [users["arvioija1"], users["arvioija2"], users["arvioija3"]]
    response = editor_client.post(
        reverse("evaluation_admin:practice", args=[practice.pk]),
        {"assign": "1", "assign-evaluators": [user.pk for user in evaluators]},
    )
    assert response.status_code == 302
    criteria = list(EvaluationCriterion.objects.filter(active=True))
    for user in evaluators[1:]:
        client = Client()
        client.force_login(user)
        response = client.post(reverse("evaluation_admin:evaluate", args=[practice.pk]), evaluation_post(criteria))
        assert response.status_code == 302
    practice.refresh_from_db()
    base = live_server.url

    # The third evaluator, late, still sees which version of this practice they score.
    probe = make_probe(DESKTOP)
    page = probe.page
    log_in(page, base, "arvioija3")
    page.goto(base + reverse("evaluation_admin:evaluate", args=[practice.pk]))
    heading = page.locator("#practice-content-heading").inner_text()
    assert "versio " in heading, heading
    number = int(heading.split("versio ")[1].split(",")[0])
    assert number == practice.revisions.count(), heading
    assert "kehittäjä" in page.inner_text("main")
    page.screenshot(path=str(screenshot_dir / "decision-evaluator-version.png"), full_page=True)

    # The editor reads the proposal in the same Finnish forms.
    probe = make_probe(DESKTOP)
    page = probe.page
    log_in(page, base, "toimittaja")
    page.goto(base + reverse("proposals_admin:detail", args=[proposal.pk]))
    text = page.inner_text("main")
    assert "Esimerkkikaupunki (kehittäjä)" in text, text
    assert "(1.1.2023–31.12.2024)" in text, text
    assert "developer" not in text and "2023-01-01" not in text
    page.screenshot(path=str(screenshot_dir / "decision-proposal-detail.png"), full_page=True)

    # At the decision step the editor has no plain "Julkaise", only the decision.
    page.goto(base + reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    assert page.locator("button[name='action-publish']").count() == 0
    page.locator(".w-dropdown-button .w-dropdown__toggle").first.click()
    footer = page.locator("footer").first.inner_text()
    assert "Hyväksy ja julkaise" in footer and "Hyväksy kommentilla ja julkaise" in footer, footer
    assert "ja julkaise ja julkaise" not in footer and "kommentilla ja julkaise ja" not in footer
    page.screenshot(path=str(screenshot_dir / "decision-menu.png"), full_page=False)
    approve = page.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    with page.expect_navigation():
        approve.click()
    message = page.locator(".messages").inner_text()
    assert "Malli ”Kesätyösetelin valmennus” hyväksyttiin ja julkaistiin." in message, message
    assert "päivitetty" not in message
    page.screenshot(path=str(screenshot_dir / "decision-approved.png"), full_page=False)
    practice.refresh_from_db()
    assert practice.live
