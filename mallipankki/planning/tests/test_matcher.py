from mallipankki.planning.description import MAX_DESCRIPTION_CHARS, clean_description, description_terms
from mallipankki.planning.matcher import Plan, match_practices


def ids(matches):
    return [match.page_id for match in matches]


def test_whole_description_ranks_the_practice_sharing_most_of_it_first(make_practice):
    coaching = make_practice(
        name={"fi": "Työhönvalmennus mielenterveyskuntoutujille"},
        summary={"fi": "Työhönvalmentaja tukee mielenterveyskuntoutujaa työnhaussa ja työpaikalla."},
        themes=["yksilollinen-tuki"],
    )
    language = make_practice(
        name={"fi": "Kielikahvila"},
        summary={"fi": "Suomen kielen harjoittelua maahanmuuttajille työpaikoilla."},
        themes=["osaamisen-kehittaminen"],
    )
    description = (
        "Haluamme palkata työhönvalmentajia, jotka tukevat mielenterveyskuntoutujia työnhaussa. "
        "Osa osallistujista tarvitsee myös suomen kielen tukea."
    )
    matches = match_practices(Plan(description))
    # Not an AND query: the practice that shares only the language part is found too.
    assert ids(matches) == [coaching.pk, language.pk]
    assert matches[0].score > matches[1].score


def test_picked_target_group_raises_a_practice_but_does_not_filter(make_practice):
    general = make_practice(
        name={"fi": "Työkokeilun portaat"},
        summary={"fi": "Työkokeilu ja palkkatuki avoimille työmarkkinoille."},
        target_groups=["pitkaaikaistyottomat"],
    )
    youth = make_practice(
        name={"fi": "Nuorten polku"},
        summary={"fi": "Työkokeilu ja palkkatuki avoimille työmarkkinoille."},
        target_groups=["nuoret"],
    )
    other_youth = make_practice(
        name={"fi": "Valokuvausryhmä"}, summary={"fi": "Kuvataan kirjastossa."}, target_groups=["nuoret"]
    )
    unrelated = make_practice(name={"fi": "Kirjapiiri"}, summary={"fi": "Luetaan kirjastossa."})
    description = "Työkokeilu ja palkkatuki vievät avoimille työmarkkinoille."
    assert ids(match_practices(Plan(description, target_groups=("pitkaaikaistyottomat",))))[0] == general.pk
    boosted = ids(match_practices(Plan(description, target_groups=("nuoret",))))
    assert boosted[0] == youth.pk
    assert general.pk in boosted
    # Picked, the group brings in its practices that share no words, last.
    assert boosted[-1] == other_youth.pk
    assert unrelated.pk not in boosted


def test_reasons_name_the_shared_target_groups_themes_and_words(make_practice):
    practice = make_practice(
        name={"fi": "Kokemusasiantuntijakoulutus"},
        summary={"fi": "Koulutus vahvistaa päihdetaustaisten ihmisten osaamista ja vertaistukea."},
        themes=["osaamisen-kehittaminen"],
        target_groups=["rikos-ja-paihdetausta"],
    )
    [match] = match_practices(
        Plan(
            "Koulutamme päihdetaustaisia kokemusasiantuntijoiksi ja kehitämme vertaistukea.",
            themes=("osaamisen-kehittaminen",),
        )
    )
    assert match.page_id == practice.pk
    assert [label.code for label in match.themes] == ["osaamisen-kehittaminen"]
    assert match.themes[0].picked
    assert "vertaistukea" in match.words
    reasons = match.reasons()
    assert "Yhteinen teema: Osaamisen kehittäminen" in reasons
    assert any(reason.startswith("Yhteiset sanat:") and "vertaistukea" in reason for reason in reasons)


def test_target_group_named_in_another_language_is_a_reason(make_practice):
    practice = make_practice(
        name={"fi": "Pitkäaikaistyöttömien kokeilu"},
        summary={"fi": "Alueen toimijat etsivät työtä yhdessä."},
        target_groups=["pitkaaikaistyottomat"],
    )
    make_practice(name={"fi": "Kielikahvila"}, summary={"fi": "Suomen kieltä työpaikoilla."})
    [first, *_rest] = match_practices(Plan("Projektet riktar sig till långtidsarbetslösa i vår kommun."))
    assert first.page_id == practice.pk
    assert [label.code for label in first.target_groups] == ["pitkaaikaistyottomat"]
    assert not first.target_groups[0].picked


def test_matches_follow_publishing_and_unpublishing(make_practice):
    first = make_practice(name={"fi": "Työkokeilu"}, summary={"fi": "Työkokeilu yrityksissä."})
    description = "Työkokeilu yrityksissä"
    assert ids(match_practices(Plan(description))) == [first.pk]
    second = make_practice(name={"fi": "Työkokeilun polku"}, summary={"fi": "Työkokeilu yrityksissä ja kunnissa."})
    assert set(ids(match_practices(Plan(description)))) == {first.pk, second.pk}
    first.unpublish()
    assert ids(match_practices(Plan(description))) == [second.pk]


def test_only_published_practices_match(make_practice):
    make_practice(name={"fi": "Työkokeilu luonnos"}, summary={"fi": "Työkokeilu."}, status="draft")
    assert match_practices(Plan("työkokeilu")) == []


def test_empty_or_stop_word_description_matches_nothing(make_practice):
    make_practice()
    assert match_practices(Plan("")) == []
    assert match_practices(Plan("ja tai on the and och")) == []


def test_hostile_descriptions_are_cleaned_not_rejected(make_practice):
    practice = make_practice(name={"fi": "Työkokeilu"}, summary={"fi": "Työkokeilu yrityksissä."})
    assert clean_description("työ\x00kokeilu") == "työ kokeilu"
    assert len(clean_description("a" * 1_000_000)) == MAX_DESCRIPTION_CHARS
    assert ids(match_practices(Plan("<script>alert(1)</script> työkokeilu\x00" + "x" * 1_000_000))) == [practice.pk]
    assert description_terms(None).weights == {}


def test_limit_is_bounded(make_practice):
    for number in range(3):
        make_practice(name={"fi": f"Työkokeilu {number}"})
    assert len(match_practices(Plan("työkokeilu"), limit=2)) == 2
    assert len(match_practices(Plan("työkokeilu"), limit=10_000)) == 3


def test_a_view_restricted_practice_does_not_match_until_the_restriction_is_lifted(make_practice):
    from wagtail.models import PageViewRestriction

    open_page = make_practice(name={"fi": "Työkokeilu"}, summary={"fi": "Työkokeilu yrityksissä."})
    closed = make_practice(name={"fi": "Työkokeilun polku"}, summary={"fi": "Työkokeilu yrityksissä ja kunnissa."})
    description = "Työkokeilu yrityksissä"
    assert set(ids(match_practices(Plan(description)))) == {open_page.pk, closed.pk}  # the index is loaded
    restriction = PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    assert ids(match_practices(Plan(description))) == [open_page.pk]
    restriction.delete()
    assert set(ids(match_practices(Plan(description)))) == {open_page.pk, closed.pk}
