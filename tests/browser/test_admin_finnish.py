"""The Wagtail admin speaks Finnish to each of our roles, in real Chromium.

Each role (Toimittajat, Arvioijat, Aluetyöntekijät, Ylläpitäjät) logs in and
walks the admin pages it works on: dashboard, the explorer of the practices,
a practice's editor with its page chooser, the workflow views, our own
listings and reports, evaluations and search. On every page the visible
text (innerText) and the texts of aria-label, title, placeholder and alt are
matched against Wagtail's and Django's English msgids (see untranslated.py); any that
shows up is English a Finnish user reads, and the test names the page and
the string. CSP violations fail the test through make_probe.

Screenshots of every page go to SCREENSHOT_DIR as admin-fi-<role>-<page>.png.
"""

import os

import pytest
from django.urls import reverse

from .conftest import DESKTOP, MOBILE
from .test_editorial_flow import PASSWORD, log_in
from .untranslated import english_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # What these check (the admin's wording and layout) does not depend on the
    # database, and the walk is the suite's longest: it runs on SQLite only, so
    # that CI, which runs both databases side by side, stays within its time.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the admin's wording and layout do not depend on the database; checked on SQLite",
    ),
]

# Every text a user reads or hears: visible text, and the labels, tooltips
# and placeholders that are not part of innerText.
COLLECT_TEXTS = """
() => {
    const texts = [document.title, document.body.innerText];
    // Dialogs a click away (keyboard shortcuts, confirmations): hidden now, read then.
    for (const dialog of document.querySelectorAll(".w-dialog[aria-hidden=true], template")) {
        texts.push((dialog.content || dialog).textContent);
    }
    const attributes = ["aria-label", "title", "placeholder", "alt", "aria-description", "data-tippy-content"];
    for (const element of document.querySelectorAll(attributes.map((name) => `[${name}]`).join(","))) {
        for (const name of attributes) {
            const value = element.getAttribute(name);
            if (value) texts.push(value);
        }
    }
    return texts;
}
"""

# Strings that are not Wagtail msgids and yet English: the root page's title
# comes from the database, the keyboard notice from Wagtail's JavaScript.
OTHER_ENGLISH = ["Root"]


def make_people():
    """The four roles, a practice in the workflow with an assigned evaluator, a support request, an adoption."""
    from mallipankki.adoptions.factories import PendingAdoptionFactory
    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory
    from mallipankki.evaluation.services import set_assignments
    from mallipankki.evaluation.workflow import start_workflow
    from mallipankki.practices.models import PracticePage
    from mallipankki.regions.factories import RegionalWorkerFactory, SupportRequestFactory

    users = {
        "toimittaja": UserFactory(username="toimittaja", role=permissions.EDITORS, password=PASSWORD),
        "arvioija": UserFactory(username="arvioija", role=permissions.EVALUATORS, password=PASSWORD),
        "yllapitaja": UserFactory(username="yllapitaja", role=permissions.ADMINS, password=PASSWORD),
    }
    # Two published practices of one region: one goes into the workflow, the
    # other stays editable (a page in the workflow is locked for most roles).
    in_workflow = PracticePage.objects.live().filter(regions__isnull=False).order_by("path").first()
    region = in_workflow.regions.first()
    editable = PracticePage.objects.live().exclude(pk=in_workflow.pk).order_by("path").first()
    editable.regions.add(region)
    editable.save_revision(user=users["toimittaja"]).publish(user=users["toimittaja"])
    users["aluetyontekija"] = RegionalWorkerFactory(
        user__username="aluetyontekija", user__password=PASSWORD, regions=[region]
    ).user

    # A new draft of a published practice, in the evaluation step with one evaluator.
    in_workflow.summary_fi += " Päivitetty."
    in_workflow.save_revision(user=users["toimittaja"], log_action=True)
    start_workflow(in_workflow, user=users["toimittaja"])
    set_assignments(in_workflow, [users["arvioija"]], assigned_by=users["toimittaja"])

    SupportRequestFactory(region=region)
    PendingAdoptionFactory(practice=in_workflow, region=region)
    return users, in_workflow, editable


