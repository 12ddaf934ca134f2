"""The public site in three languages: Finnish at the root, Swedish under /sv/, English under /en/.

Over the demo site: every public page type answers in each language with its
`lang`, the hreflang alternates and the language switch; the switch keeps the
page; a text shown in another language than the page's is marked with its
own; every Finnish address that worked before the prefixes still works.
The Swedish and English catalogues are written elsewhere, so these tests
assert on structure (lang, hreflang, addresses, the practices' Swedish
fields), not on translated UI wording.
"""

import re

import pytest
from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from mallipankki.pages.demo_content import load_demo_content
from mallipankki.pages.models import ArticlePage, StandardPage, ThemePage
from mallipankki.practices.models import PracticePage
from mallipankki.vocabularies.models import Region

LANGUAGE_PREFIXES = {"fi": "", "sv": "/sv", "en": "/en"}


def html_lang(html: str) -> str:
    return re.search(r"<html lang=\"([^\"]+)\"", html).group(1)


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switch_links(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    return re.findall(r"<a ([^>]*)>([^<]*)</a>", nav)


@override_settings(ALLOWED_HOSTS=["testserver"])
class LanguagesOnTheDemoSiteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_content()
        cls.practice = PracticePage.objects.get(slug="ips-toimintamalli")
        cls.article = ArticlePage.objects.live().first()
        cls.other = PracticePage.objects.live().exclude(pk=cls.practice.pk).first()
        cls.region = Region.objects.order_by("sort_order").first()

    def public_paths(self) -> dict[str, str]:
        """One address per public page type, in Finnish (as before the prefixes)."""
        theme = ThemePage.objects.get(slug="yhteistyo")
        return {
            "home": "/",
            "theme": theme.url,
            "article": self.article.url,
            "standard": "/saavutettavuus/",
            "privacy": "/tietosuoja/",
            "catalogue": "/mallit/",
            "catalogue filtered": "/mallit/?teema=yhteistyo",
            "search": "/mallit/?q=valmennus",
            "practice": self.practice.url,
            "family tree": self.practice.url + "sukupuu/",
            "proposal form": "/ehdota/",
            "planning": "/suunnittele/",
            "shortlist": "/muistilista/",
            "compare": f"/vertaa/?mallit={self.practice.slug},{self.other.slug}",
            "regions": "/alueet/",
            "region": f"/alueet/{self.region.slug}/",
            "support request": "/alueet/tukipyynto/",
            "evaluation framework": "/arviointi/",
            "open data": "/avoin-data/",
            "adoption report": f"/mallit/{self.practice.slug}/kaytossa/",
        }

    def get(self, path, status=200, **extra):
        response = self.client.get(path, **extra)
        self.assertEqual(response.status_code, status, path)
        return response

    def test_every_public_page_type_has_its_lang_alternates_and_switch_in_each_language(self):
        for kind, path in self.public_paths().items():
            for language, prefix in LANGUAGE_PREFIXES.items():
                with self.subTest(kind=kind, language=language):
                    html = self.get(prefix + path).content.decode()
                    self.assertEqual(html_lang(html), language)
                    links = alternates(html)
                    self.assertEqual(set(links), {"fi", "sv", "en", "x-default"})
                    self.assertEqual(links["fi"], "http://testserver" + path)
                    self.assertEqual(links["sv"], "http://testserver/sv" + path)
                    self.assertEqual(links["en"], "http://testserver/en" + path)
                    self.assertEqual(links["x-default"], links["fi"])

    def test_the_switch_names_each_language_in_itself_and_keeps_the_page_and_query(self):
        path = "/mallit/?teema=yhteistyo"
        html = self.get("/sv" + path).content.decode()
        links = switch_links(html)
        self.assertEqual([name for _attrs, name in links], ["Suomeksi", "På svenska", "In English"])
        expected = {"fi": path, "sv": "/sv" + path, "en": "/en" + path}
        for attrs, _name in links:
            code = re.search(r'hreflang="(\w+)"', attrs).group(1)
            self.assertIn(f'lang="{code}"', attrs)
            self.assertIn(f'href="{expected[code]}"'.replace("&", "&amp;"), attrs)
            self.assertEqual('aria-current="true"' in attrs, code == "sv", attrs)
        self.assertNotIn("flag", html.lower())

    def test_every_finnish_address_of_before_still_answers_the_same(self):
        for kind, path in self.public_paths().items():
            with self.subTest(kind=kind):
                self.assertEqual(html_lang(self.get(path).content.decode()), "fi")
        # /haku/ has always sent searches on to the catalogue, in each language.
        self.assertEqual(self.get("/haku/?q=tuki", status=301)["Location"], "/mallit/?q=tuki")
        self.assertEqual(self.get("/sv/haku/?q=tuki", status=301)["Location"], "/sv/mallit/?q=tuki")
        unprefixed = {
            "/api/v1/practices": "application/json",
            "/avoin-data/dcat.jsonld": "application/ld+json",
            "/avoin-data/practices-v1.schema.json": "application/",
            "/syotteet/mallit.atom": "application/atom+xml",
            "/sitemap.xml": "application/xml",
            "/robots.txt": "text/plain",
        }
        for path, content_type in unprefixed.items():
            with self.subTest(path=path):
                self.assertTrue(self.get(path)["Content-Type"].startswith(content_type), path)
        self.assertEqual(self.get("/admin/", status=302)["Location"].split("?")[0], "/admin/login/")
        # Names still reverse to the Finnish addresses.
        with translation.override("fi"):
            self.assertEqual(reverse("proposals:propose"), "/ehdota/")
            self.assertEqual(reverse("search:search"), "/haku/")
            self.assertEqual(reverse("open_data_dcat"), "/avoin-data/dcat.jsonld")

    def test_machine_addresses_have_no_language_versions(self):
        self.assertEqual(self.client.get("/sv/api/v1/practices", follow=True).status_code, 404)
        self.get("/en/avoin-data/dcat.jsonld", status=404)
        self.get("/sv/sitemap.xml", status=404)
        self.get("/en/syotteet/mallit.atom")  # the feed is per language
        with translation.override("sv"):
            self.assertEqual(reverse("open_data_dcat"), "/avoin-data/dcat.jsonld")
            self.assertEqual(reverse("practice_feed"), "/sv/syotteet/mallit.atom")

    def test_only_the_address_chooses_the_language(self):
        response = self.get("/mallit/", HTTP_ACCEPT_LANGUAGE="sv,en;q=0.8")
        self.assertEqual(html_lang(response.content.decode()), "fi")
        self.assertNotIn("Accept-Language", response.get("Vary", ""))
        self.assertNotIn("django_language", response.cookies)
        self.assertEqual(html_lang(self.get("/en/mallit/").content.decode()), "en")
        self.assertEqual(self.get("/sv", status=301)["Location"], "/sv/")
        # The next Finnish request is Finnish again: nothing lingers.
        self.assertEqual(html_lang(self.get("/mallit/").content.decode()), "fi")

    def test_links_on_a_swedish_page_stay_in_swedish(self):
        html = self.get("/sv/").content.decode()
        html = re.sub(r'<nav class="language-switch".*?</nav>', "", html, flags=re.S)
        hrefs = set(re.findall(r'<a [^>]*href="(/[^"]*)"', html))
        internal = {href for href in hrefs if not href.startswith(("/documents/", "/static/", "/media/"))}
        self.assertTrue(internal)
        self.assertEqual({href for href in internal if not href.startswith("/sv/")}, set())
        self.assertIn('action="/sv/mallit/"', self.get("/sv/mallit/").content.decode())
        self.assertIn('action="/sv/ehdota/"', self.get("/sv/ehdota/").content.decode())
        self.assertIn('data-add-url="/sv/muistilista/lisaa/"', html)

    def test_swedish_practice_shows_its_swedish_fields_unmarked(self):
        practice = self.practice
        practice.name_sv = "IPS-modellen"
        practice.summary_sv = "Individanpassat stöd till arbete."
        practice.save_revision().publish()
        html = self.get("/sv" + practice.url).content.decode()
        self.assertIn("<h1>IPS-modellen</h1>", html)
        self.assertIn("Individanpassat stöd till arbete.", html)
        self.assertNotRegex(html, r'lang="\w+">IPS-modellen')

    def test_a_text_without_a_version_in_the_page_language_is_marked_with_its_own(self):
        practice = self.practice
        # In English only: the Finnish page shows the English with lang="en" and "(englanniksi)".
        practice.name_fi, practice.name_sv, practice.name_en = "", "", "IPS model"
        practice.summary_fi, practice.summary_sv, practice.summary_en = "", "", "Individual placement and support."
        practice.save_revision().publish()
        html = self.get(practice.url).content.decode()
        self.assertIn('<h1><span lang="en">IPS model</span> <span class="lang-note">(englanniksi)</span></h1>', html)
        self.assertIn('<span lang="en">Individual placement and support.</span>', html)
        # The Swedish page labels it in Swedish.
        html = self.get("/sv" + practice.url).content.decode()
        self.assertIn('<span lang="en">IPS model</span> <span class="lang-note">(på engelska)</span>', html)
        # A Finnish description on the English page: lang on the block, the label after it.
        html = self.get("/en" + practice.url).content.decode()
        self.assertRegex(
            html, r'(?s)<div class="prose markdown" lang="fi">.*?</div><p class="lang-note">\(in Finnish\)</p>'
        )

    def test_a_finnish_content_page_on_the_english_site_is_marked_finnish(self):
        # The demo statement is in all three languages; an editor empties its English.
        page = StandardPage.objects.get(slug="saavutettavuus")
        for name in ("title", "seo_title", "search_description", "intro", "body"):
            setattr(page, f"{name}_en", "")
        page.save_revision().publish()

        html = self.get("/en/saavutettavuus/").content.decode()
        self.assertIn(
            '<h1><span lang="fi">Saavutettavuusseloste</span> <span class="lang-note">(in Finnish)</span></h1>', html
        )
        self.assertRegex(html, r'<div class="rich-text" lang="fi">')

    def test_sitemap_lists_each_page_in_three_languages_with_alternates(self):
        xml = self.get("/sitemap.xml").content.decode()
        root = Site.objects.get(is_default_site=True).root_url
        base = root + self.practice.url
        for language, prefix in LANGUAGE_PREFIXES.items():
            self.assertIn(f"<loc>{root}{prefix}{self.practice.url}</loc>", xml)
            self.assertIn(
                f'<xhtml:link rel="alternate" hreflang="{language}" href="{root}{prefix}{self.practice.url}"/>', xml
            )
        self.assertIn(f'<xhtml:link rel="alternate" hreflang="x-default" href="{base}"/>', xml)

    def test_a_swedish_proposal_answers_on_swedish_pages(self):
        response = self.client.post("/sv/ehdota/", {"name": "Endast ett namn"})
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertEqual(html_lang(html), "sv")
        self.assertIn('class="error-summary', html)
        self.assertEqual(mail.outbox, [])


@pytest.mark.django_db
def test_a_proposal_sent_in_swedish_is_confirmed_in_swedish_and_editors_hear_in_finnish(
    client, practice_index, monkeypatch, mailoutbox
):
    from mallipankki.core import mail as core_mail
    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory
    from mallipankki.proposals.tests.helpers import proposal_data

    UserFactory(role=permissions.EDITORS)
    rendered_in = {}
    render = core_mail.render_to_string

    def spy(template, *args, **kwargs):
        rendered_in[template] = translation.get_language()
        return render(template, *args, **kwargs)

    monkeypatch.setattr(core_mail, "render_to_string", spy)
    response = client.post("/sv/ehdota/", proposal_data())
    assert response.status_code == 302 and response["Location"] == "/sv/ehdota/kiitos/"
    assert rendered_in["proposals/emails/confirmation.txt"] == "sv"
    assert rendered_in["proposals/emails/new_proposal.txt"] == "fi"
    assert len(mailoutbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix, one, many",
    [("", "1 malli", "2 mallia"), ("/sv", "1 modell", "2 modeller"), ("/en", "1 model", "2 models")],
)
def test_facet_counts_read_in_each_languages_plural(client, make_practice, prefix, one, many):
    make_practice(themes=["yhteistyo", "osaamisen-kehittaminen"])
    make_practice(themes=["yhteistyo"])
    html = client.get(f"{prefix}/mallit/").content.decode()
    # The count is visible, the noun for screen readers: "(2 mallia)" read whole.
    counts = {
        re.sub(r"<[^>]+>", "", match).strip()
        for match in re.findall(r'<span class="facet__count">\((.*?)\)</span>', html)
    }
    assert {one, many} <= counts, counts


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("", "Lähde: Mallipankki, Yhteiskunnallisten yritysten osaamiskeskus, "),
        ("/sv", "Källa: Mallipankki, Yhteiskunnallisten yritysten osaamiskeskus, "),
        ("/en", "Source: Mallipankki, Yhteiskunnallisten yritysten osaamiskeskus, "),
    ],
)
def test_the_open_data_attribution_is_in_the_pages_language(client, practice_index, settings, prefix, expected):
    from mallipankki.api.open_data import attribution_line

    with translation.override(prefix.strip("/") or "fi"):
        line = attribution_line(today=__import__("datetime").date(2026, 12, 3))
    assert line.startswith(expected + f"{settings.BASE_URL}{prefix}/avoin-data/")
    assert {"": "3. joulukuuta 2026", "/sv": "3 december 2026", "/en": "Dec. 3, 2026"}[prefix] in line
    assert expected in client.get(f"{prefix}/avoin-data/").content.decode()


