"""Query expansion through the thesaurus, over the module corpus (conftest.py):
a query in one language finds practices described only in another, ranked
after those that use the reader's own words, and the reader can turn it off."""

import pytest

from mallipankki.search.expansion import expand_terms
from mallipankki.search.service import rank_practices, search
from mallipankki.search.words import parse_query
from mallipankki.thesaurus.models import Concept

from .conftest import slugs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_test_concepts(db):
    """The tests' own concepts only: the seed data changes as editors work."""
    Concept.objects.all().delete()


@pytest.fixture
def concepts():
    return {
        "work-trial": Concept.objects.create(
            slug="test-tyokokeilu",
            group="palvelut",
            labels_fi="työkokeilu\ntyökokeilujakso",
            labels_sv="arbetsprövning",
            labels_en="work trial\nwork try-out",
        ),
        "supported": Concept.objects.create(
            slug="test-tuettu-tyollistyminen",
            group="menetelmat",
            labels_fi="tuettu työllistyminen\nIPS-malli",
            labels_sv="stödd anställning",
            labels_en="supported employment",
        ),
    }


def test_inflected_finnish_phrase_finds_an_english_practice(corpus, concepts):
    result = search("tuetun työllistymisen")
    assert "supported-employment" in slugs(result)
    assert [(w.slug, w.labels) for w in result.widenings] == [
        ("test-tuettu-tyollistyminen", (("sv", "stödd anställning"), ("en", "supported employment")))
    ]


def test_inflected_swedish_query_finds_finnish_practice_after_its_own(corpus, concepts):
    found = slugs(search("arbetsprövningen"))
    assert found.index("arbetsprovning") < found.index("tyokokeilu-portaat")


def test_english_multiword_label_finds_finnish_and_swedish_practices(corpus, concepts):
    found = slugs(search("work trials"))
    assert {"tyokokeilu-portaat", "arbetsprovning"} <= set(found)


def test_a_label_word_alone_does_not_name_the_concept(corpus, concepts):
    # "trial" is one word of "work trial": not the concept.
    assert search("trial").widenings == []


def test_expansion_can_be_switched_off(corpus, concepts):
    result = search("work trials", expand=False)
    assert "tyokokeilu-portaat" not in slugs(result)
    assert result.widenings == []
    assert rank_practices("work trials", expand=False).widenings == []
    ranked = rank_practices("work trials")
    assert [w.slug for w in ranked.widenings] == ["test-tyokokeilu"]


def test_finnish_query_shows_other_languages_preferred_labels(corpus, concepts):
    result = search("työkokeiluun")
    assert [w.labels for w in result.widenings] == [(("sv", "arbetsprövning"), ("en", "work trial"))]
    # A synonym was typed, so the Finnish preferred label is named too.
    synonym = search("työkokeilujaksolla")
    assert ("fi", "työkokeilu") in synonym.widenings[0].labels


def test_an_edited_concept_takes_effect_at_once(corpus, concepts):
    assert "tyokokeilu-portaat" in slugs(search("work trials"))
    concept = concepts["work-trial"]
    concept.labels_en = "job try-out"
    concept.save()
    assert "tyokokeilu-portaat" not in slugs(search("work trials"))
    assert "tyokokeilu-portaat" in slugs(search("job try-outs"))
    concept.delete()
    assert search("job try-outs").widenings == []


def test_expand_terms_names_the_concept_and_its_labels(concepts):
    words = parse_query("tuetun työllistymisen")
    [(start, length, slugs_found, clauses)] = expand_terms([word.terms for word in words])
    assert (start, length, slugs_found) == (0, 2, ["test-tuettu-tyollistyminen"])
    assert any(len(clause) == 2 and "support" in clause[0] for clause in clauses)
