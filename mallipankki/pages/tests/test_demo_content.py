import json
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from mallipankki.pages.demo_content import (
    PRACTICES_FILE,
    THEME_PAGES,
    DemoContentError,
    demo_file_problems,
    load_demo_content,
    read_demo_practices,
)
from mallipankki.pages.models import ArticlePage, HomePage, StandardPage, ThemePage
from mallipankki.practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db

THEME_CODES = [
    "yhteistyo",
    "yksilollinen-tuki",
    "osaamisen-kehittaminen",
    "toimintakyky",
    "tyonantajat",
    "levittaminen",
]


def run(*args) -> str:
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded():
    return run()


@pytest.mark.django_db
def test_demo_practices_file_is_a_valid_interchange_file():
    assert demo_file_problems() == []
    assert len(read_demo_practices()) == 8


@pytest.mark.django_db
def test_a_broken_demo_file_is_refused_with_the_place_of_each_problem(tmp_path):
    document = json.loads(PRACTICES_FILE.read_text(encoding="utf-8"))
    document["practices"][2]["regions"] = ["FI-99"]
    broken = tmp_path / "practices.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DemoContentError, match=r'practices\[2\]\.regions\[0\]: unknown region "FI-99"'):
        read_demo_practices(broken)


def test_theme_specs_cover_every_theme_once():
    assert [spec["theme"] for spec in THEME_PAGES] == THEME_CODES


def test_loading_again_changes_nothing(loaded):
    assert "Luotiin etusivu: Mallipankki" in loaded
    assert "Luotiin malli: IPS-toimintamalli" in loaded
    assert "27 sivua luotiin" in loaded
    pages, revisions = Page.objects.count(), Revision.objects.count()

    second = run()
    if_empty = run("--if-empty")

    assert "jo olemassa" in second and "Luotiin" not in second
    assert "--if-empty" in if_empty and "Luotiin" not in if_empty
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert HomePage.objects.count() == 1
    assert ThemePage.objects.count() == 6
    assert PracticePage.objects.live().count() == 8
    assert PracticeIndexPage.objects.count() == 1


def test_site_tree(loaded):
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert (home.title, home.slug, home.depth) == ("Mallipankki", "mallipankki", 2)
    assert Page.objects.filter(depth=2).count() == 1, "the Wagtail welcome page is deleted"
    assert home.intro and "ESR+" in home.body

    theme_pages = ThemePage.objects.child_of(home).live().order_by("path")
    assert [page.slug for page in theme_pages] == THEME_CODES
    for page in theme_pages:
        assert page.theme.code == page.slug
        assert page.title == page.theme.name_fi
        assert page.show_in_menus
        assert page.intro and page.body.count("<p>") >= 2
        assert ArticlePage.objects.child_of(page).live().exists()

    catalogue = PracticeIndexPage.objects.child_of(home).get()
    assert (catalogue.slug, catalogue.title, catalogue.show_in_menus) == ("mallit", "Mallit", True)

    statement = StandardPage.objects.child_of(home).get(slug="saavutettavuus")
    privacy = StandardPage.objects.child_of(home).get(slug="tietosuoja")
    assert not statement.show_in_menus and not privacy.show_in_menus
    assert "täyttää WCAG 2.1 -kriteerit AA-tasolla osittain" in statement.body
    assert "saavutettavuus@traficom.fi" in statement.body
    assert "Rekisterinpitäjä" in privacy.body


def test_seed_articles_and_featured_practices(loaded):
    titles = {page.title: page.get_parent().slug for page in ArticlePage.objects.live()}
    assert titles["Yhteistyöstä ekosysteemeihin"] == "yhteistyo"
    assert titles["Yhteiskehittämällä kestäviä ratkaisuja työllisyyteen"] == "yhteistyo"
    assert titles["Tuloksia yksilöllisellä ohjauksella"] == "yksilollinen-tuki"
    assert titles["Osatyökykyiset ja osaamisen kehittäminen"] == "osaamisen-kehittaminen"
    assert titles["Osaamisen kehittämisen monimuotoisuus"] == "osaamisen-kehittaminen"
    assert (
        titles["Skaalaamalla lisää työllisyyttä – toimivat mallit hukkuvat jatkuvassa kehitystyössä"] == "levittaminen"
    )

    # Each theme with practices features its first one; the page is published with it.
    featured = {
        page.slug: [item.practice.slug for item in page.featured_practices.all()] for page in ThemePage.objects.all()
    }
    assert featured == {
        "yhteistyo": ["keijo-kokemusasiantuntijakoulutus"],
        "yksilollinen-tuki": ["ips-toimintamalli"],
        "osaamisen-kehittaminen": ["valo-valmennusmalli"],
        "toimintakyky": [],
        "tyonantajat": [],
        "levittaminen": ["ranskan-nollatyottomyysmalli"],
    }
    assert not ThemePage.objects.filter(has_unpublished_changes=True).exists()


def test_practices_carry_the_seed_facts(loaded):
    guide = PracticePage.objects.get(slug="tyollistamisen-hyvat-toimintamallit")
    funding = guide.funding.get()
    assert funding.project_code == "S30042"
    assert "Uusia työmahdollisuuksia työpaikkoja kehittämällä" in funding.programme
    assert "Silta-Valmennusyhdistys" in [org.name for org in guide.organisations.all()]
    assert guide.resources.get().kind == "pdf"

    ips = PracticePage.objects.get(slug="ips-toimintamalli")
    assert ips.evidence_level == 4
    assert "kaksi- tai kolminkertaisia" in ips.evidence_summary_fi
    assert [group.code for group in ips.target_groups.all()] == ["mielenterveyskuntoutujat"]

    assert [c.code for c in PracticePage.objects.get(slug="social-trade").countries.all()] == ["SE"]
    assert [c.code for c in PracticePage.objects.get(slug="ranskan-nollatyottomyysmalli").countries.all()] == ["FR"]
    lapland = PracticePage.objects.get(slug="lapin-sosiaalinen-kadenjalki")
    assert [r.code for r in lapland.regions.all()] == ["FI-10"]
    assert all(page.status == "published" and page.live for page in PracticePage.objects.all())

    for code in ("toimintakyky", "tyonantajat"):
        assert not PracticePage.objects.filter(themes__code=code).exists()


def test_if_empty_loads_an_empty_site():
    run("--if-empty")
    assert HomePage.objects.count() == 1
    assert PracticePage.objects.live().count() == 8


def test_missing_pages_are_recreated_and_others_left_alone():
    load_demo_content()
    PracticePage.objects.get(slug="ratas-malli").delete()
    edited = ArticlePage.objects.get(slug="yhteistyosta-ekosysteemeihin")
    edited.intro = "Toimittajan muokkaus."
    edited.save_revision().publish()

    report = load_demo_content()

    assert report.created == ["Malli: Ratas-malli"]
    assert ArticlePage.objects.get(slug="yhteistyosta-ekosysteemeihin").intro == "Toimittajan muokkaus."


def test_demo_pages_render(client):
    load_demo_content()
    for path in ("/", "/yhteistyo/", "/toimintakyky/", "/mallit/", "/saavutettavuus/", "/mallit/ips-toimintamalli/"):
        assert client.get(path).status_code == 200, path
