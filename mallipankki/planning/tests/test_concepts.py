"""Cross-language matching through the thesaurus's concepts (planning/concepts.py)."""

import pytest

from mallipankki.planning.concepts import CONCEPT_WEIGHT, analyse_concepts, widen
from mallipankki.planning.description import description_terms
from mallipankki.planning.matcher import Plan, match_practices


def analysed(records):
    return analyse_concepts(
        (record["id"], [(lang, label) for lang in ("fi", "sv", "en") for label in record.get(lang, ())])
        for record in records
    )


COACHING = {
    "id": "tyohonvalmennus",
    "fi": ["työhönvalmennus", "työhönvalmentaja"],
    "sv": ["jobbcoach", "arbetsträning"],
    "en": ["job coaching"],
}


def test_a_named_concept_adds_its_other_language_labels_as_terms():
    found = analysed([COACHING])
    terms = widen(description_terms("Haluamme palkata kaksi työhönvalmentajaa maaseudulle."), found)
    own = description_terms("työhönvalmentajaa").strong_terms
    swedish = description_terms("jobbcoach").strong_terms
    assert own <= terms.strong_terms  # the planner's own word keeps its full weight
    assert swedish and all(terms.weights[term] == CONCEPT_WEIGHT for term in swedish)
    # The reason shows the word the practice has, not a stem.
    assert all("jobbcoach" in terms.words[term] for term in swedish)


def test_a_concept_not_named_adds_nothing():
    found = analysed([COACHING])
    description = "Suomen kielen ryhmät maahanmuuttajanaisille asukastalolla."
    assert widen(description_terms(description), found).weights == description_terms(description).weights


def test_a_multi_word_label_needs_all_its_words_and_a_genre_word_alone_names_nothing():
    found = analysed(
        [
            {
                "id": "tuettu",
                "fi": ["tuettu työllistyminen"],
                "sv": ["stödd sysselsättning"],
                "en": ["supported employment"],
            },
            {"id": "kehittaminen", "fi": ["kehittämistyö"], "sv": ["utvecklingsarbete"], "en": ["development work"]},
        ],
    )
    swedish = description_terms("sysselsättning").strong_terms
    assert not swedish & widen(description_terms("Employment for people with disabilities."), found).weights.keys()
    assert swedish <= widen(description_terms("Supported employment in our town."), found).weights.keys()
    # "development" is a word of every plan: "work" alone must not name the concept,
    # nor "develop" and "work" far apart.
    swedish = description_terms("utvecklingsarbete").strong_terms
    assert not swedish & widen(description_terms("Work for young people."), found).weights.keys()
    apart = "We develop a workshop where young people who left school can work with wood."
    assert not swedish & widen(description_terms(apart), found).weights.keys()


EMPLOYMENT_PLAN = {
    "id": "tyollistymissuunnitelma",
    "fi": ["työllistymissuunnitelma"],
    "sv": ["sysselsättningsplan"],
    "en": ["employment plan"],
}


def test_a_label_with_a_genre_word_names_its_concept_where_its_words_stand_in_a_row():
    found = analysed([EMPLOYMENT_PLAN])
    finnish = description_terms("työllistymissuunnitelma").strong_terms
    named = widen(description_terms("Every participant gets an employment plan with a coach."), found)
    assert finnish <= named.weights.keys()
    # The genre word says which concept is meant, but adds no term of its own.
    assert not description_terms("plan").sequence[0] & named.weights.keys()
    # Every plan says "plan"; with "employment" elsewhere it names nothing.
    scattered = "We plan a service for young people, and employment is our goal."
    assert not finnish & widen(description_terms(scattered), found).weights.keys()


@pytest.fixture
def only_coaching(only_concepts):
    """The thesaurus holds one concept, as an editor saved it in the admin."""
    labels = ("\n".join(COACHING[lang]) for lang in ("fi", "sv", "en"))
    (concept,) = only_concepts((COACHING["id"], "palvelut", *labels))
    return concept


def test_finnish_description_finds_the_swedish_practice_through_the_thesaurus(make_practice, only_coaching):
    swedish = make_practice(
        name={"sv": "Jobbcoach för långtidsarbetslösa"},
        summary={"sv": "En jobbcoach stöder deltagaren på arbetsplatsen."},
    )
    make_practice(name={"fi": "Kirjapiiri"}, summary={"fi": "Luetaan kirjastossa."})
    matches = match_practices(Plan("Palkkaamme työhönvalmentajan, joka tukee osallistujia työpaikoilla."))
    assert [match.page_id for match in matches] == [swedish.pk]
    assert "jobbcoach" in matches[0].words
    # Highlighted are the planner's own words only: "jobbcoach" is a reason, not a highlight.
    assert not matches[0].terms & description_terms("jobbcoach").strong_terms


def test_an_editors_change_to_a_concept_reaches_matching_at_once(make_practice, only_coaching):
    swedish = make_practice(
        name={"sv": "Handledare på arbetsplatsen"},
        summary={"sv": "En arbetsplatshandledare stöder deltagaren."},
    )
    plan = Plan("Palkkaamme työhönvalmentajan, joka tukee osallistujia työpaikoilla.")
    assert swedish.pk not in [match.page_id for match in match_practices(plan)]

    only_coaching.labels_sv = "jobbcoach\narbetsplatshandledare"
    only_coaching.save()
    assert [match.page_id for match in match_practices(plan)] == [swedish.pk]

    only_coaching.delete()
    assert swedish.pk not in [match.page_id for match in match_practices(plan)]


def test_a_reason_names_only_the_labels_whose_words_the_practice_has(make_practice, only_concepts):
    only_concepts(
        ("yrittajyys", "tyoelama-ja-osaaminen", "yrittäjyys", "företagande\nunga företagare", "entrepreneurship")
    )
    practice = make_practice(
        name={"sv": "Företagande på landsbygden"}, summary={"sv": "Vi stöder företagande i byarna."}
    )
    (match,) = match_practices(Plan("Haluamme tukea yrittäjyyttä maaseudulla."))
    assert match.page_id == practice.pk
    assert "företagande" in match.words
    assert "unga företagare" not in match.words  # the practice says nothing of the young
