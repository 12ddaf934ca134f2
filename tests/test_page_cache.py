"""The anonymous page cache (core/page_cache.py) on the demo site.

Pages are fetched by distinct clients, as distinct visitors. Changes are made
inside django_capture_on_commit_callbacks(execute=True): the cache hears of a
change when its transaction commits, which a test's own transaction never does.
"""

import datetime as dt
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from mallipankki.core import page_cache as page_cache_module
from mallipankki.pages.demo_content import load_demo_content
from mallipankki.practices.models import PracticePage

pytestmark = pytest.mark.django_db

PRACTICE = "lapin-sosiaalinen-kadenjalki"  # theme yhteistyo, region Lappi (FI-10)
NEW_NAME = "Välimuistitestin uusi nimi"


@pytest.fixture
def site(page_cache):
    load_demo_content()
    # The newest practice, so that the home page lists it too.
    PracticePage.objects.filter(slug=PRACTICE).update(first_published_at=timezone.now())
    return PracticePage.objects.get(slug=PRACTICE)


def fetch(url, client=None):
    response = (client or Client()).get(url)
    body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(json.loads(body), ensure_ascii=False)  # "ä", not "\u00e4"
    return response, body


def comparable(body):
    # An export says when it was made.
    return re.sub(r'"exported_at": "[^"]*"', "", body)


def editor():
    return get_user_model().objects.create_superuser("toimittaja", "toimittaja@example.org", "salasana-pitka-123")


def practice_urls(page):
    return {
        "practice": page.url,
        "home": "/",
        "theme": "/yhteistyo/",
        "catalogue": "/mallit/",
        "catalogue filtered": "/mallit/?teema=yhteistyo",
        "region": "/alueet/lappi/",
        "family": f"{page.url}sukupuu/",
        "feed": "/syotteet/mallit.atom",
        "api list": "/api/v1/practices?limit=100",
        "api detail": f"/api/v1/practices/{PRACTICE}",
        "export": "/api/v1/export.json",
    }


def warm(urls):
    """Fetches each URL twice; the second answer of a cacheable page comes from the cache."""
    for url in urls:
        fetch(url)
        response, _ = fetch(url)
        assert response["X-Page-Cache"] == "hit", url


# --- hits and misses ------------------------------------------------------------------


def test_second_anonymous_fetch_is_a_hit_without_queries(site):
    for url in ["/", site.url, "/mallit/", "/yhteistyo/", "/api/v1/practices", "/sitemap.xml"]:
        first, first_body = fetch(url)
        assert first["X-Page-Cache"] == "miss", url
        with CaptureQueriesContext(connection) as queries:
            second, second_body = fetch(url)
        assert second["X-Page-Cache"] == "hit", url
        assert len(queries) == 0, (url, [q["sql"] for q in queries])
        assert second_body == first_body


def test_two_anonymous_visitors_get_identical_bytes_and_no_cookies(site):
    for url in ["/", site.url, "/mallit/?teema=yhteistyo", "/arviointi/", "/avoin-data/"]:
        one, one_body = fetch(url, Client())
        other, other_body = fetch(url, Client())
        assert one_body == other_body, url
        assert not one.cookies and not other.cookies, url
        assert "Set-Cookie" not in other, url
        assert "nonce" not in one_body, url


def test_cached_pages_carry_csp_and_cache_headers(site):
    fetch(site.url)
    response, _ = fetch(site.url)
    assert response["X-Page-Cache"] == "hit"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "nonce" not in policy and "unsafe-inline" not in policy
    assert response["Permissions-Policy"]
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=300"
    assert response["ETag"].startswith('"')


