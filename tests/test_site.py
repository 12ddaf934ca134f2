"""The public site on the demo content: pages, visibility, budgets, security."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from mallipankki.pages.demo_content import load_demo_content
from mallipankki.pages.models import ThemePage
from mallipankki.practices.factories import PracticeRecordFactory
from mallipankki.practices.interchange import upsert_practice
from mallipankki.practices.models import PracticeIndexPage, PracticePage
from mallipankki.vocabularies.models import Country, Region, TargetGroup, Theme

ROOT = Path(__file__).resolve().parent.parent


class DemoSiteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_content()

    def get(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        return response

    def test_home_shows_the_six_sections_with_counts_and_the_newest_practices(self):
        html = self.get("/").content.decode()
        for theme in Theme.objects.all():
            self.assertIn(theme.name_fi, html)
        self.assertIn("IPS-toimintamalli", html)
        self.assertIn('lang="fi"', html)

    def test_theme_page_lists_its_practices_and_read_also_articles(self):
        html = self.get("/yhteistyo/").content.decode()
        for name in ("Keijo-kokemusasiantuntijakoulutus", "Lapin sosiaalinen kädenjälki", "Social Trade"):
            self.assertIn(name, html)
        self.assertIn("Yhteistyöstä ekosysteemeihin", html)
        self.assertNotIn("Valo-valmennusmalli", html)

    def test_a_theme_without_practices_invites_a_proposal(self):
        html = self.get("/toimintakyky/").content.decode()
        self.assertIn("/ehdota/", html)
        self.assertNotIn('class="practice-card', html)

    def test_practice_page_shows_what_a_project_actor_needs(self):
        html = self.get("/mallit/tyollistamisen-hyvat-toimintamallit/").content.decode()
        self.assertIn("S30042", html)
        self.assertIn("PDF", html)
        ips = self.get("/mallit/ips-toimintamalli/").content.decode()
        self.assertIn(PracticePage.objects.get(slug="ips-toimintamalli").evidence_summary_fi[:40], ips)
        self.assertIn('<script type="application/ld+json">', ips)

    def test_article_and_standard_pages_render(self):
        article = ThemePage.objects.get(slug="yhteistyo").get_children().live().first()
        self.assertIn(article.title, self.get(article.url).content.decode())
        self.assertIn("Saavutettavuusseloste", self.get("/saavutettavuus/").content.decode())
        self.assertIn("Tietosuojaseloste", self.get("/tietosuoja/").content.decode())

    def test_catalogue_lists_every_published_practice_and_filters_by_theme_and_group(self):
        html = self.get("/mallit/").content.decode()
        for practice in PracticePage.objects.live():
            self.assertIn(practice.title, html)
        filtered = self.get("/mallit/?teema=osaamisen-kehittaminen").content.decode()
        self.assertIn("Valo-valmennusmalli", filtered)
        self.assertNotIn("Keijo-kokemusasiantuntijakoulutus", filtered)
        by_group = self.get("/mallit/?kohderyhma=mielenterveyskuntoutujat").content.decode()
        self.assertIn("IPS-toimintamalli", by_group)
        self.assertNotIn("Valo-valmennusmalli", by_group)
        self.get("/mallit/?sivu=999")  # out-of-range pages show the last page, not an error
        self.get("/mallit/?teema=%00<script>")

    def test_unpublished_practice_is_404_and_absent_from_every_listing(self):
        practice = PracticePage.objects.get(slug="ratas-malli")
        practice.unpublish()
        self.get("/mallit/ratas-malli/", status=404)
        for url in ("/", "/yksilollinen-tuki/", "/mallit/", "/sitemap.xml"):
            self.assertNotIn("ratas-malli", self.get(url).content.decode(), url)
        self.assertNotIn("Ratas-malli", self.get("/mallit/").content.decode())

    def test_pages_are_finnish_whatever_language_the_browser_asks_for(self):
        html = self.client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
        self.assertIn('<html lang="fi"', html)

    def test_admin_requires_login(self):
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
        page = PracticePage.objects.first()
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 302)

    def count_queries(self, url):
        self.get(url)  # warm per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            self.get(url)
        return len(queries)

    def test_query_counts_stay_within_budget_and_do_not_grow_with_practices(self):
        # The catalogue runs the search engine: +3 over its old plain listing for
        # the facet counts (the index change log behind the facet bitmaps), the
        # result count apart from the page of ids, and the country and region
        # labels of the facets. +1 everywhere: the menu's pages come specific,
        # for their translated titles (title_sv, title_en).
        # +1 on the catalogue: inside a test's transaction the per-process memos
        # (core/memo.py) are off, so their "any alias pages?" check runs each
        # time; a server keeps it (pages/tests/test_memo.py counts that case).
        budgets = {"/": 17, "/yhteistyo/": 26, "/mallit/": 23, "/mallit/?teema=yhteistyo": 23}
        before = {url: self.count_queries(url) for url in budgets}
        index = PracticeIndexPage.objects.get()
        for number in range(6):
            upsert_practice(
                index,
                PracticeRecordFactory(id=f"lisamalli-{number}", themes=["yhteistyo"], target_groups=["nuoret"]),
            )
        after = {url: self.count_queries(url) for url in budgets}
        # No page needs more queries for more practices (fewer is fine: the
        # home's count dropped by one once the new practices were its newest).
        for url in budgets:
            self.assertLessEqual(after[url], before[url], url)
        for url, budget in budgets.items():
            self.assertLessEqual(after[url], budget, url)
        self.assertLessEqual(self.count_queries("/mallit/ips-toimintamalli/"), 29)  # +1 as above

    def test_public_pages_carry_security_headers_with_a_strict_csp_without_nonces(self):
        response = self.get("/")
        policy = response["Content-Security-Policy"]
        # Scripts only from files: no nonce, so the page is the same for every visitor.
        # Directives in any order (Django's CSP builds them from a dict).
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        self.assertEqual(directives["script-src"], "'self'")
        self.assertNotIn("nonce", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("camera=()", response["Permissions-Policy"])

    def test_markdown_description_is_rendered_without_raw_html(self):
        practice = PracticePage.objects.get(slug="valo-valmennusmalli")
        practice.description_fi = 'Hyvä **malli**.\n\n<script>alert(1)</script><a href="javascript:alert(2)">x</a>'
        practice.save_revision().publish()
        html = self.get(practice.url).content.decode()
        self.assertIn("<strong>malli</strong>", html)
        self.assertNotIn("<script>alert(1)", html)
        self.assertNotIn("javascript:alert", html)


class VocabularyTests(TestCase):
    def test_vocabularies_are_present_after_migrate(self):
        self.assertEqual(Theme.objects.count(), 6)
        self.assertEqual(TargetGroup.objects.count(), 11)
        self.assertEqual(Region.objects.count(), 19)
        self.assertEqual(Region.objects.get(code="FI-10").name_fi, "Lappi")
        self.assertEqual(Country.objects.get(code="SE").name_fi, "Ruotsi")
        self.assertGreaterEqual(Country.objects.count(), 249)


def test_check_deploy_passes_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "mallipankki.example",
        "BASE_URL": "https://mallipankki.example",
        "DATA_DIR": str(tmp_path),
        "PROPOSAL_TRUSTED_PROXIES": "1",  # behind the proxy of README's deployment steps
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {**os.environ, "DEBUG": "false", "DATA_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
