"""check_links against the local server: the three-strikes rule, history, copies, dry run."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from mallipankki.links.models import ArchivedCopy, Link, LinkCheck
from mallipankki.links.services import check_links, links_to_check

from .conftest import local_fetcher
from .server import make_pdf

pytestmark = pytest.mark.django_db

DAY0 = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)


@pytest.fixture
def practice_with(make_practice, local_server):
    def make(*paths, organisation_path=None, **fields):
        resources = [
            {"type": "link", "title": {"fi": f"Materiaali {number}"}, "url": local_server.url(path)}
            for number, path in enumerate(paths)
        ]
        organisations = []
        if organisation_path:
            organisations = [{"name": "Hanke", "role": "developer", "url": local_server.url(organisation_path)}]
        return make_practice(resources=resources, organisations=organisations, **fields)

    return make


def run(now, **options):
    return check_links(now=now, fetcher=local_fetcher(), concurrency=4, **options)


def test_materials_and_organisation_sites_of_live_practices_are_checked(practice_with, local_server):
    practice_with("/ok", "/404", organisation_path="/slow")
    practice_with("/500", status="draft")
    assert links_to_check() == {
        local_server.url("/ok"): True,
        local_server.url("/404"): True,
        local_server.url("/slow"): False,
    }
    summary = run(DAY0)
    assert summary.checked == 3
    assert Link.objects.get(url=local_server.url("/ok")).status == Link.Status.OK
    assert Link.objects.get(url=local_server.url("/404")).status == Link.Status.FAILING
    assert not Link.objects.filter(url=local_server.url("/500")).exists()


def test_every_check_is_kept_with_time_status_final_address_type_and_size(practice_with, local_server):
    practice_with("/chain/2")
    run(DAY0)
    check = LinkCheck.objects.get()
    assert check.checked_at == DAY0 and check.ok and check.status_code == 200
    assert check.final_url == local_server.url("/ok")
    assert check.content_type.startswith("text/html") and check.size == len(b"<p>ok</p>")


def test_broken_only_after_three_failures_at_least_three_days_apart(practice_with, local_server):
    practice_with("/410")
    url = local_server.url("/410")
    run(DAY0)
    assert Link.objects.get(url=url).status == Link.Status.FAILING
    # A forced check the next day is kept but does not count as a strike.
    run(DAY0 + timedelta(days=1), practice_id=_practice_id(url))
    link = Link.objects.get(url=url)
    assert (link.status, link.strikes) == (Link.Status.FAILING, 1)
    # A daily run does not check it again before three days have passed.
    assert run(DAY0 + timedelta(days=2, hours=23)).checked == 0
    run(DAY0 + timedelta(days=3))
    assert Link.objects.get(url=url).strikes == 2
    assert Link.objects.get(url=url).status == Link.Status.FAILING
    run(DAY0 + timedelta(days=6))
    link = Link.objects.get(url=url)
    assert (link.status, link.strikes) == (Link.Status.BROKEN, 3)
    assert link.checks.count() == 4


def test_a_working_check_resets_the_count_and_is_rechecked_after_a_week(practice_with, local_server):
    practice_with("/fail-if-told")
    url = local_server.url("/fail-if-told")
    local_server.state["failing"] = True
    run(DAY0)
    run(DAY0 + timedelta(days=3))
    local_server.state["failing"] = False
    run(DAY0 + timedelta(days=6))
    link = Link.objects.get(url=url)
    assert (link.status, link.strikes) == (Link.Status.OK, 0)
    assert run(DAY0 + timedelta(days=12)).checked == 0
    assert run(DAY0 + timedelta(days=13)).checked == 1


def test_a_linked_pdf_is_kept_and_a_changed_one_beside_it(practice_with, local_server):
    practice_with("/opas.pdf")
    url = local_server.url("/opas.pdf")
    local_server.state["pdf"] = make_pdf(1)
    run(DAY0)
    run(DAY0 + timedelta(days=7))
    first = ArchivedCopy.objects.get()
    assert first.source_url == url and first.content_type == "application/pdf"
    assert first.retrieved_at == DAY0 and first.last_seen_at == DAY0 + timedelta(days=7)
    assert first.file.read().startswith(b"%PDF-") and len(first.sha256) == 64
    local_server.state["pdf"] = make_pdf(2)
    summary = run(DAY0 + timedelta(days=14))
    assert summary.new_copies == 1
    copies = list(ArchivedCopy.objects.order_by("retrieved_at"))
    assert [copy.retrieved_at for copy in copies] == [DAY0, DAY0 + timedelta(days=14)]
    assert copies[0].source_sha256 != copies[1].source_sha256
    assert copies[0].file.name != copies[1].file.name


def test_docx_is_kept_and_a_fake_pdf_or_huge_file_is_not(practice_with, local_server):
    practice_with("/lomake.docx", "/fake.pdf", "/huge.pdf")
    summary = run(DAY0)
    copy = ArchivedCopy.objects.get()
    assert copy.file_name == "lomake.docx" and "wordprocessingml" in copy.content_type
    assert summary.refused_copies == {"not-a-document": 1, "too-large": 1}
    assert LinkCheck.objects.get(link__url=local_server.url("/huge.pdf")).error == "copy:too-large"


def test_dry_run_writes_nothing(practice_with, local_server):
    practice_with("/404", "/opas.pdf")
    summary = run(DAY0, dry_run=True)
    assert summary.checked == 2 and summary.statuses["failing"] == 1
    assert not Link.objects.exists() and not LinkCheck.objects.exists() and not ArchivedCopy.objects.exists()


def test_command_prints_progress_and_a_summary(practice_with, local_server, settings):
    settings.LINK_CHECK_ALLOW_PRIVATE_NETWORKS = True
    settings.LINK_CHECK_HOST_DELAY = 0
    page = practice_with("/ok", "/404")
    out = StringIO()
    call_command("check_links", "--practice", str(page.pk), stdout=out)
    text = out.getvalue()
    assert f"[failing] {local_server.url('/404')} (404)" in text
    assert "Tarkistettu 2 linkkiä: toimii 1, ei vastannut 1, ei toimi 0." in text


def test_without_the_test_setting_the_local_server_is_refused(practice_with, local_server, settings):
    settings.LINK_CHECK_ALLOW_PRIVATE_NETWORKS = False
    settings.LINK_CHECK_HOST_DELAY = 0
    practice_with("/ok")
    local_server.state["requests"].clear()
    call_command("check_links", stdout=StringIO())
    assert LinkCheck.objects.get().error == "private-address"
    assert local_server.state["requests"] == []


def _practice_id(url):
    from mallipankki.practices.models import Resource

    return Resource.objects.get(url=url).practice_id


def test_command_refuses_an_unknown_practice():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Julkaistua mallia 999999 ei ole"):
        call_command("check_links", "--practice", "999999", stdout=StringIO())
