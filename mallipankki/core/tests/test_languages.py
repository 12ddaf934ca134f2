"""core.languages: which version of a translated text a reader sees, and how it is marked."""

from itertools import product
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from mallipankki.api.languages import pick
from mallipankki.core.languages import LANGUAGES, localized, path_in_language, split_language


def page(**fields):
    """A page-like object: Finnish in `<field>`, translations in `<field>_sv` / `<field>_en`."""
    return SimpleNamespace(**fields)


def test_the_active_language_is_shown_when_it_exists():
    obj = page(intro="Suomeksi", intro_sv="På svenska", intro_en="In English")
    with translation.override("sv"):
        text = localized(obj, "intro")
    assert (text.text, text.language, text.is_fallback) == ("På svenska", "sv", False)


def test_a_missing_translation_falls_back_to_finnish_then_swedish_then_english():
    assert localized(page(intro="Suomeksi", intro_sv="", intro_en="E"), "intro", "sv").language == "fi"
    assert localized(page(intro="", intro_sv="S", intro_en="E"), "intro", "fi").language == "sv"
    text = localized(page(intro="", intro_en="Only English"), "intro", "sv")
    assert (text.text, text.language, text.is_fallback) == ("Only English", "en", True)


def test_the_api_and_the_pages_show_the_same_version_of_every_text():
    # Every mix of present and missing versions, for every reader: a practice's
    # name in the API's `texts` is the one its page shows, in the same language.
    for present in product([True, False], repeat=len(LANGUAGES)):
        versions = {code: f"text {code}" for code, there in zip(LANGUAGES, present, strict=True) if there}
        practice = SimpleNamespace(**{f"name_{code}": versions.get(code, "") for code in LANGUAGES})
        for reader in LANGUAGES:
            shown = localized(practice, "name", reader)
            answer = pick(versions, reader)
            if not versions:
                assert answer is None and shown.text == ""
            else:
                assert answer == {"value": shown.text, "lang": shown.language}, (versions, reader)


def test_practices_keep_finnish_in_the_fi_field():
    practice = page(name="ignored", name_fi="Nimi", name_sv="", name_en="Name")
    assert localized(practice, "name", "sv").text == "Nimi"
    assert localized(page(name_fi="", name_en="Name"), "name", "fi").language == "en"


def test_fields_that_do_not_exist_yet_count_as_empty():
    # Page models before their title_sv / title_en fields exist.
    text = localized(page(title="Etusivu"), "title", "en")
    assert (text.text, text.language, text.is_fallback) == ("Etusivu", "fi", True)
    empty = localized(page(), "title", "en")
    assert (empty.text, empty.language, empty.is_fallback) == ("", "en", False)
    assert not empty


@pytest.mark.parametrize(("ui", "label"), [("fi", "(englanniksi)"), ("sv", "(på engelska)"), ("en", "(in English)")])
def test_a_fallback_is_labelled_in_the_ui_language(ui, label):
    with translation.override(ui):
        assert localized(page(intro_en="Text"), "intro").label == ("" if ui == "en" else label)


def test_the_template_marks_a_fallback_inline_and_on_blocks():
    template = Template(
        '{% load languages %}{% localized obj "intro" as intro %}'
        "<p>{{ intro|in_language }}</p><div{% lang_attr intro %}>{{ intro.text }}</div>{% lang_note intro %}"
    )
    with translation.override("fi"):
        html = template.render(Context({"obj": page(intro="", intro_sv="Hej <b>", intro_en="")}))
    assert html == (
        '<p><span lang="sv">Hej &lt;b&gt;</span> <span class="lang-note">(ruotsiksi)</span></p>'
        '<div lang="sv">Hej &lt;b&gt;</div><p class="lang-note">(ruotsiksi)</p>'
    )
    with translation.override("sv"):
        html = template.render(Context({"obj": page(intro="", intro_sv="Hej", intro_en="")}))
    assert html == "<p>Hej</p><div>Hej</div>"


def test_in_language_shortens_to_a_number_of_words():
    template = Template('{% load languages %}{{ obj|localize:"summary"|in_language:3 }}')
    with translation.override("fi"):
        html = template.render(Context({"obj": page(summary="yksi kaksi kolme neljä viisi")}))
    assert html == "yksi kaksi kolme …"


def test_paths_move_between_languages():
    assert split_language("/sv/mallit/x/") == ("sv", "/mallit/x/")
    assert split_language("/en") == ("en", "/")
    assert split_language("/svenska/") == ("fi", "/svenska/")
    assert split_language("/mallit/") == ("fi", "/mallit/")
    assert path_in_language("/en/mallit/x/", "fi") == "/mallit/x/"
    assert path_in_language("/", "sv") == "/sv/"


def test_language_links_keep_the_path_and_query():
    request = RequestFactory().get("/en/mallit/?teema=a&q=b")
    template = Template(
        "{% load languages %}{% language_links as links %}"
        "{% for l in links %}{{ l.code }}={{ l.href }}{% if l.current %}*{% endif %};{% endfor %}"
    )
    with translation.override("en"):
        html = template.render(Context({"request": request}))
    assert html == "fi=/mallit/?teema=a&amp;q=b;sv=/sv/mallit/?teema=a&amp;q=b;en=/en/mallit/?teema=a&amp;q=b*;"
