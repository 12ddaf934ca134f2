"""scripts/thesaurus_coverage.py: which of the catalogue's own key terms name a
thesaurus concept, decided as the planning matcher decides it.

A keyword or name phrase that names no concept reaches no practice written in
another language; the script's list is what the thesaurus is widened from.
"""

import importlib.util
from pathlib import Path

import pytest

from mallipankki.search.analysis import voikko_available

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("thesaurus_coverage", ROOT / "scripts" / "thesaurus_coverage.py")
thesaurus_coverage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(thesaurus_coverage)

needs_voikko = pytest.mark.skipif(not voikko_available(), reason="Finnish name phrases need Voikko's word classes")


@needs_voikko
def test_a_finnish_name_gives_its_nouns_with_their_adjectives():
    assert thesaurus_coverage.name_phrases("Klubitalon siirtymätyö mielenterveyskuntoutujille", "fi") == [
        "Klubitalon",
        "siirtymätyö",
        "mielenterveyskuntoutujille",
    ]
    assert "Liikkuva etsivä nuorisotyö" in thesaurus_coverage.name_phrases(
        "Liikkuva etsivä nuorisotyö harvaan asutulla alueella", "fi"
    )


def test_an_english_name_gives_its_runs_between_stop_words():
    assert thesaurus_coverage.name_phrases("Fast Track to Work for Skilled Immigrants", "en") == [
        "Fast Track",
        "Work",
        "Skilled Immigrants",
    ]


def test_a_term_is_covered_when_it_names_a_concept_in_any_inflection():
    concepts = thesaurus_coverage.seed_concepts()
    assert "siirtymatyo" in thesaurus_coverage.naming("siirtymätyöhön", concepts)
    assert "vangit" in thesaurus_coverage.naming("rikostausta", concepts)
    assert thesaurus_coverage.naming("Discord", concepts) == []


def test_the_catalogue_keywords_stay_covered():
    concepts = thesaurus_coverage.seed_concepts()
    keywords = [term for kind, term in thesaurus_coverage.catalogue_terms() if kind == "keyword"]
    covered = [term for term in keywords if thesaurus_coverage.naming(term, concepts)]
    # Today 234 of 254; the rest are proper names ("Keijo", "Discord") and
    # general words ("verkosto", "laatu") that no concept should hold.
    assert len(covered) / len(keywords) >= 0.85


def test_a_description_breaks_also_at_lines_and_markdown_marks():
    assert thesaurus_coverage.text_phrases(
        "**Key steps**\n\n1. Company visits\n2. Shift work in small groups", "en"
    ) == ["Key steps", "Company visits", "Shift work", "small groups"]


def test_summaries_and_descriptions_give_summary_phrases(tmp_path):
    source = tmp_path / "practices.json"
    source.write_text(
        '{"practices": [{"id": "a", "name": {"en": "Pilot"}, "keywords": [],'
        ' "summary": {"en": "Public procurement for social enterprises."},'
        ' "description": {"sv": "Företagsbesök\\n\\n**Affärsplan**"}}]}',
        encoding="utf-8",
    )
    summaries = {
        term for kind, term in thesaurus_coverage.catalogue_terms((source,), summaries=True) if kind == "summary"
    }
    assert {"Public procurement", "social enterprises", "Företagsbesök", "Affärsplan"} <= summaries
    assert not any(kind == "summary" for kind, _term in thesaurus_coverage.catalogue_terms((source,)))
