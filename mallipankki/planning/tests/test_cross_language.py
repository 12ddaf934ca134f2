"""Descriptions written in one language find the models written in another.

The catalogue is mostly Finnish; a planner who writes in English or Swedish
must not get the few English or Swedish practices first merely because they
share the everyday words of the planner's language.
"""

from mallipankki.planning import match_index
from mallipankki.planning.matcher import Plan, match_practices


def _finnish_filler(make_practice, count):
    for number in range(count):
        make_practice(
            name={"fi": f"Työkokeilun polku {number}"},
            summary={"fi": "Työkokeilu ja palkkatuki yrityksissä pitkään työttömänä olleille."},
        )


def test_a_word_every_english_practice_has_is_not_rare_because_most_practices_are_finnish(make_practice):
    _finnish_filler(make_practice, 6)
    make_practice(name={"fi": "Nuorten työpaja"}, summary={"fi": "Nuoret tekevät työpajassa puutöitä."})
    make_practice(name={"fi": "Mediapaja"}, summary={"fi": "Nuoret tekevät työpajassa videoita."})
    for topic in ("Digital skills", "Employer network"):
        make_practice(name={"en": topic}, summary={"en": "People get help with work every day."})
    match_practices(Plan("työpaja"))  # loads the index
    index = match_index._indexes[match_index._database()]
    # Both are in two practices; "work" is in every English one, "työpaja" in
    # two Finnish ones out of eight.
    assert index.document_frequency["work"] == index.document_frequency["työpaja"] == 2
    assert index.idf("work") < index.idf("työpaja") / 2


def test_an_english_description_about_young_people_ranks_the_finnish_youth_workshop_first(make_practice):
    _finnish_filler(make_practice, 6)
    workshop = make_practice(
        name={"fi": "Nuorten työpaja"},
        summary={"fi": "Nuoret tekevät työpajassa puutöitä ja kunnostavat huonekaluja ohjaajan kanssa."},
        target_groups=["nuoret"],
    )
    unrelated_english = [
        make_practice(
            name={"en": "Digital skills for adults"},
            summary={"en": "Every day people get help with work, and a local centre runs the course."},
        ),
        make_practice(
            name={"en": "Employer network"},
            summary={"en": "Local companies help people find work and meet every month."},
        ),
    ]
    description = (
        "Our association runs a youth workshop where young people who have dropped out of school "
        "work every day with furniture and get help from local instructors."
    )
    ranked = [match.page_id for match in match_practices(Plan(description))]
    assert ranked[0] == workshop.pk
    assert all(ranked.index(practice.pk) > 0 for practice in unrelated_english if practice.pk in ranked)
