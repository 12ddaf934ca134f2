"""Accessibility of every public page type, checked in real Chromium.

For each page type: axe-core finds no WCAG 2.1 A/AA violations, the page has
exactly one h1 and a lang attribute, the browser reports no Content Security
Policy violations, and nothing scrolls sideways at 320 px. Screenshots at
desktop and mobile widths go to /tmp/screens/ for a human to look at.
"""

import json
import re
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, MOBILE

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

browser_test = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
pytestmark = browser_test

# Page types; each is resolved to a path against the demo content, so the
# tests follow the content instead of hard-coding slugs that may change.
PAGE_KINDS = [
    "home",
    "theme-with-practices",
    "theme-empty",
    "article",
    "standard",
    "catalogue",
    "catalogue-filtered",
    "catalogue-page-2",
    "catalogue-search",
    "search-results",
    "search-no-results",
    "practice-with-pdf",
    "practice-builds-on",
    "proposal-form",
    "regions",
    "not-found",
]


def resolve_path(kind: str) -> tuple[str, int]:
    """The path of a page of the given kind and the HTTP status it should answer."""
    from mallipankki.pages.models import ArticlePage, HomePage, StandardPage, ThemePage
    from mallipankki.practices.listing import published_practices
    from mallipankki.practices.models import PracticeIndexPage

    def first(queryset, what):
        page = queryset.first()
        if page is None:
            pytest.fail(f"The demo content has no {what}.", pytrace=False)
        return page

    live_practices = published_practices()
    if kind == "home":
        return first(HomePage.objects.live(), "home page").url, 200
    if kind == "theme-with-practices":
        theme_page = first(
            ThemePage.objects.live().filter(theme__practices__in=live_practices).distinct().order_by("path"),
            "theme page with practices",
        )
        return theme_page.url, 200
    if kind == "theme-empty":
        return first(ThemePage.objects.live().filter(theme__code="toimintakyky"), "toimintakyky theme page").url, 200
    if kind == "article":
        return first(ArticlePage.objects.live().order_by("path"), "article").url, 200
    if kind == "standard":
        return first(StandardPage.objects.live().filter(slug="saavutettavuus"), "/saavutettavuus/ page").url, 200
    index = first(PracticeIndexPage.objects.live(), "practice index page")
    if kind == "catalogue":
        return index.url, 200
    if kind == "catalogue-filtered":
        from django.db.models import Count, Q

        from mallipankki.vocabularies.models import Theme

        theme = (
            Theme.objects.annotate(
                n=Count("practices", filter=Q(practices__in=live_practices.values("pk")), distinct=True)
            )
            .filter(n__gt=0)
            .order_by("-n", "sort_order")
            .first()
        )
        if theme is None:
            pytest.fail("The demo content has no practice with a theme.", pytrace=False)
        return f"{index.url}?teema={theme.code}", 200
    if kind == "catalogue-page-2":
        add_practices(index, index.page_size + 3 - live_practices.count())
        return f"{index.url}?sivu=2", 200
    if kind in ("catalogue-search", "search-results"):
        base = index.url if kind == "catalogue-search" else "/haku/"
        return f"{base}?q={quote(search_word(live_practices))}", 200
    if kind == "search-no-results":
        # A mistyped word within a theme that has no practices: nothing is
        # found, and the page offers the word as it is spelled in the index.
        from mallipankki.search.service import search

        titles = live_practices.order_by("path").values_list("title", flat=True)
        words = dict.fromkeys(word.lower() for title in titles for word in re.findall(r"[^\W\d_]{6,12}", title))
        for word in list(words)[:10]:
            typo = word[:3] + word[4:]
            result = search(typo, {"theme": ["toimintakyky"]})
            if not result.count and result.suggestion:
                return f"/haku/?q={quote(typo)}&teema=toimintakyky", 200
        pytest.fail("No mistyped word from the demo practices' names gets a suggestion.", pytrace=False)
    if kind == "practice-with-pdf":
        with_pdf = live_practices.filter(resources__kind="pdf").distinct().order_by("path")
        return first(with_pdf, "practice with a PDF").url, 200
    if kind == "practice-builds-on":
        practice = live_practices.filter(builds_on_links__target__live=True).distinct().order_by("path").first()
        if practice is None:
            # The demo has no such link: make the second practice build on the first.
            from mallipankki.practices.factories import BuildsOnLinkFactory

            target, practice = list(live_practices.order_by("path")[:2])
            BuildsOnLinkFactory(practice=practice, target=target, adaptation_note="Sovitettu toiseen kohderyhmään.")
        return practice.url, 200
    if kind == "proposal-form":
        return "/ehdota/", 200
    if kind == "regions":
        return "/alueet/", 200
    if kind == "not-found":
        return "/tata-sivua-ei-ole-olemassa/", 404
    raise AssertionError(kind)