def admin_pages(role: str, practice, editable) -> list[tuple[str, str]]:
    """(name, path) of the admin pages `role` works on; `practice` is the one in the workflow."""
    index = practice.get_parent()
    common = [
        ("kojelauta", reverse("wagtailadmin_home")),
        ("selain", reverse("wagtailadmin_explore", args=[index.pk])),
        ("muokkaus-tyonkulussa", reverse("wagtailadmin_pages:edit", args=[practice.pk])),
        ("muokkaus", reverse("wagtailadmin_pages:edit", args=[editable.pk])),
        ("historia", reverse("wagtailadmin_pages:history", args=[practice.pk])),
        ("haku", reverse("wagtailadmin_pages:search") + "?q=työ"),
    ]
    by_role = {
        "toimittaja": [
            ("tyonkulun-historia", reverse("wagtailadmin_pages:workflow_history", args=[practice.pk])),
            ("tyonkulut", reverse("wagtailadmin_reports:workflow")),
            ("tyonkulun-tehtavat", reverse("wagtailadmin_reports:workflow_tasks")),
            ("arvioinnit", reverse("evaluation_admin:index")),
            ("arviointi", reverse("evaluation_admin:practice", args=[practice.pk])),
            ("ehdotukset", reverse("proposals_admin:index")),
            ("kayttoonotot", reverse("adoptions_admin:index")),
            ("tukipyynnot", reverse("regions_admin:index")),
            ("jatkuvuusraportti", reverse("continuity_report")),
            ("mallit-kaannokset", reverse("mallit:index") + "?missing_translation=sv"),
            ("sivujen-kaannokset", reverse("sivujen_kaannokset:index")),
        ],
        "arvioija": [
            ("arvioinnit", reverse("evaluation_admin:index")),
            ("arvioi", reverse("evaluation_admin:evaluate", args=[practice.pk])),
        ],
        "aluetyontekija": [
            ("ehdotukset", reverse("proposals_admin:index")),
            ("kayttoonotot", reverse("adoptions_admin:index")),
            ("tukipyynnot", reverse("regions_admin:index")),
            ("jatkuvuusraportti", reverse("continuity_report")),
            ("mallit-kaannokset", reverse("mallit:index") + "?missing_translation=en"),
        ],
        "yllapitaja": [
            ("tyonkulun-historia", reverse("wagtailadmin_pages:workflow_history", args=[practice.pk])),
            ("tyonkulut", reverse("wagtailadmin_reports:workflow")),
            ("tyonkulun-tehtavat", reverse("wagtailadmin_reports:workflow_tasks")),
            ("arvioinnit", reverse("evaluation_admin:index")),
            ("arviointi", reverse("evaluation_admin:practice", args=[practice.pk])),
            ("ehdotukset", reverse("proposals_admin:index")),
            ("kayttoonotot", reverse("adoptions_admin:index")),
            ("tukipyynnot", reverse("regions_admin:index")),
            ("jatkuvuusraportti", reverse("continuity_report")),
            ("kayttajat", reverse("wagtailusers_users:index")),
        ],
    }
    return common + by_role[role]


# Evaluators score in the evaluation views; the page tree is not theirs.
FORBIDDEN = {"arvioija": {"selain", "historia", "haku"}}


def english_on_page(page) -> list[str]:
    texts = page.evaluate(COLLECT_TEXTS)
    found = english_in(texts)
    lines = {" ".join(line.split()) for text in texts for line in text.splitlines()}
    found += [f"{word!r}" for word in OTHER_ENGLISH if word in lines]
    return found


def open_page_chooser(page) -> None:
    """Opens the page chooser from the first "builds on" row of the practice editor."""
    page.get_by_role("tab", name="Jatkuvuus ja levittäminen").click()
    page.locator("#id_builds_on_links-ADD").click()
    chooser = page.locator("[id^=id_builds_on_links-] button[data-chooser-action-choose]").first
    chooser.click()
    page.locator(".modal-content").wait_for()
    page.locator(".modal-content .listing, .modal-content table").first.wait_for()


