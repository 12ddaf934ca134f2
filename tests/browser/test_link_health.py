"""Link health in real Chromium: a broken material and its archived copy on the practice page,
and the copy's own page. axe-core finds no violations on either. Screenshots go to
SCREENSHOT_DIR (default /tmp/screens).
"""

import pytest

from .conftest import DESKTOP, MOBILE
from .test_accessibility import check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_broken_link_and_archived_copy(demo_site, live_server, make_probe, screenshot_dir, settings, tmp_path):
    from mallipankki.links.factories import ArchivedCopyFactory, CopyPermissionFactory, LinkFactory
    from mallipankki.links.models import Link
    from mallipankki.practices.models import PracticePage, Resource

    settings.LINK_ARCHIVE_ROOT = str(tmp_path)
    # Database work first, then the browser (see make_probe).
    resource = (
        Resource.objects.filter(practice__live=True).exclude(url="").order_by("practice__path", "sort_order").first()
    )
    assert resource is not None, "the demo content has no live practice with a link"
    practice = PracticePage.objects.get(pk=resource.practice_id)
    copy = ArchivedCopyFactory(link=LinkFactory(url=resource.url, status=Link.Status.BROKEN), file_name="opas.pdf")
    CopyPermissionFactory(practice=practice, url=resource.url)
    practice_url = live_server.url + practice.url
    copy_url = live_server.url + f"/mallit/{practice.pk}/arkisto/{copy.pk}/"

    for viewport, name in ((DESKTOP, "desktop"), (MOBILE, "mobile")):
        probe = make_probe(viewport)
        check_page(probe, practice_url, 200)
        page = probe.page
        assert page.locator("text=Linkki ei toimi (tarkistettu 8.3.2026)").count() == 1
        archive = page.locator("a.resource__archive")
        assert archive.get_attribute("data-originalurl") == resource.url
        page.locator("#materiaalit").screenshot(path=str(screenshot_dir / f"link-health-practice-{name}.png"))

    probe = make_probe(DESKTOP)
    check_page(probe, copy_url, 200)
    assert "Lataa opas.pdf" in probe.page.content()
    probe.page.screenshot(path=str(screenshot_dir / "link-health-copy-page.png"), full_page=True)


def test_admin_report_and_materials_view(demo_site, live_server, make_probe, screenshot_dir):
    from axe_playwright_python.sync_playwright import Axe

    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory
    from mallipankki.links.factories import LinkFactory
    from mallipankki.links.models import Link
    from mallipankki.practices.models import Resource

    from .test_accessibility import AXE_OPTIONS, format_violations
    from .test_editorial_flow import PASSWORD, log_in

    resources = list(Resource.objects.filter(practice__live=True).exclude(url="").order_by("pk")[:3])
    assert len(resources) == 3, "the demo content has too few links"
    LinkFactory(url=resources[0].url, status=Link.Status.BROKEN)
    LinkFactory(url=resources[1].url, status=Link.Status.FAILING)
    LinkFactory(url=resources[2].url, status=Link.Status.OK)
    UserFactory(username="linkkitoimittaja", password=PASSWORD, role=permissions.EDITORS)
    practice_id = resources[0].practice_id

    probe = make_probe(DESKTOP)
    page = probe.page
    log_in(page, live_server.url, "linkkitoimittaja")
    for path, shot in (
        ("/admin/linkit/", "link-health-report"),
        (f"/admin/linkit/malli/{practice_id}/", "link-health-materials"),
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, f"{path}: {len(violations)} axe violations\n{format_violations(violations)}"
        page.screenshot(path=str(screenshot_dir / f"{shot}.png"), full_page=True)
    page.goto(live_server.url + "/admin/linkit/")
    assert resources[0].url in page.content() and resources[2].url not in page.content()