def search_word(live_practices) -> str:
    """A word of the first practice's name that search finds it by."""
    for title in live_practices.order_by("path").values_list("title", flat=True):
        words = re.findall(r"[^\W\d_]{6,}", title)
        if words:
            return max(words, key=len).lower()
    pytest.fail("The demo content has no practice with a name to search for.", pytrace=False)


def add_practices(index, count: int) -> None:
    """Publishes `count` more practices, so that the catalogue has a second page."""
    from mallipankki.practices.models import PracticePage
    from mallipankki.vocabularies.models import TargetGroup, Theme

    theme, group = Theme.objects.first(), TargetGroup.objects.first()
    for number in range(1, count + 1):
        practice = PracticePage(
            title=f"Testimalli {number}",
            slug=f"testimalli-{number}",
            summary_fi="Malli, jolla luettelo saadaan kahdelle sivulle sivutuksen testaamista varten.",
            status=PracticePage.Status.PUBLISHED,
        )
        index.add_child(instance=practice)
        practice.themes.set([theme])
        practice.target_groups.set([group])
        practice.save_revision().publish()


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}  {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {json.dumps(node['target'])}: {node.get('failureSummary', '').replace(chr(10), ' / ')}")
            lines.append(f"      {node['html'][:300]}")
    return "\n".join(lines)


def check_page(probe, url: str, expected_status: int) -> None:
    response = probe.goto(url)
    assert response is not None and response.status == expected_status, (
        f"{url}: HTTP {response.status if response else 'no response'}, expected {expected_status}"
    )
    page = probe.page

    lang = page.get_attribute("html", "lang")
    assert lang, f"{url}: <html> has no lang attribute"
    assert lang == "fi", f"{url}: <html lang={lang!r}> in a Finnish browser, expected 'fi'"

    h1_count = page.locator("h1").count()
    assert h1_count == 1, f"{url}: {h1_count} h1 elements, expected exactly one"

    results = Axe().run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert not violations, f"{url}: {len(violations)} axe violations\n{format_violations(violations)}"

    csp = probe.csp_violations()
    assert not csp, f"{url}: Content Security Policy violations:\n" + "\n".join(csp)
    assert not probe.page_errors, f"{url}: JavaScript errors:\n" + "\n".join(probe.page_errors)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_is_accessible(kind, demo_site, live_server, make_probe, screenshot_dir):
    path, status = resolve_path(kind)
    url = live_server.url + path

    desktop = make_probe(DESKTOP)
    check_page(desktop, url, status)
    desktop.page.screenshot(path=str(screenshot_dir / f"{kind}-desktop.png"), full_page=True)

    mobile = make_probe(MOBILE)
    check_page(mobile, url, status)
    mobile.page.screenshot(path=str(screenshot_dir / f"{kind}-mobile.png"), full_page=True)

    # WCAG 1.4.10 reflow: usable at 320 CSS px without scrolling sideways.
    mobile.page.set_viewport_size({"width": 320, "height": 640})
    overflow = mobile.page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
            return {scrollWidth: document.documentElement.scrollWidth, width, wide};
        }"""
    )
    assert overflow["scrollWidth"] <= overflow["width"], f"{url}: scrolls sideways at 320 px: {overflow}"


def test_skip_link_is_first_and_moves_focus_to_main(demo_site, live_server, make_probe):
    path, _ = resolve_path("practice-with-pdf")
    probe = make_probe(DESKTOP)
    probe.goto(live_server.url + path)
    page = probe.page
    # A keyboard user starts once the page has settled: the enhancement
    # scripts (shortlist count, form token) may still be running before that.
    page.wait_for_load_state("networkidle")

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({tag: document.activeElement.tagName, href: document.activeElement.getAttribute('href'),"
        " text: document.activeElement.textContent.trim(),"
        " visible: document.activeElement.getBoundingClientRect().top >= 0})"
    )
    assert focused["tag"] == "A" and focused["href"] == "#main", f"first Tab focused {focused}, not the skip link"
    assert focused["visible"], "the skip link is focused but not on screen"

    page.keyboard.press("Enter")
    active = page.evaluate("() => ({tag: document.activeElement.tagName, id: document.activeElement.id})")
    assert active == {"tag": "MAIN", "id": "main"}, f"Enter on the skip link focused {active}, not <main>"

    # The next Tab continues inside main, past the header and navigation.
    page.keyboard.press("Tab")
    inside_main = page.evaluate("() => !!document.activeElement.closest('main')")
    assert inside_main, "Tab after the skip link did not continue inside <main>"


def test_focus_is_visible(demo_site, live_server, make_probe):
    """Every link reached with Tab on the home page shows an outline."""
    path, _ = resolve_path("home")
    probe = make_probe(DESKTOP)
    probe.goto(live_server.url + path)
    page = probe.page
    without_outline = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate(
            "() => { const el = document.activeElement; const s = getComputedStyle(el);"
            " return {html: el.outerHTML.slice(0, 120), outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"
        )
        if style["outline"] == "none" or style["width"] < 2:
            without_outline.append(style["html"])
    assert not without_outline, "focused elements without a visible outline:\n" + "\n".join(without_outline)


def test_catalogue_filters_combine_without_javascript(demo_site, live_server, make_probe):
    """The catalogue's old theme address ticks its box; ticking a target group
    and sending the form keeps both; "Poista kaikki rajaukset" clears them."""
    path, _ = resolve_path("catalogue-filtered")
    probe = make_probe(DESKTOP, javascript=False)
    probe.goto(live_server.url + path)
    page = probe.page

    checked = page.locator("#search-facets input[type=checkbox]:checked")
    assert checked.count() == 1 and checked.first.get_attribute("name") == "teema", "the theme is not ticked"
    group = page.locator("#search-facets input[name=kohderyhma]").first
    group.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Päivitä tulokset").click()
    assert "teema=" in page.url and "kohderyhma=" in page.url, page.url
    assert page.locator("#search-facets input[type=checkbox]:checked").count() == 2

    with page.expect_navigation():
        page.get_by_role("link", name="Poista kaikki rajaukset").click()
    assert "teema=" not in page.url and "kohderyhma=" not in page.url, page.url
    assert page.locator("#search-facets input[type=checkbox]:checked").count() == 0


def test_server_error_page_is_standalone_and_accessible(
    live_server, make_probe, django_assert_num_queries, screenshot_dir
):
    """500.html renders without a request or database, as Django's handler does, and passes axe."""
    from django.template import loader

    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert "Palvelussa on häiriö" in html

    probe = make_probe(DESKTOP)
    url = live_server.url + "/__server-error__/"
    probe.page.route(url, lambda route: route.fulfill(status=500, body=html, content_type="text/html; charset=utf-8"))
    check_page(probe, url, 500)
    probe.page.screenshot(path=str(screenshot_dir / "server-error-desktop.png"), full_page=True)


def test_mobile_menu_works_with_and_without_javascript(demo_site, live_server, make_probe):
    path, _ = resolve_path("home")
    url = live_server.url + path

    # Without JavaScript the menu is simply there.
    plain = make_probe(MOBILE, javascript=False)
    plain.goto(url)
    assert plain.page.locator("#main-nav-list").is_visible(), "the menu is hidden without JavaScript"
    assert plain.page.locator(".main-nav__toggle").count() == 0

    # With it, the menu folds behind a button that says whether it is open.
    probe = make_probe(MOBILE)
    probe.goto(url)
    page = probe.page
    toggle = page.get_by_role("button", name="Valikko")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#main-nav-list").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#main-nav-list").is_visible()
    # The regions are in the menu, not only in the footer.
    assert page.locator("#main-nav-list").get_by_role("link", name="Alueet", exact=True).is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('main-nav__toggle')")

    # On a wide screen there is no button and the menu is open.
    page.set_viewport_size(DESKTOP)
    assert not toggle.is_visible()
    assert page.locator("#main-nav-list").is_visible()