def test_etag_answers_304(site):
    _, _ = fetch("/")
    response, _ = fetch("/")
    not_modified = Client().get("/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == response["ETag"]
    assert Client().get("/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_logged_in_editor_is_never_served_nor_stored(site):
    user = editor()
    anonymous_body = fetch(site.url)[1]
    client = Client()
    client.force_login(user)
    response, body = fetch(site.url, client)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    # What the editor got was not stored for the anonymous either.
    response, body = fetch(site.url)
    assert response["X-Page-Cache"] == "hit" and body == anonymous_body


def test_editors_page_is_not_shown_to_anonymous_visitors(site):
    user = editor()
    client = Client()
    client.force_login(user)
    editor_response, _ = fetch("/", client)
    response, _ = fetch("/")
    assert response["X-Page-Cache"] == "miss"
    assert "wagtail-userbar" not in response.content.decode()


def test_previews_and_admin_are_not_cached(site):
    user = editor()
    client = Client()
    client.force_login(user)
    for _ in range(2):
        response, _ = fetch(f"{site.url}?preview=1")
        assert "X-Page-Cache" not in response
    preview = client.get(f"/admin/pages/{site.pk}/view_draft/")
    assert preview.status_code == 200 and "X-Page-Cache" not in preview


def test_shortlist_is_never_cached(site):
    client = Client()
    client.post("/muistilista/lisaa/", {"malli": PRACTICE})
    for _ in range(2):
        response = client.get("/muistilista/")
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    state = client.get("/muistilista/tila.json")
    assert "X-Page-Cache" not in state
    # A visitor with a list (a session) still gets the shared pages from the cache.
    fetch("/mallit/")
    assert client.get("/mallit/")["X-Page-Cache"] == "hit"


def test_excluded_paths_are_excluded_under_a_language_prefix_too(rf, settings):
    settings.PAGE_CACHE_LANGUAGE_PREFIXES = ["", "/sv", "/en"]
    for path in ("/muistilista/", "/sv/muistilista/tila.json", "/en/muistilista/liite.pdf", "/admin/pages/"):
        assert not page_cache_module.cacheable_request(rf.get(path)), path
    assert page_cache_module.cacheable_request(rf.get("/sv/mallit/"))


def test_form_pages_that_set_the_csrf_cookie_are_not_stored(site):
    for _ in range(2):
        response, _ = fetch("/ehdota/")
        assert "X-Page-Cache" not in response
        assert "csrftoken" in response.cookies


def test_region_page_is_cached_and_its_form_asks_to_confirm_a_post_without_a_token(site):
    from mallipankki.regions.models import SupportRequest
    from mallipankki.regions.tests.helpers import support_post

    fetch("/alueet/lappi/")
    response, body = fetch("/alueet/lappi/")
    assert response["X-Page-Cache"] == "hit" and not response.cookies
    assert "csrfmiddlewaretoken" not in body and 'action="/alueet/tukipyynto/"' in body

    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/alueet/lappi/")
    first = visitor.post("/alueet/tukipyynto/", support_post())
    assert first.status_code == 200 and SupportRequest.objects.count() == 0
    html = first.content.decode()
    assert "Pyyntöä ei ole vielä lähetetty. Tarkista tiedot ja lähetä pyyntö." in html
    assert "Haluamme ottaa työhönvalmennuksen käyttöön" in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    second = visitor.post("/alueet/tukipyynto/", {**support_post(), "csrfmiddlewaretoken": token})
    assert second.status_code == 302 and SupportRequest.objects.count() == 1


def test_query_string_order_does_not_matter_but_values_do(site):
    fetch("/mallit/?teema=yhteistyo&q=")
    assert fetch("/mallit/?q=&teema=yhteistyo")[0]["X-Page-Cache"] == "hit"
    assert fetch("/mallit/?teema=levittaminen&q=")[0]["X-Page-Cache"] == "miss"


def test_page_cache_off_serves_everything_fresh(site, settings):
    settings.PAGE_CACHE = False
    fetch("/")
    response, _ = fetch("/")
    assert "X-Page-Cache" not in response


def test_a_failing_cache_never_fails_a_page(site, monkeypatch):
    class Broken:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise OSError("disk full")

            return fail

    monkeypatch.setattr(page_cache_module, "cache", lambda: Broken())
    response, body = fetch("/")
    assert response.status_code == 200 and "Mallipankki" in body


def test_a_change_in_a_rolled_back_transaction_keeps_the_cache(site, django_capture_on_commit_callbacks):
    fetch("/")
    with django_capture_on_commit_callbacks(execute=False):
        page_cache_module.bump_generation()
    assert fetch("/")[0]["X-Page-Cache"] == "hit"


def test_a_change_replaces_the_generation_with_a_new_one(site):
    before = page_cache_module.current_generation()
    page_cache_module._replace_generation()
    assert page_cache_module.current_generation() != before


# --- every kind of change reaches every page that shows it ----------------------------


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def change_publish(page):
    publish(page, title=NEW_NAME, name_fi=NEW_NAME)
    return (
        NEW_NAME,
        True,
        [
            "practice",
            "home",
            "theme",
            "catalogue",
            "catalogue filtered",
            "region",
            "family",
            "feed",
            "api list",
            "api detail",
            "export",
        ],
    )


def change_unpublish(page):
    page.unpublish()
    return (
        page.name,
        False,
        ["home", "theme", "catalogue", "catalogue filtered", "region", "feed", "api list", "export"],
    )


def change_delete(page):
    Page.objects.get(pk=page.pk).delete()
    return page.name, False, ["home", "theme", "catalogue", "region", "feed", "api list", "export"]


def change_vocabulary(page):
    theme = page.themes.get(code="yhteistyo")
    theme.name_fi = "Välimuistiteeman nimi"
    theme.save()
    return theme.name_fi, True, ["practice", "catalogue"]


def change_regional_worker(page):
    from mallipankki.regions.factories import RegionalWorkerFactory
    from mallipankki.vocabularies.factories import region

    RegionalWorkerFactory(
        user__username="aluetyontekija",
        user__last_name="Välimuistinen",
        regions=[region("FI-10")],
        public_contact=True,
    )
    return "Välimuistinen", True, ["region"]


def change_adoption(page):
    from mallipankki.adoptions import services
    from mallipankki.adoptions.factories import PendingAdoptionFactory

    pending = PendingAdoptionFactory(practice=page, organisation="Välimuistin kunta")
    services.confirm(pending.pk, editor())
    return "Välimuistin kunta", True, ["practice", "api detail", "export"]


def change_continuity_answer(page):
    from mallipankki.continuity.confirmations import record_answer
    from mallipankki.continuity.factories import ContinuityReminderFactory

    record_answer(ContinuityReminderFactory(practice=page), answer="changed", continuity_owner="Välimuistin jatkaja")
    return "Välimuistin jatkaja", True, ["practice", "api detail", "export"]


def change_link_check(page):
    from mallipankki.links.factories import LinkFactory
    from mallipankki.links.models import Link

    url = page.resources.exclude(url="").first().url
    LinkFactory(url=url, status=Link.Status.BROKEN, checked_at=dt.datetime(2026, 3, 8, tzinfo=dt.UTC))
    return "Linkki ei toimi", True, ["practice"]


def change_import(page):
    from mallipankki.imports.importer import import_file
    from mallipankki.practices.factories import PracticeRecordFactory

    record = PracticeRecordFactory(
        id="valimuistin-tuotu-malli", name={"fi": "Välimuistin tuotu malli"}, themes=["yhteistyo"], regions=["FI-10"]
    )
    path = page_cache_module.settings.DATA_DIR / "page-cache-import.json"
    path.write_text(json.dumps({"format": "practices", "version": 1, "practices": [record]}))
    try:
        result = import_file(path, user=editor(), parallel=False)
    finally:
        path.unlink()
    assert result.ok, result.problems
    return "Välimuistin tuotu malli", True, ["theme", "catalogue", "region", "feed", "api list", "export"]


CHANGES = {
    "publish": change_publish,
    "unpublish": change_unpublish,
    "delete": change_delete,
    "vocabulary": change_vocabulary,
    "regional worker": change_regional_worker,
    "adoption": change_adoption,
    "continuity answer": change_continuity_answer,
    "link check": change_link_check,
    "import": change_import,
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_shows_at_once_on_every_page_that_shows_it(site, change, django_capture_on_commit_callbacks, settings):
    urls = practice_urls(site)
    warm(urls.values())
    with django_capture_on_commit_callbacks(execute=True):
        text, shown, affected = CHANGES[change](site)
    for name in affected:
        response, body = fetch(urls[name])
        assert (text in body) == shown, f"{change}: {name} ({urls[name]}) still shows the old content"
    # And every page, affected or not, is what a fresh render gives.
    served = {name: comparable(fetch(url)[1]) for name, url in urls.items()}
    settings.PAGE_CACHE = False
    for name, url in urls.items():
        fresh = comparable(fetch(url)[1])
        assert served[name] == fresh, f"{change}: {name} ({url}) differs from a fresh render"


def test_moving_a_page_changes_sitemap_and_both_theme_pages(site, django_capture_on_commit_callbacks):
    from mallipankki.pages.models import ArticlePage, ThemePage

    article = ArticlePage.objects.live().child_of(ThemePage.objects.get(slug="yhteistyo")).first()
    target = ThemePage.objects.get(slug="levittaminen")
    warm(["/sitemap.xml", "/yhteistyo/", "/levittaminen/"])
    old_url = article.url
    with django_capture_on_commit_callbacks(execute=True):
        article.move(target, pos="last-child")
    article.refresh_from_db()
    sitemap = fetch("/sitemap.xml")[1]
    assert article.url in sitemap and old_url not in sitemap
    assert article.title not in fetch("/yhteistyo/")[1]
    assert article.title in fetch("/levittaminen/")[1]


def test_evaluation_criterion_edit_shows_on_the_framework_page(site, django_capture_on_commit_callbacks):
    from mallipankki.evaluation.models import EvaluationCriterion

    warm(["/arviointi/"])
    criterion = EvaluationCriterion.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        criterion.name = "Välimuistikriteeri"
        criterion.save()
    assert "Välimuistikriteeri" in fetch("/arviointi/")[1]


def test_api_answers_are_kept_per_accept_language(site):
    url = f"/api/v1/practices/{PRACTICE}"

    def get(header):
        response = Client(HTTP_ACCEPT_LANGUAGE=header).get(url)
        return response, response.json()["lang"]

    first, language = get("sv-FI,sv;q=0.9")
    assert (first["X-Page-Cache"], language) == ("miss", "sv")
    swedish, language = get("sv")
    assert (swedish["X-Page-Cache"], language) == ("hit", "sv")
    english, language = get("en-GB")
    assert (english["X-Page-Cache"], language) == ("miss", "en")
    assert get("de")[1] == "fi"
    # With lang= the header does not matter, and the answer is cached as usual.
    assert Client(HTTP_ACCEPT_LANGUAGE="sv").get(url + "?lang=en").json()["lang"] == "en"
    repeat = Client(HTTP_ACCEPT_LANGUAGE="fi").get(url + "?lang=en")
    assert repeat["X-Page-Cache"] == "hit" and repeat.json()["lang"] == "en"


def test_the_cached_region_form_sends_at_once_with_the_token_from_csrf_json(site):
    from mallipankki.regions.models import SupportRequest
    from mallipankki.regions.tests.helpers import support_post

    fetch("/alueet/lappi/")
    response, body = fetch("/alueet/lappi/")
    assert response["X-Page-Cache"] == "hit"
    # js/form-token.js reads the address from the form and adds the token.
    assert 'data-csrf-url="/csrf.json"' in body

    visitor = Client(enforce_csrf_checks=True)
    answer = visitor.get("/csrf.json")
    assert "private" in answer["Cache-Control"] and "X-Page-Cache" not in answer
    token = answer.json()["csrf"]
    assert visitor.get("/csrf.json").json()["csrf"] and "X-Page-Cache" not in visitor.get("/csrf.json")
    sent = visitor.post("/alueet/tukipyynto/", {**support_post(), "csrfmiddlewaretoken": token})
    assert sent.status_code == 302 and SupportRequest.objects.count() == 1
