"""make_probe's CSP check sees violations on every document a tab showed, not only the last one."""

import pytest

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

# Served by Playwright itself (page.route): nothing leaves the machine.
ORIGIN = "http://127.0.0.1:9"
STRICT = "default-src 'self'; script-src 'self'; style-src 'self'"


def serve(route):
    path = route.request.url.removeprefix(ORIGIN)
    body = {
        "/inline-script": "<!doctype html><title>a</title><script>document.title = 'b'</script>",
        "/inline-style": '<!doctype html><title>c</title><p style="color: red">x</p>',
        "/clean": "<!doctype html><title>d</title><p>x</p>",
    }[path]
    route.fulfill(status=200, body=body, headers={"Content-Type": "text/html", "Content-Security-Policy": STRICT})


def test_violations_of_earlier_pages_are_kept_across_navigations(make_probe):
    probe = make_probe(DESKTOP)
    probe.page.route(f"{ORIGIN}/**", serve)
    probe.goto(f"{ORIGIN}/inline-script")
    probe.goto(f"{ORIGIN}/inline-style")
    # A navigation that is not through goto(), as a clicked link would be.
    probe.page.evaluate(f"location.href = '{ORIGIN}/clean'")
    probe.page.wait_for_url(f"{ORIGIN}/clean")

    recorded = probe.collect_csp_violations()
    assert any("/inline-script" in text and "script-src" in text for text in recorded), recorded
    assert any("/inline-style" in text and "style-src" in text for text in recorded), recorded
    # Expected here; make_probe would otherwise fail this test at teardown.
    probe.all_csp_violations.clear()


def test_violations_are_recorded_without_javascript_too(make_probe):
    probe = make_probe(DESKTOP, javascript=False)
    probe.page.route(f"{ORIGIN}/**", serve)
    probe.goto(f"{ORIGIN}/inline-style")
    probe.goto(f"{ORIGIN}/clean")
    recorded = probe.collect_csp_violations()
    assert any("style-src" in text for text in recorded), recorded
    probe.all_csp_violations.clear()