@pytest.mark.django_db
def test_an_english_practice_page_names_its_evidence_level_and_fallbacks_in_english(client, make_practice):
    practice = make_practice(
        id="ips",
        name={"fi": "IPS-malli"},
        evidence={"level": 4},
        resources=[{"type": "link", "title": {"fi": "Käsikirja"}, "url": "https://example.org/kasikirja"}],
    )
    html = client.get(f"/en/mallit/{practice.slug}/").content.decode()
    badge = html[html.index('class="evaluation-badge"') :]
    badge = badge[: badge.index("</a>")]
    # The published scale's titles are Finnish only: the badge reads the level's English name.
    assert ": 4 – independently replicated." in badge, badge
    # The Finnish-only name in the shortlist button's hidden text is marked Finnish.
    assert '<span class="visually-hidden">: <span lang="fi">IPS-malli</span>' in html

    other = make_practice(id="toinen", name={"fi": "Toinen malli", "en": "Another model"})
    compare = client.get(f"/en/vertaa/?mallit={practice.slug},{other.slug}").content.decode()
    assert '<span lang="fi">Käsikirja</span>' in compare


@pytest.mark.django_db
def test_the_evaluation_framework_marks_its_finnish_only_criteria_on_other_languages(client, practice_index):
    finnish = client.get("/arviointi/").content.decode()
    english = client.get("/en/arviointi/").content.decode()
    assert '<ol class="criteria">' in finnish and 'lang="fi"' not in finnish.split("<main", 1)[1]
    assert '<ol class="criteria" lang="fi">' in english
    assert '<dl class="scale scale--wide" lang="fi">' in english
    assert "written in Finnish only" in english
