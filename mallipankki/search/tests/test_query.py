"""Query semantics and spelling over the module corpus (see conftest.py):
which words are required, when a search relaxes, what it corrects."""

import pytest

from mallipankki.search import query
from mallipankki.search.query import respell
from mallipankki.search.service import search
from mallipankki.search.words import parse_query

from .conftest import slugs

pytestmark = pytest.mark.django_db


# --- Query semantics -------------------------------------------------------------


def test_every_word_is_required_when_enough_practices_have_them_all(corpus, monkeypatch):
    monkeypatch.setattr(query, "RELAX_BELOW", 1)
    result = search("työkokeilu palkkatuki")
    assert slugs(result) == ["tyokokeilu-portaat"]
    assert not result.relaxed


def test_relaxes_to_any_word_with_complete_matches_first(corpus):
    result = search("työkokeilu palkkatuki")
    assert result.relaxed
    assert slugs(result)[0] == "tyokokeilu-portaat"
    assert "rekrytukipiste" in slugs(result)


def test_relaxes_when_no_practice_has_every_word(corpus, monkeypatch):
    monkeypatch.setattr(query, "RELAX_BELOW", 1)
    result = search("sirkustaide mentorointi")
    assert result.relaxed
    assert set(slugs(result)) == {"sirkus", "mentorointi-nuorille", "nuorten-tukiverkko"}


def test_relaxed_is_false_when_nothing_more_was_found(corpus):
    # Both words are only in this practice: relaxing adds nothing.
    result = search("sirkustaide uskallus")
    assert slugs(result) == ["sirkus"]
    assert not result.relaxed


def test_a_word_no_practice_has_is_left_out_and_named(corpus):
    alone = search("työkokeilu")
    result = search("työkokeilu xyzzyqw")
    assert result.missing == ["xyzzyqw"]
    assert (slugs(result), result.count, result.relaxed) == (slugs(alone), alone.count, False)
    assert alone.missing == []


def test_the_words_found_are_still_relaxed_when_few_have_them_all(corpus):
    relaxed = search("työkokeilu palkkatuki")
    result = search("työkokeilu xyzzyqw palkkatuki")
    assert result.missing == ["xyzzyqw"]
    assert result.relaxed
    assert (slugs(result), result.count) == (slugs(relaxed), relaxed.count)


def test_a_query_of_words_no_practice_has_finds_nothing(corpus):
    result = search("xyzzyqw qqzzvvk")
    assert (result.count, result.items, result.missing) == (0, [], [])


def test_stop_words_of_any_language_are_dropped():
    words = parse_query("arbetsträning för unga och IPS in Finland ja muuta")
    assert [word.original for word in words] == ["arbetsträning", "unga", "IPS", "Finland", "muuta"]


def test_query_of_only_stop_words_finds_nothing(corpus):
    result = search("ja tai the och")
    assert result.count == 0 and result.items == []


# --- Suggestions ------------------------------------------------------------------


def test_mistyped_word_gets_a_suggestion_and_still_finds(corpus):
    result = search("työkokelu")
    assert result.suggestion == "työkokeilu"
    assert slugs(result)[0] == "tyokokeilu-portaat"


def test_suggestion_keeps_the_rest_of_the_query(corpus):
    # The typed inflection is kept when the texts have the word in that form.
    assert search("hoiva-alan mielenterveyskuntotujat").suggestion == "hoiva-alan mielenterveyskuntoutujat"


def test_typo_in_a_compound_with_known_parts_gets_a_suggestion(corpus):
    # "asiantuntija" and "koulutus" are indexed, the word as typed is not.
    result = search("kokeusasiantuntijakoulutus")
    assert result.suggestion == "kokemusasiantuntijakoulutus"
    assert slugs(result)[0] == "kokemusasiantuntijat"


def test_no_suggestion_for_known_words_or_far_ones(corpus):
    assert search("työkokeilu").suggestion is None
    assert search("xyzzyplugh").suggestion is None
    # One edit away is too far for a short word that may be spelt right.
    assert search("mentor").suggestion is None


def test_respell_replaces_the_first_occurrence_in_any_case():
    assert respell("Työkokelu ja työkokelu", {"työkokelu": "työkokeilu"}) == "työkokeilu ja työkokelu"
