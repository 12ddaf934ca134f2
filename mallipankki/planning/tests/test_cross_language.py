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


COACHING = (
    "tyohonvalmennus",
    "palvelut",
    "työhönvalmennus\ntyöhönvalmentaja",
    "jobbcoachning\njobbcoach",
    "job coaching\njob coach",
)
SOCIAL_ENTERPRISE = (
    "yhteiskunnallinen-yritys",
    "organisaatiot",
    "yhteiskunnallinen yritys",
    "samhällsföretag",
    "social enterprise",
)


ENGLISH_EVERYDAY = (
    ("Neighbourhood centre", "People meet at our local centre every week and get help with everyday problems."),
    ("Morning club", "Local people meet every day for breakfast and help each other with everyday things."),
    ("Volunteer drivers", "Volunteers help local people get to places every week."),
)


def test_everyday_words_of_the_planners_language_do_not_outrank_the_model_the_thesaurus_finds(
    make_practice, only_concepts
):
    """An English description shares everyday words with every English practice;
    the Finnish job-coaching model meets it only through the thesaurus, and fits best."""
    only_concepts(COACHING)
    _finnish_filler(make_practice, 6)
    coaching = make_practice(
        name={"fi": "Työhönvalmennus työpaikoilla"},
        summary={"fi": "Työhönvalmentaja tukee uutta työntekijää ja työnantajaa työpaikalla."},
    )
    everyday = [make_practice(name={"en": name}, summary={"en": text}) for name, text in ENGLISH_EVERYDAY]
    description = (
        "We want to hire a job coach in our local area. People would meet the coach every week "
        "and get help with everyday problems at work."
    )
    ranked = [match.page_id for match in match_practices(Plan(description))]
    assert ranked[0] == coaching.pk
    assert {practice.pk for practice in everyday} <= set(ranked)  # raised no higher, not dropped


def test_in_a_one_language_catalogue_the_background_changes_nothing(make_practice, monkeypatch):
    _finnish_filler(make_practice, 3)
    make_practice(name={"fi": "Nuorten työpaja"}, summary={"fi": "Nuoret tekevät työpajassa puutöitä."})
    plan = Plan("Nuorten työpaja, jossa tehdään puutöitä ja työkokeiluja palkkatuella.")
    with_background = [(match.page_id, match.score) for match in match_practices(plan)]
    monkeypatch.setattr(match_index, "LANGUAGE_BACKGROUND", 0.0)
    assert [(match.page_id, match.score) for match in match_practices(plan)] == with_background
    assert len(with_background) == 4


def test_a_rare_concept_both_name_outweighs_the_common_words_of_its_labels(make_practice, only_concepts):
    """ "yritys" is in most Finnish practices, "yhteiskunnallinen" in some: word by
    word, the bridged label says little. The concept itself is rare, and a
    practice that names it fits an English description about it best."""
    only_concepts(SOCIAL_ENTERPRISE)
    _finnish_filler(make_practice, 4)
    for name in ("Yritysyhteistyö", "Yritysten rekrytointipäivät", "Yrityskummit"):
        make_practice(name={"fi": name}, summary={"fi": "Yritykset ja yrittäjät tarjoavat työpaikkoja yrityksissä."})
    make_practice(
        name={"fi": "Yhteiskunnallinen osallisuus"},
        summary={"fi": "Yhteiskunnallinen osallisuus vahvistuu, kun nuoret vaikuttavat omaan kuntaansa."},
    )
    enterprise = make_practice(
        name={"fi": "Järjestöstä yritykseksi"},
        summary={"fi": "Yhdistys muuttaa osan toiminnastaan yhteiskunnalliseksi yritykseksi."},
    )
    description = "Our association wants to turn its second-hand shop into a social enterprise."
    ranked = [match.page_id for match in match_practices(Plan(description))]
    assert ranked[0] == enterprise.pk


def test_a_practice_changed_since_the_index_loaded_names_concepts_as_a_loaded_one_does(make_practice, only_concepts):
    only_concepts(SOCIAL_ENTERPRISE)
    _finnish_filler(make_practice, 3)
    text = {"fi": "Yhdistys muuttaa osan toiminnastaan yhteiskunnalliseksi yritykseksi."}
    loaded = make_practice(name={"fi": "Järjestöstä yritykseksi"}, summary=text)
    description = "Our association wants to become a social enterprise."
    match_practices(Plan(description))  # loads the index
    changed = make_practice(name={"fi": "Järjestöstä yritykseksi"}, summary=text)
    index = match_index._indexes[match_index._database()]
    scores = {match.page_id: match.score for match in match_practices(Plan(description))}
    assert changed.pk in index.overlay  # read after the load, not in the loaded postings
    assert scores[changed.pk] == scores[loaded.pk] > 0


def test_the_positions_kept_of_concepts_stay_within_their_bound(make_practice, only_concepts, monkeypatch):
    only_concepts(SOCIAL_ENTERPRISE, ("tyohonvalmennus", "palvelut", "työhönvalmentaja", "jobbcoach", "job coach"))
    both = make_practice(
        name={"fi": "Työhönvalmentaja yhteiskunnallisessa yrityksessä"},
        summary={"fi": "Yhteiskunnallinen yritys palkkaa työhönvalmentajan."},
    )
    monkeypatch.setattr(match_index, "MAX_CONCEPT_POSITIONS", 1)
    ranked = match_practices(Plan("A social enterprise hires a job coach."))
    index = match_index._indexes[match_index._database()]
    assert [match.page_id for match in ranked] == [both.pk]
    assert sum(len(positions) for positions in index._concept_positions.values()) <= 1
