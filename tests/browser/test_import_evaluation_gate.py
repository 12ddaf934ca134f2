"""An import file that would publish a practice under evaluation, uploaded in the admin.

The review page lists the blocked record with its place and what to do,
offers no confirmation, and passes axe. Screenshots go to SCREENSHOT_DIR.
"""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP
from .test_accessibility import AXE_OPTIONS, format_violations
from .test_editorial_flow import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_review_names_the_practice_under_evaluation(
    demo_site, live_server, make_probe, screenshot_dir, tmp_path, settings
):
    from mallipankki.core.factories import UserFactory
    from mallipankki.evaluation.workflow import start_workflow
    from mallipankki.practices.factories import PracticeRecordFactory
    from mallipankki.practices.listing import published_practices

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DATA_DIR = str(tmp_path)
    UserFactory(username="tuoja", password=PASSWORD, is_superuser=True, is_staff=True)
    practice = published_practices().order_by("path").first()
    start_workflow(practice)
    records = [
        PracticeRecordFactory(id="selaimen-uusi"),
        PracticeRecordFactory(id=practice.slug, summary={"fi": "Tuonnin muuttama tiivistelmä."}),
    ]
    upload = tmp_path / "tuonti.json"
    upload.write_text(json.dumps({"format": "practices", "version": 1, "practices": records}), encoding="utf-8")

    probe = make_probe(DESKTOP)
    page = probe.page
    log_in(page, live_server.url, "tuoja")
    probe.goto(live_server.url + "/admin/tuonti/")
    page.set_input_files("#id_file", str(upload))
    with page.expect_navigation():
        page.get_by_role("button", name="Tarkista tiedosto").click()
    report = page.inner_text("section[aria-labelledby=import-report]")
    assert "practices[1].id" in report and f'malli "{practice.slug}" on arvioitavana' in report
    assert "Vie arviointi loppuun tai peru työnkulku" in report and "Mitään ei tuotu." in report
    assert page.get_by_role("button", name="Vahvista tuonti").count() == 0
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{len(violations)} axe violations\n{format_violations(violations)}"
    page.screenshot(path=str(screenshot_dir / "import-evaluation-gate-desktop.png"), full_page=True)
