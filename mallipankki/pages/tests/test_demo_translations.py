"""The demo content in Swedish and English: every page translated, practices in a realistic mix of languages."""

import pytest
from django.core.management import call_command

from mallipankki.pages import demo_translations
from mallipankki.pages.demo_content import STANDARD_PAGES, THEME_PAGES, load_demo_content
from mallipankki.pages.models import ArticlePage, HomePage, StandardPage, ThemePage
from mallipankki.pages.translations import page_missing_languages
from mallipankki.practices.models import PracticePage
from mallipankki.practices.translations import missing_languages


def test_every_demo_page_spec_has_swedish_and_english_texts():
    specs = {"home": demo_translations.HOME}
    specs.update({spec["theme"]: demo_translations.THEMES.get(spec["theme"]) for spec in THEME_PAGES})
    for spec in THEME_PAGES:
        specs.update({article["slug"]: demo_translations.ARTICLES.get(article["slug"]) for article in spec["articles"]})
    specs.update({spec["slug"]: demo_translations.STANDARD.get(spec["slug"]) for spec in STANDARD_PAGES})

    for key, texts in specs.items():
        assert texts is not None, f"{key}: no translations"
        for lang in ("sv", "en"):
            version = texts.get(lang) or {}
            # Theme pages take their titles from the theme vocabulary.
            needed = ("intro", "body") if key in demo_translations.THEMES else ("title", "intro", "body")
            for name in needed:
                assert version.get(name, "").strip(), f"{key}: {name}_{lang} missing"


@pytest.mark.django_db
def test_loaded_demo_pages_are_complete_in_three_languages():
    load_demo_content()
    pages = [
        HomePage.objects.get(),
        *ThemePage.objects.all(),
        *ArticlePage.objects.all(),
        StandardPage.objects.get(slug="saavutettavuus"),
        StandardPage.objects.get(slug="tietosuoja"),
    ]

    assert len(pages) == 1 + 6 + 9 + 2
    for page in pages:
        assert page_missing_languages(page) == [], page.title
        assert page.search_description_sv and page.search_description_en, page.title
        # What was published is what an editor opens.
        assert page.get_latest_revision_as_object().title_sv == page.title_sv
    assert ThemePage.objects.get(slug="yhteistyo").title_sv == "Samarbete"
    assert StandardPage.objects.get(slug="tietosuoja").title_en == "Privacy notice"
    assert "lönesubvention" in ArticlePage.objects.get(slug="tyonantajien-valmiudet-vahvistuvat").body_sv


@pytest.mark.django_db
def test_demo_practices_are_in_a_realistic_mix_of_languages():
    load_demo_content()
    missing = {page.slug: missing_languages(page) for page in PracticePage.objects.all()}

    assert missing["ips-toimintamalli"] == []
    assert missing["keijo-kokemusasiantuntijakoulutus"] == ["sv", "en"]  # Finnish only
    assert missing["social-trade"] == ["fi", "en"]  # a Swedish organisation, described in Swedish
    assert missing["ranskan-nollatyottomyysmalli"] == ["fi", "sv"]  # described in English
    assert sum(1 for langs in missing.values() if not langs) >= 4


def blank_translations(page):
    """As the page was on a site loaded before the demo had translations."""
    page = page.specific
    for name in ("title", "seo_title", "search_description", "intro", "body"):
        for lang in ("sv", "en"):
            setattr(page, f"{name}_{lang}", "")
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_make_run_gives_an_older_demo_site_its_translations_and_leaves_editors_work():
    load_demo_content()
    old = blank_translations(ThemePage.objects.get(slug="toimintakyky"))
    started = blank_translations(ArticlePage.objects.get(slug="tyonantaja-avainkumppanina"))
    started.title_sv = "Arbetsgivaren (utkast till översättning)"
    started.save_revision().publish()
    drafted = blank_translations(StandardPage.objects.get(slug="tietosuoja"))
    drafted.intro = "Toimittajan luonnos."
    drafted.save_revision()  # not published
    ips = PracticePage.objects.get(slug="ips-toimintamalli")
    PracticePage.objects.filter(pk=ips.pk).update(name_sv="", summary_sv="", summary_en="")
    revisions = old.revisions.count()

    call_command("load_demo_content", "--if-empty", stdout=None)

    old = ThemePage.objects.get(pk=old.pk)
    assert (old.title_sv, old.title_en) == ("Stärkande av funktionsförmågan", "Strengthening functional capacity")
    assert old.intro_en and old.revisions.count() == revisions + 1 and old.live
    started = ArticlePage.objects.get(pk=started.pk)
    assert started.title_sv == "Arbetsgivaren (utkast till översättning)" and not started.body_sv
    assert started.title_en == "The employer as a key partner in employment"
    assert StandardPage.objects.get(pk=drafted.pk).title_sv == ""
    ips = PracticePage.objects.get(pk=ips.pk)
    assert (ips.name_sv, ips.live) == ("IPS-modellen", True)
    assert ips.summary_sv.startswith("Modellen för stödd sysselsättning") and ips.summary_en
