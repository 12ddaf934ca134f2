"""The matcher behind tests/browser/test_admin_finnish.py: what counts as English left on a page."""

from tests.browser.untranslated import english_in, make_pattern, parse_po

PO = r"""
msgid ""
msgstr ""
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: templates/a.html:1
msgid "Task submitted by"
msgstr "Tehtävän lähettäjä"

#, fuzzy
msgid "Close dialog"
msgstr "Sulje"

msgid ""
"Only pages of type \"%(type)s\" may be "
"chosen."
msgid_plural "Only %(type)s."
msgstr[0] ""
msgstr[1] ""

#~ msgid "Obsolete"
#~ msgstr "Vanha"
"""


def test_po_reader_handles_continuations_plurals_fuzzy_and_obsolete_entries():
    entries = {entry.msgid: entry for entry in parse_po(PO)}
    assert set(entries) == {"Task submitted by", "Close dialog", 'Only pages of type "%(type)s" may be chosen.'}
    assert entries["Task submitted by"].translations() == ("Tehtävän lähettäjä",)
    assert entries["Close dialog"].translations() == (), "gettext ignores fuzzy entries"
    plural = entries['Only pages of type "%(type)s" may be chosen.']
    assert plural.msgid_plural == "Only %(type)s."
    assert not plural.translated


def patterns(*msgids):
    return [pattern for pattern in map(make_pattern, msgids) if pattern]


def test_phrases_are_found_inside_longer_text_and_placeholders_match_values():
    found = english_in(
        ["Otsikko\tTask submitted by\tTehtävä", "More options for 'Lapin malli'"],
        patterns("Task submitted by", "More options for '%(title)s'"),
    )
    assert len(found) == 2


def test_single_words_count_only_as_a_whole_segment():
    single = patterns("Exploring", "Live")
    assert english_in(["Exploring: Mallit"], single) == ["'Exploring' in 'Exploring'"]
    assert english_in(["Live-lähetys tallennetaan", "Lives"], single) == []


def test_counts_with_english_glue_are_found():
    found = english_in(["1-2 of 2 sivut"], patterns("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"))
    assert len(found) == 1


def test_finnish_text_and_vague_msgids_are_not_reported():
    assert make_pattern("OK") is None
    assert make_pattern("%(a)s, %(b)s") is None
    found = english_in(
        ["Hae kaikilta sivuilta…", "Tehtävän lähettäjä", "Sivupuun juuri"],
        patterns("Search all pages…", "Task submitted by", "%(counter)s pages"),
    )
    assert found == []


def test_a_longer_msgid_is_reported_instead_of_the_shorter_one_inside_it():
    found = english_in(["More options for 'arvioija'"], patterns("%(a)s for %(b)s", "More options for '%(title)s'"))
    assert found == ["\"More options for '%(title)s'\" in \"More options for 'arvioija'\""]
