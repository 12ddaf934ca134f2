"""The fetcher against the local server: what counts as working, and politeness."""

import threading
import time

from mallipankki.links.fetch import HostGate

from .conftest import local_fetcher
from .server import make_pdf


def test_working_page_is_ok_with_its_final_address_and_type(local_server):
    result = local_fetcher().check(local_server.url("/ok"))
    assert result.ok and result.status_code == 200
    assert result.final_url == local_server.url("/ok")
    assert result.content_type.startswith("text/html")


def test_not_found_gone_and_server_error_fail(local_server):
    fetcher = local_fetcher()
    for path, status in [("/404", 404), ("/410", 410), ("/500", 500)]:
        result = fetcher.check(local_server.url(path))
        assert not result.ok and result.status_code == status and result.error == "http-status"


def test_slow_answer_within_the_timeout_works_and_a_hanging_one_times_out(local_server):
    fetcher = local_fetcher()
    assert fetcher.check(local_server.url("/slow")).ok
    result = fetcher.check(local_server.url("/timeout"))
    assert not result.ok and result.error == "timeout"


def test_redirect_chain_of_five_is_followed_and_six_is_too_many(local_server):
    fetcher = local_fetcher()
    five = fetcher.check(local_server.url("/chain/4"))
    assert five.ok and five.final_url == local_server.url("/ok")
    six = fetcher.check(local_server.url("/chain/5"))
    assert not six.ok and six.error == "too-many-redirects"


def test_redirect_loop_is_an_error(local_server):
    result = local_fetcher().check(local_server.url("/loop-a"))
    assert not result.ok and result.error == "redirect-loop"


def test_head_refused_is_retried_with_get(local_server):
    local_server.state["requests"].clear()
    result = local_fetcher().check(local_server.url("/head405"))
    assert result.ok and result.status_code == 200
    methods = [method for method, path, *_ in local_server.state["requests"] if path == "/head405"]
    assert methods == ["HEAD", "GET"]


def test_not_found_on_head_is_not_asked_again_with_get(local_server):
    local_server.state["requests"].clear()
    local_fetcher().check(local_server.url("/404"))
    assert [method for method, *_ in local_server.state["requests"]] == ["HEAD"]


def test_user_agent_names_the_service_and_a_contact_address(local_server):
    local_server.state["requests"].clear()
    local_fetcher().check(local_server.url("/ok"))
    user_agent = local_server.state["requests"][0][2]
    assert user_agent.startswith("Mallipankki-linkkitarkistin/") and "+http" in user_agent


def test_redirect_to_a_private_address_is_refused_without_connecting(local_server):
    fetcher = local_fetcher(connect_timeout=30)
    started = time.monotonic()
    for path in ("/to-private", "/to-ten"):
        result = fetcher.check(local_server.url(path))
        assert not result.ok and result.error == "private-address"
    assert time.monotonic() - started < 5  # a connection attempt to 10.1.2.3 would hang


def test_pdf_is_downloaded_only_when_asked(local_server):
    fetcher = local_fetcher()
    local_server.state["pdf"] = make_pdf(1)
    assert fetcher.check(local_server.url("/opas.pdf")).download is None
    result = fetcher.check(local_server.url("/opas.pdf"), keep_document=True)
    assert result.download.data == local_server.state["pdf"]
    assert result.download.sha256 and result.download.source_url == local_server.url("/opas.pdf")


def test_huge_file_is_not_kept_but_the_link_works(local_server):
    result = local_fetcher().check(local_server.url("/huge.pdf"), keep_document=True)
    assert result.ok and result.download is None and result.download_error == "too-large"


def test_one_request_at_a_time_per_host_with_the_delay_between(local_server):
    gate = HostGate(delay=0.2)
    fetcher = local_fetcher()
    fetcher.gate = gate
    local_server.state["requests"].clear()

    threads = [threading.Thread(target=fetcher.check, args=(local_server.url("/ok"),)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = sorted(stamp for *_, stamp in local_server.state["requests"])
    assert len(times) == 3
    assert all(later - earlier >= 0.19 for earlier, later in zip(times, times[1:], strict=False))
