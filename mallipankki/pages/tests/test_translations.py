"""Page translations in the admin: the fields and tabs, the missing-translation listings and dashboard counts."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.pages.models import TRANSLATED_FIELDS, ArticlePage, HomePage, StandardPage, ThemePage
from mallipankki.pages.translations import missing_translation_counts, page_missing_languages, pages_missing_q
from mallipankki.regions.factories import RegionalWorkerFactory

pytestmark = pytest.mark.django_db

PRACTICE_LISTING = "mallit:index"
PAGE_LISTING = "sivujen_kaannokset:index"


@pytest.fixture
def statement(home_page):
    page = StandardPage(title="Saavutettavuusseloste", slug="saavutettavuus", intro="Seloste.", body="<p>Sisältö.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(client):
    user = UserFactory(username="toimittaja", role=permissions.EDITORS)
    client.force_login(user)
    return user


@pytest.mark.parametrize("model", [HomePage, ThemePage, ArticlePage, StandardPage])
def test_every_editorial_page_type_has_swedish_and_english_fields(model):
    names = {field.name for field in model._meta.get_fields()}
    for name in TRANSLATED_FIELDS:
        assert {f"{name}_sv", f"{name}_en"} <= names, (model, name)


def test_the_edit_form_has_swedish_and_english_tabs(client, editor, statement):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[statement.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    for tab in ("Sisältö", "Ruotsi", "Englanti"):
        assert f">{tab}<" in html or f"{tab}\n" in html, tab
    assert 'name="title_sv"' in html and 'name="body_en"' in html


def test_the_catalogue_page_has_the_same_translation_tabs(client, practice_index):
    # The catalogue (practices app) builds its tabs with the editorial pages' builder (core.translated_fields).
    client.force_login(UserFactory(username="yllapitaja", role=permissions.ADMINS))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[practice_index.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    for tab in ("Sisältö", "Ruotsi", "Englanti"):
        assert f">{tab}<" in html or f"{tab}\n" in html, tab
    for name in ("title", "search_description", "intro"):
        assert f'name="{name}_sv"' in html and f'name="{name}_en"' in html, name
    assert "Tyhjän kentän tilalla näytetään suomenkielinen teksti" in html


def test_an_editor_saves_a_swedish_title_as_a_new_revision(client, editor, statement):
    revisions_before = statement.revisions.count()
    data = nested_form_data(
        {
            "title": statement.title,
            "slug": statement.slug,
            "intro": statement.intro,
            "body": rich_text("<p>Sisältö.</p>"),
            "title_sv": "Tillgänglighetsutlåtande",
            "intro_sv": "Utlåtandet.",
            "body_sv": rich_text("<p>Innehåll.</p>"),
            "body_en": rich_text(""),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "action-publish"

    response = client.post(reverse("wagtailadmin_pages:edit", args=[statement.pk]), data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    statement.refresh_from_db()
    assert statement.title_sv == "Tillgänglighetsutlåtande"
    assert statement.title == "Saavutettavuusseloste"
    assert statement.revisions.count() == revisions_before + 1
    assert statement.get_latest_revision_as_object().intro_sv == "Utlåtandet."


def test_a_page_misses_a_language_where_a_finnish_text_has_no_version():
    page = StandardPage(title="Otsikko", intro="", body="<p>Teksti.</p>", title_sv="Rubrik", body_sv="<p>Text.</p>")

    # The Finnish intro is empty, so no Swedish intro is needed; nothing at all is in English.
    assert page_missing_languages(page) == ["en"]
    page.intro = "Ingressi."
    assert page_missing_languages(page) == ["sv", "en"]


def test_the_page_filter_agrees_with_the_rule(statement, home_page):
    statement.title_sv, statement.intro_sv, statement.body_sv = "Utlåtande", "Utlåtandet.", "<p>Text.</p>"
    statement.save()

    missing_sv = set(Page.objects.filter(pages_missing_q("sv")).values_list("pk", flat=True))

    assert statement.pk not in missing_sv
    assert home_page.pk in missing_sv  # the factory's home page has no Swedish title
    assert not Page.objects.filter(pages_missing_q("fi")).exists()


def test_practice_listing_shows_and_filters_missing_translations(client, editor, make_practice):
    make_practice(
        name={"fi": "Kolmikielinen", "sv": "Trespråkig", "en": "Trilingual"},
        summary={"fi": "Suomeksi.", "sv": "På svenska.", "en": "In English."},
    )
    make_practice(name={"fi": "Vain suomeksi"})

    everything = client.get(reverse(PRACTICE_LISTING)).content.decode()
    no_swedish = client.get(reverse(PRACTICE_LISTING), {"missing_translation": "sv"}).content.decode()

    assert "Käännökset" in everything
    assert "puuttuu: sv, en" in everything and "kaikki kielet" in everything
    assert "Puuttuva käännös" in everything
    assert "Vain suomeksi" in no_swedish and "Kolmikielinen" not in no_swedish


def test_a_regional_worker_lists_only_own_regions_practices_with_their_translations(client, make_practice):
    make_practice(name={"fi": "Tunturimalli"}, regions=["FI-10"], status="draft")
    make_practice(name={"fi": "Rannikkomalli"}, regions=["FI-18"], status="draft")
    worker = RegionalWorkerFactory(user__username="lapintyontekija", regions=["lappi"])
    client.force_login(worker.user)

    listing = client.get(reverse(PRACTICE_LISTING), {"missing_translation": "sv"})
    html = listing.content.decode()

    assert listing.status_code == 200
    assert "Tunturimalli" in html and "puuttuu: sv, en" in html
    assert "Rannikkomalli" not in html


def test_editorial_page_listing_filters_pages_missing_english(client, editor, statement):
    statement.title_en, statement.intro_en, statement.body_en = "Accessibility statement", "It.", "<p>Text.</p>"
    statement.save_revision().publish()

    html = client.get(reverse(PAGE_LISTING), {"missing_translation": "en"}).content.decode()

    assert "Sivujen käännökset" in html
    assert "Mallipankki" in html  # the home page: no English title
    assert "Saavutettavuusseloste" not in html


def test_counts_cover_published_practices_and_pages_per_language(make_practice, statement, home_page):
    make_practice(name={"fi": "Vain suomeksi"})
    make_practice(name={"en": "Only in English"}, summary={"en": "A summary."})
    make_practice(name={"fi": "Luonnos"}, status="draft")  # unpublished: not counted

    counts = {row["lang"]: row for row in missing_translation_counts()}

    assert counts["fi"] == {"lang": "fi", "practices": 1, "pages": 0}
    assert counts["sv"]["practices"] == 2 and counts["en"]["practices"] == 1
    # The home page and the statement are published and untranslated.
    assert counts["sv"]["pages"] == 2 and counts["en"]["pages"] == 2


def test_the_dashboard_shows_counts_linking_to_the_filtered_listings(client, editor, make_practice):
    make_practice(name={"fi": "Vain suomeksi"})

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Puuttuvat käännökset" in html
    assert reverse(PRACTICE_LISTING) + "?missing_translation=sv" in html
    assert reverse(PAGE_LISTING) + "?missing_translation=en" in html


def test_a_regional_workers_dashboard_counts_only_their_own_practices(make_practice):
    make_practice(name={"fi": "Tunturimalli"}, regions=["FI-10"])
    make_practice(name={"fi": "Rannikkomalli"}, regions=["FI-18"])
    worker = RegionalWorkerFactory(user__username="lapintyontekija", regions=["lappi"])

    explorable = policy_registry.get_by_type(Page).explorable_instances(worker.user)
    counts = {row["lang"]: row for row in missing_translation_counts(explorable)}

    assert counts["sv"]["practices"] == 1
