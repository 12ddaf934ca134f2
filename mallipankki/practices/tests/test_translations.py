"""Which languages a practice is missing: the rule behind the admin column, filter and counts."""

import pytest

from mallipankki.practices.models import PracticePage
from mallipankki.practices.translations import missing_language_q, missing_languages, practice_has_language


def practice(**texts) -> PracticePage:
    fields = {f"{name}_{lang}": "" for name in ("name", "summary") for lang in ("fi", "sv", "en")}
    fields.update(texts)
    return PracticePage(**fields)


def test_a_language_needs_both_name_and_summary():
    half = practice(name_fi="Malli", summary_fi="Tiivistelmä", name_sv="Modell")

    assert practice_has_language(half, "fi")
    assert not practice_has_language(half, "sv")
    assert missing_languages(half) == ["sv", "en"]


def test_a_practice_written_only_in_english_misses_finnish_and_swedish():
    english = practice(name_en="Model", summary_en="A summary.")

    assert missing_languages(english) == ["fi", "sv"]


def test_whitespace_is_not_a_translation():
    assert not practice_has_language(practice(name_sv=" ", summary_sv="Sammanfattning"), "sv")


@pytest.mark.django_db
def test_the_filter_finds_the_practices_the_rule_calls_missing(make_practice):
    complete = make_practice(
        name={"fi": "Kolmikielinen", "sv": "Trespråkig", "en": "Trilingual"},
        summary={"fi": "Suomeksi.", "sv": "På svenska.", "en": "In English."},
    )
    no_swedish = make_practice(
        name={"fi": "Kaksikielinen", "en": "Bilingual"}, summary={"fi": "Suomeksi.", "en": "In English."}
    )
    summary_missing = make_practice(name={"fi": "Puolikas", "sv": "Halv"}, summary={"fi": "Suomeksi."})

    missing_sv = set(PracticePage.objects.filter(missing_language_q("sv")))

    assert missing_sv == {no_swedish, summary_missing}
    assert complete not in missing_sv
    for page in PracticePage.objects.all():
        assert (page in missing_sv) == ("sv" in missing_languages(page))
