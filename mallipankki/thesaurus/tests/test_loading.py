"""The thesaurus data files: checked before anything is written, with Finnish
messages that name the file and the concept; loading never overwrites a
concept an editor has changed."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mallipankki.thesaurus.loading import DATA_DIR, ThesaurusDataError, read_concepts
from mallipankki.thesaurus.models import Concept


def write(directory, name, concepts, group="palvelut"):
    data = {"group": {"id": group, "fi": "x", "sv": "x", "en": "x"}, "concepts": concepts}
    (directory / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def concept(slug, fi, sv, en, yso=None):
    return {"id": slug, "yso": yso, "fi": fi, "sv": sv, "en": en}


def problems(directory) -> list[str]:
    with pytest.raises(ThesaurusDataError) as error:
        read_concepts(directory)
    return error.value.problems


def test_the_shipped_data_is_valid_and_large_enough():
    concepts = read_concepts(DATA_DIR)
    assert len(concepts) >= 300
    assert sum(1 for c in concepts if c.group == "kohderyhmat") >= 50


def test_missing_language_is_named_with_file_and_concept(tmp_path):
    write(tmp_path, "palvelut.json", [concept("palkkatuki", ["palkkatuki"], [], ["pay subsidy"])])
    [problem] = problems(tmp_path)
    assert problem.startswith("palvelut.json, käsite 'palkkatuki'")
    assert "nimike puuttuu kielellä sv" in problem


def test_repeated_id_across_files(tmp_path):
    write(tmp_path, "a.json", [concept("palkkatuki", ["palkkatuki"], ["lönesubvention"], ["pay subsidy"])])
    write(tmp_path, "b.json", [concept("palkkatuki", ["palkkatukityö"], ["lönesubventionerat"], ["wage subsidy"])])
    assert problems(tmp_path) == ["b.json, käsite 'palkkatuki': tunniste on jo käytössä tiedostossa a.json."]


def test_label_in_two_concepts(tmp_path):
    write(
        tmp_path,
        "palvelut.json",
        [
            concept("palkkatuki", ["palkkatuki"], ["lönesubvention"], ["pay subsidy"]),
            concept("tyollistamistuki", ["työllistämistuki"], ["sysselsättningsstöd"], ["Pay subsidy"]),
        ],
    )
    [problem] = problems(tmp_path)
    assert "nimike ”Pay subsidy” on jo käsitteellä 'palkkatuki'" in problem
    assert problem.startswith("palvelut.json, käsite 'tyollistamistuki'")


def test_too_general_label_bad_id_and_guessed_yso(tmp_path):
    write(
        tmp_path,
        "palvelut.json",
        [
            concept("tuki", ["tuki"], ["stödform"], ["support form"]),
            concept("Palkka Tuki", ["palkkatuki"], ["lönesubvention"], ["pay subsidy"]),
            concept("tyokokeilu", ["työkokeilu"], ["arbetsprövning"], ["work trial"], yso="https://finto.fi/yso/p1"),
        ],
    )
    found = problems(tmp_path)
    assert any("”tuki” on liian yleinen" in p for p in found)
    assert any("tunniste puuttuu tai ei ole ASCII-muotoinen" in p for p in found)
    assert any("YSO-osoite" in p and "tyokokeilu" in p for p in found)


def test_unknown_group_and_broken_json(tmp_path):
    write(tmp_path, "muut.json", [], group="muut")
    (tmp_path / "rikki.json").write_text("{", encoding="utf-8")
    found = problems(tmp_path)
    assert any(p.startswith("muut.json: tuntematon ryhmä 'muut'") for p in found)
    assert any(p.startswith("rikki.json: tiedostoa ei voi lukea JSON-muodossa") for p in found)


@pytest.mark.django_db
def test_load_thesaurus_adds_updates_and_keeps_edited_concepts(tmp_path):
    write(
        tmp_path,
        "palvelut.json",
        [
            concept("test-palkkatuki", ["testipalkkatuki"], ["testlönesubvention"], ["test pay subsidy"]),
            concept("test-tyokokeilu", ["testityökokeilu"], ["testarbetsprövning"], ["test work trial"]),
        ],
    )
    call_command("load_thesaurus", directory=str(tmp_path), stdout=StringIO())
    edited = Concept.objects.get(slug="test-tyokokeilu")
    edited.labels_en = "test work trial\ntest work try-out"
    edited.save()

    write(
        tmp_path,
        "palvelut.json",
        [
            concept("test-palkkatuki", ["testipalkkatuki"], ["testlönesubvention"], ["test wage subsidy"]),
            concept("test-tyokokeilu", ["testityökokeilu"], ["testarbetsprövning"], ["test job trial"]),
            concept("test-oppisopimus", ["testioppisopimus"], ["testläroavtal"], ["test apprenticeship"]),
        ],
    )
    out = StringIO()
    call_command("load_thesaurus", directory=str(tmp_path), stdout=out)
    assert Concept.objects.get(slug="test-palkkatuki").labels_en == "test wage subsidy"
    assert Concept.objects.get(slug="test-tyokokeilu").labels_en == "test work trial\ntest work try-out"
    assert Concept.objects.filter(slug="test-oppisopimus").exists()
    assert "Lisätty 1, päivitetty 1, muokattuina säilytetty 1" in out.getvalue()
    assert "test-tyokokeilu" in out.getvalue()


@pytest.mark.django_db
def test_load_thesaurus_refuses_bad_data_with_every_problem(tmp_path):
    write(tmp_path, "palvelut.json", [concept("x", ["x-käsite"], [], [])])
    with pytest.raises(CommandError) as error:
        call_command("load_thesaurus", directory=str(tmp_path), stdout=StringIO())
    message = str(error.value)
    assert "kielellä sv" in message and "kielellä en" in message


@pytest.mark.django_db
def test_the_migrations_load_occupations_and_sectors_in_their_own_group():
    woodwork = Concept.objects.get(slug="puutyo")
    assert woodwork.group == "ammatit-ja-toimialat"
    assert {"puusepänverstas", "snickeri", "woodwork shop"} <= {label for _lang, label in woodwork.all_labels()}
    # The sector concepts that used to be filed under working life moved with it.
    assert Concept.objects.get(slug="ala-siivous").group == "ammatit-ja-toimialat"
    assert Concept.objects.filter(group="ammatit-ja-toimialat").count() >= 100


@pytest.mark.django_db
def test_a_concept_moved_to_another_group_file_moves_unless_an_editor_changed_it(tmp_path):
    write(
        tmp_path,
        "tyoelama-ja-osaaminen.json",
        [
            concept("test-siivous", ["testisiivous"], ["teststädning"], ["test cleaning"]),
            concept("test-logistiikka", ["testilogistiikka"], ["testlogistik"], ["test logistics"]),
        ],
        group="tyoelama-ja-osaaminen",
    )
    call_command("load_thesaurus", directory=str(tmp_path), stdout=StringIO())
    edited = Concept.objects.get(slug="test-logistiikka")
    edited.labels_fi = "testilogistiikka\ntestivarastotyö"
    edited.save()

    (tmp_path / "tyoelama-ja-osaaminen.json").unlink()
    write(
        tmp_path,
        "ammatit-ja-toimialat.json",
        [
            concept("test-siivous", ["testisiivous"], ["teststädning"], ["test cleaning"]),
            concept("test-logistiikka", ["testilogistiikka"], ["testlogistik"], ["test logistics"]),
        ],
        group="ammatit-ja-toimialat",
    )
    call_command("load_thesaurus", directory=str(tmp_path), stdout=StringIO())
    assert Concept.objects.get(slug="test-siivous").group == "ammatit-ja-toimialat"
    kept = Concept.objects.get(slug="test-logistiikka")
    assert (kept.group, kept.labels_fi) == ("tyoelama-ja-osaaminen", "testilogistiikka\ntestivarastotyö")


@pytest.mark.django_db
def test_a_swedish_or_english_trade_widens_a_search_to_the_finnish_one():
    from mallipankki.search.service import search

    assert "puutyo" in {w.slug for w in search("snickeri").widenings}
    assert "liikunnanohjaaja" in {w.slug for w in search("sports instructors").widenings}
