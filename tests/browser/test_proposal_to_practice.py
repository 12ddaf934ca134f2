"""Journey 1: a proposal becomes a complete published practice, in real Chromium.

A person proposes a practice on /ehdota/ with the keyboard only: two PDFs, a
practice it builds on (typed into the suggestion input) with a note on what
they changed, and the consent to show their contact. The editor, in the
browser and by keyboard, keeps the handbook and unticks the internal memo on
the evaluation view; two evaluators score it (test client); the editor
approves the decision step in the page editor with the keyboard. The
published page then shows the handbook under "Materiaalit" (the memo
nowhere), the proposer as its contact and the practice it builds on, which
also appears in the family tree; `send_continuity_reminders` emails the
proposer. axe-core and the CSP probe check every public page on the way.
Screenshots go to SCREENSHOT_DIR (default /tmp/screens).
"""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from mallipankki.proposals.tests.pdfs import minimal_pdf

from .conftest import DESKTOP
from .keyboard import focused, tab_to, type_into
from .test_accessibility import check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "salasana-testi-1"
NAME = "Työpolku Ålandista Äänekoskelle"
NOTE = "Lisäsimme vertaistukiryhmän ja lyhensimme valmennuksen kuuteen viikkoon."


def log_in_by_keyboard(page, base_url: str, username: str) -> None:
    page.goto(base_url + reverse("wagtailadmin_login"))
    type_into(page, "#id_username", username)
    type_into(page, "#id_password", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/login/" not in page.url, f"{username} could not log in"


def test_proposal_becomes_a_complete_practice(demo_site, live_server, make_probe, screenshot_dir, tmp_path, settings):
    settings.PROPOSAL_FILES_ROOT = str(tmp_path / "private")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory
    from mallipankki.evaluation.models import EvaluationCriterion
    from mallipankki.evaluation.tests.test_flow import evaluation_post
    from mallipankki.practices.models import PracticePage
    from mallipankki.proposals.models import Proposal

    # Database work first, then the browser (see make_probe).
    users = {
        username: UserFactory(username=username, role=role, password=PASSWORD)
        for username, role in (
            ("toimittaja", permissions.EDITORS),
            ("arvioija1", permissions.EVALUATORS),
            ("arvioija2", permissions.EVALUATORS),
        )
    }
    original = PracticePage.objects.live().order_by("path").first()
    assert original is not None, "the demo content has no published practice"
    criteria = list(EvaluationCriterion.objects.filter(active=True))
    handbook = tmp_path / "Käsikirja.pdf"
    handbook.write_bytes(minimal_pdf("Mallin kasikirja"))
    memo = tmp_path / "Sisäinen muistio.pdf"
    memo.write_bytes(minimal_pdf("Sisainen muistio"))
    base = live_server.url

    # 1. The proposal, keyboard only.
    person = make_probe(DESKTOP)
    page = person.page
    check_page(person, base + "/ehdota/", 200)
    type_into(page, "#id_name", NAME)
    type_into(page, "#id_summary", "Nuoret työnhakijat kokeilevat töitä valmentajan tuella.")
    type_into(page, "#id_description", "Valmennus alkaa työnantajan kanssa sovitulla kokeilulla.")
    tab_to(page, "#id_themes_0")
    page.keyboard.press("Space")
    type_into(page, "#id_achievements", "Puolet osallistujista työllistyi.")
    type_into(page, "#id_builds_on1_name", original.title)
    type_into(page, "#id_builds_on_note", NOTE)
    tab_to(page, "#id_attachments")
    # The operating system's file dialog is outside the page: the files are
    # handed to the focused input (as in test_proposal_flow).
    page.locator("#id_attachments").set_input_files([str(handbook), str(memo)])
    type_into(page, "#id_submitter_name", "Maija Meikäläinen")
    type_into(page, "#id_submitter_organisation", "Esimerkkikunta")
    type_into(page, "#id_submitter_email", "maija@example.org")
    tab_to(page, "#id_contact_public")
    assert not page.is_checked("#id_contact_public"), "showing the contact must be opt-in"
    page.keyboard.press("Space")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    page.screenshot(path=str(screenshot_dir / "journey1-proposal-form.png"), full_page=True)
    tab_to(page, ".form__actions button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/ehdota/kiitos/"), page.inner_text("main")[:2000]
    check_page(person, page.url, 200)
    reference = re.search(r"EHD-\d{4}-[A-Z0-9]{6}", page.inner_text("main")).group(0)

    proposal = Proposal.objects.get(reference=reference)
    practice = proposal.practice.specific
    assert practice.slug == "tyopolku-alandista-aanekoskelle", practice.slug
    assert proposal.data["builds_on"] == [original.slug]
    assert [a.original_name for a in proposal.attachments.order_by("pk")] == ["Käsikirja.pdf", "Sisäinen muistio.pdf"]
    memo_attachment = proposal.attachments.order_by("pk").last()

    # 2. Evaluators assigned (the assignment view, as the editor).
    editor_client = Client()
    editor_client.force_login(users["toimittaja"])
    response = editor_client.post(
        reverse("evaluation_admin:practice", args=[practice.pk]),
        {"assign": "1", "assign-evaluators": [users["arvioija1"].pk, users["arvioija2"].pk]},
    )
    assert response.status_code == 302

    # 3. The editor keeps the handbook and unticks the memo, by keyboard.
    editor = make_probe(DESKTOP)
    page = editor.page
    log_in_by_keyboard(page, base, "toimittaja")
    page.goto(base + reverse("evaluation_admin:practice", args=[practice.pk]))
    assert page.is_checked(f"#publish-attachment-{proposal.attachments.order_by('pk').first().pk}")
    tab_to(page, f"#publish-attachment-{memo_attachment.pk}")
    page.keyboard.press("Space")
    tab_to(page, "#attachments-heading ~ form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "1/2 julkaistaan" in page.inner_text("body")
    page.screenshot(path=str(screenshot_dir / "journey1-attachment-choices.png"), full_page=True)
    memo_attachment.refresh_from_db()
    assert not memo_attachment.publish

    # 4. Two evaluations.
    for username, score in (("arvioija1", 2), ("arvioija2", 3)):
        client = Client()
        client.force_login(users[username])
        response = client.post(
            reverse("evaluation_admin:evaluate", args=[practice.pk]), evaluation_post(criteria, score=score)
        )
        assert response.status_code == 302, response.content[:500]

    # 5. The decision, in the page editor, by keyboard.
    page.goto(base + reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    approve = "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    if not page.locator(approve).is_visible():
        # In the footer's "more actions" dropdown: open it with the keyboard.
        tab_to(page, "footer .w-dropdown__toggle")
        page.keyboard.press("Enter")
        page.locator(approve).wait_for(state="visible")
    tab_to(page, approve)
    assert focused(page)["tag"] == "BUTTON"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.screenshot(path=str(screenshot_dir / "journey1-approved.png"), full_page=True)
    practice.refresh_from_db()
    assert practice.live, "approving the decision step did not publish the practice"

    # 6. The published practice, as any visitor sees it.
    page = person.page
    check_page(person, base + practice.url, 200)
    page.screenshot(path=str(screenshot_dir / "journey1-practice.png"), full_page=True)
    materials = page.locator("#materiaalit")
    assert materials.get_by_role("heading", name="Materiaalit").count() == 1
    link = materials.get_by_role("link", name=re.compile("Käsikirja"))
    assert link.count() == 1, materials.inner_text()
    assert "muistio" not in page.inner_text("main").lower()
    pdf = page.request.get(base + link.get_attribute("href"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF-")
    contact = page.locator("#yhteystiedot").inner_text()
    assert "Maija Meikäläinen" in contact and "maija@example.org" in contact, contact
    lineage = page.locator("#sukupuu")
    assert original.title in lineage.inner_text() and NOTE in lineage.inner_text(), lineage.inner_text()

    # Its family tree, from the practice it builds on.
    check_page(person, base + original.url + "sukupuu/", 200)
    assert NAME in page.inner_text("main")
    page.screenshot(path=str(screenshot_dir / "journey1-family.png"), full_page=True)

    # 7. The yearly continuity reminder reaches the proposer.
    mail.outbox.clear()
    call_command("send_continuity_reminders", stdout=io.StringIO())
    sent = [message for message in mail.outbox if message.to == ["maija@example.org"]]
    assert len(sent) == 1, [message.to for message in mail.outbox]
    assert NAME in sent[0].body or NAME in sent[0].subject


def test_builds_on_suggestions_as_you_type_in_a_large_catalogue(demo_site, live_server, make_probe, settings):
    """Past the datalist limit the names come from the API's search as the visitor types."""
    settings.PROPOSAL_DATALIST_LIMIT = 0
    from mallipankki.practices.models import PracticePage

    original = PracticePage.objects.live().order_by("path").first()
    probe = make_probe(DESKTOP)
    page = probe.page
    check_page(probe, live_server.url + "/ehdota/", 200)
    assert page.locator("#julkaistut-mallit option").count() == 0
    word = original.title.split()[0].split("-")[0][:8]
    type_into(page, "#id_builds_on1_name", word)
    page.wait_for_function("() => document.querySelectorAll('#julkaistut-mallit option').length > 0", timeout=10000)
    values = page.eval_on_selector_all("#julkaistut-mallit option", "options => options.map(o => o.value)")
    assert original.title in values, values
    assert not probe.csp_violations(), probe.csp_violations()
    assert not probe.page_errors, probe.page_errors