@pytest.mark.parametrize("role", ["toimittaja", "arvioija", "aluetyontekija", "yllapitaja"])
def test_admin_pages_have_no_english(role, demo_site, live_server, make_probe, screenshot_dir, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    users, practice, editable = make_people()
    pages = admin_pages(role, practice, editable)
    can_edit = {
        "muokkaus-tyonkulussa": practice.permissions_for_user(users[role]).can_edit(),
        "muokkaus": editable.permissions_for_user(users[role]).can_edit(),
    }
    if role != "arvioija":
        assert can_edit["muokkaus"], f"{role} cannot edit a practice of their region"
    base = live_server.url

    probe = make_probe(DESKTOP)
    page = probe.page
    log_in(page, base, role)
    problems = []
    for name, path in pages:
        if not can_edit.get(name, True):
            continue
        response = probe.goto(base + path)
        # A page the role may not open answers with the explained 403 page,
        # which is Finnish too; any other refusal is a bug in the walk.
        expected = 403 if name in FORBIDDEN.get(role, ()) else 200
        assert response.status == expected, f"{role}: {path} answered {response.status}"
        page.wait_for_load_state("networkidle")
        problems += [f"{role} {name} ({path}): {text}" for text in english_on_page(page)]
        page.screenshot(path=str(screenshot_dir / f"admin-fi-{role}-{name}.png"), full_page=True)
        if name == "muokkaus":
            open_page_chooser(page)
            problems += [f"{role} page chooser ({path}): {text}" for text in english_on_page(page)]
            page.screenshot(path=str(screenshot_dir / f"admin-fi-{role}-sivunvalitsin.png"))
    assert not problems, "English on Finnish admin pages:\n" + "\n".join(problems)


# The tabs' visible parts (clipped by their scrolling row) and the floating
# "Supista kaikki" button, in viewport coordinates.
TABS_AND_COLLAPSE_BUTTON = """
() => {
    const box = (rect) => ({left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom});
    const row = document.querySelector(".w-tabs__wrapper").getBoundingClientRect();
    const tabs = [...document.querySelectorAll(".w-tabs__list [role=tab]")].map((tab) => {
        const rect = tab.getBoundingClientRect();
        return {
            name: tab.innerText.trim(),
            left: Math.max(rect.left, row.left), right: Math.min(rect.right, row.right),
            top: rect.top, bottom: rect.bottom,
        };
    }).filter((tab) => tab.right > tab.left);
    const button = document.querySelector(".w-minimap__collapse-all--floating");
    const shown = button && getComputedStyle(button).display !== "none";
    return {tabs, button: shown ? box(button.getBoundingClientRect()) : null, label: shown ? button.innerText : null};
}
"""


def overlaps(a, b) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "375"])
def test_collapse_all_button_does_not_cover_the_editor_tabs(
    viewport, demo_site, live_server, make_probe, screenshot_dir, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory
    from mallipankki.practices.models import PracticePage

    UserFactory(username="toimittaja", role=permissions.EDITORS, password=PASSWORD)
    practice = PracticePage.objects.live().order_by("path").first()

    probe = make_probe(viewport)
    page = probe.page
    log_in(page, live_server.url, "toimittaja")
    probe.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshot_dir / f"admin-fi-editor-tabs-{viewport['width']}.png"))
    layout = page.evaluate(TABS_AND_COLLAPSE_BUTTON)
    assert layout["tabs"], "no tabs visible in the page editor"
    if viewport is DESKTOP:
        assert layout["label"] and "Supista kaikki" in layout["label"], layout
    if layout["button"]:
        covered = [tab["name"] for tab in layout["tabs"] if overlaps(tab, layout["button"])]
        assert not covered, f"'Supista kaikki' covers the tabs {covered} at {viewport['width']} px"
