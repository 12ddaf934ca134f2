"""Tests for the search text analysis.

Most tests use the real Voikko: the point of the module is that real
Finnish documents and real queries meet, and a mocked morphology would only
test the mock. They are skipped only where libvoikko or its Finnish
dictionary is genuinely missing.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mallipankki.search import analysis
from mallipankki.search.analysis import (
    MAX_QUERY_WORDS,
    MIN_EXPANSION_LEN,
    QueryWord,
    analyse_for_index,
    analyse_query,
    tokenize,
    voikko_available,
)

requires_voikko = pytest.mark.skipif(
    not voikko_available(), reason="libvoikko or the Finnish dictionary is not installed"
)


def matches(query: str, document: str, lang: str = "fi") -> bool:
    """Every query word finds a term or an expansion in the document."""
    index = set(analyse_for_index(document, lang))
    words = analyse_query(query, lang)
    return bool(words) and all((w.terms | w.expansions) & index for w in words)


def matches_strongly(query: str, document: str, lang: str = "fi") -> bool:
    """Every query word finds one of its own base forms in the document."""
    index = set(analyse_for_index(document, lang))
    words = analyse_query(query, lang)
    return bool(words) and all(w.terms & index for w in words)


def is_safe_term(term: object) -> bool:
    return isinstance(term, str) and 0 < len(term) <= 80 and term.isalnum() and term == term.lower()


@pytest.fixture
def without_voikko(monkeypatch):
    def missing():
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(analysis, "create_voikko", missing)
    analysis.forget_state()
    yield
    monkeypatch.undo()
    analysis.forget_state()


# --------------------------------------------------------------------------
# Compounds on the index side


@requires_voikko
def test_compound_parts_and_runs_are_indexed():
    terms = analyse_for_index("kokemusasiantuntijakoulutus")
    for expected in (
        "kokemusasiantuntijakoulutus",
        "kokemusasiantuntija",
        "asiantuntija",
        "koulutus",
        "asiantuntijakoulutus",
        "kokemus",
    ):
        assert expected in terms
    assert terms[0] == "kokemusasiantuntijakoulutus"


@requires_voikko
def test_derivational_suffixes_are_merged_into_their_part():
    # WORDBASES: +työ(työ)+kokeil(kokeilla)+u(+u)
    terms = analyse_for_index("työkokeiluun")
    assert "työkokeilu" in terms
    assert "kokeilu" in terms
    assert not {"kokeil", "u", "kokeilla"} & set(terms)


@requires_voikko
def test_non_final_parts_get_their_own_base_form():
    # mielen- is indexed as mieli, terveys- stays whole (derived with +ys)
    terms = analyse_for_index("mielenterveyskuntoutujat")
    assert {"mielenterveyskuntoutuja", "mieli", "mielenterveys", "kuntoutuja"} <= set(terms)
    assert "terve" not in terms


@requires_voikko
def test_index_keeps_duplicates_for_term_frequency():
    terms = analyse_for_index("Työkokeilu alkaa. Työkokeilun jälkeen työkokeiluja jatketaan.")
    assert terms.count("työkokeilu") == 3


def test_wordbases_parsing():
    parse = analysis.parse_wordbases

    def surfaces(wordbases, structure):
        return [p.surface for p in parse(wordbases, structure)[0]]

    assert surfaces("+työ(työ)+kokeil(kokeilla)+u(+u)", "=ppp=ppppppp") == ["työ", "kokeilu"]
    # a bare item is a suffix piece inside a part ...
    assert surfaces("+ohjaamo(ohjaamo)+toimi(toimia)+n+ta(+ta)", "=ppppppp=pppppppp") == [
        "ohjaamo",
        "toiminta",
    ]
    # ... or a part of its own, as STRUCTURE tells
    assert surfaces("+lähi+työ(työ)", "=pppp=ppp") == ["lähi", "työ"]
    parts, _ = parse("+sote(sote)+-+palvel(palvella)+u(+u)", "=qqqq-=pppppppp")
    assert [(p.surface, p.explicit) for p in parts] == [("sote", True), ("palvelu", True)]
    # a lexicalised compound stays one part
    parts, lexical = parse("+maahanmuuttaja(maahan=muuttaja)", "=pppppp=ppppppppp")
    assert [(p.surface, p.bases) for p in parts] == [("maahanmuuttaja", ("maahanmuuttaja",))]
    assert not lexical


# --------------------------------------------------------------------------
# Query words against indexed documents


@requires_voikko
@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("työkokeiluun", "Työkokeilu on tapa tutustua työelämään."),
        (
            "mielenterveyskuntoutujien työllistyminen",
            "Mielenterveyskuntoutujat saavat tukea työllistymiseen.",
        ),
        ("kokemusasiantuntija", "Kokemusasiantuntijakoulutus alkaa syksyllä."),
        ("palkkatuen", "Palkkatuki myönnetään työnantajalle."),
        ("TE-palveluissa", "TE-palvelut ja Kela tekevät yhteistyötä."),
    ],
)
def test_query_matches_document_on_base_forms(query, document):
    assert matches_strongly(query, document)


@requires_voikko
def test_compound_query_reaches_its_parts_through_expansions():
    document = "Ryhmään osallistuivat maahanmuuttajat pääkaupunkiseudulta."
    [word] = analyse_query("maahanmuuttajanaisille")
    assert word.terms == {"maahanmuuttajanainen"}
    assert "maahanmuuttaja" in word.expansions
    # found, but only as a weaker match: ranking can prefer exact documents
    assert matches("maahanmuuttajanaisille", document)
    assert not matches_strongly("maahanmuuttajanaisille", document)


@requires_voikko
def test_unrelated_documents_do_not_match():
    assert not matches("palkkatuen", "Työkokeilu on tapa tutustua työelämään.")
    assert not matches("maahanmuuttajanaisille", "Nuoret miehet pelasivat jalkapalloa.")


@requires_voikko
def test_short_parts_do_not_over_match():
    # maahanmuuttaja is a dictionary word: "maa" is not a part of it
    assert "maa" not in analyse_for_index("maahanmuuttajat")
    # a real compound part that short is not indexed on its own either
    assert "maa" not in analyse_for_index("maatalous")
    assert not matches("maa", "Maatalous ja maahanmuuttajat.")
    # and a query never widens to a short, generic part
    for word in analyse_query("maahanmuuttajanaisille palkkatuen mielenterveyskuntoutujien"):
        assert all(len(e) >= MIN_EXPANSION_LEN for e in word.expansions), word
        assert not {"maa", "tuki", "mieli"} & word.expansions


@requires_voikko
def test_dictionary_word_is_not_split_into_chance_compound():
    # Voikko also reads aktivointi as akti + vointi ("wellbeing")
    assert analyse_for_index("aktivointi") == ["aktivointi"]
    [word] = analyse_query("aktivoinnin")
    assert word.terms == {"aktivointi"} and not word.expansions


# --------------------------------------------------------------------------
# Words Voikko does not know


@requires_voikko
def test_unknown_derivations_meet_across_inflections():
    forms = ["opinnollistaminen", "opinnollistamisen", "opinnollistamista", "opinnollistamiseen"]
    assert {tuple(analyse_for_index(f)) for f in forms} == {("opinnollistaminen",)}
    assert matches_strongly("opinnollistaminen", "Työpajalla kehitettiin opinnollistamisen malleja.")
    assert matches_strongly("mentorointi", "Mentoroinnissa kokenut työntekijä tukee uutta.")
    assert matches_strongly("coachausta", "Coachaus auttaa löytämään vahvuudet.")


@requires_voikko
def test_unknown_compound_split_at_hyphen_and_at_known_tail():
    hyphenated = analyse_for_index("nepsy-valmentajalle")
    joined = analyse_for_index("nepsyvalmentaja")
    assert hyphenated[0] == joined[0] == "nepsyvalmentaja"
    assert "valmentaja" in hyphenated and "valmentaja" in joined
    assert matches_strongly("nepsy-valmentaja", "Nepsyvalmentajalle voi varata ajan.")
    assert matches("valmentaja", "Nepsy-valmentajat kokoontuvat.")
    # the head of a split keeps its own analysis
    assert "opinnollistaminen" in analyse_for_index("opinnollistamismallia")
    # derived words are split in their nominative, so all inflections agree
    forms = ["nepsyvalmennus", "nepsyvalmennuksen", "nepsyvalmennusta"]
    assert {tuple(analyse_for_index(f)) for f in forms} == {("nepsyvalmennus", "nepsy", "valmennus")}


@requires_voikko
def test_loanword_endings_are_not_mistaken_for_words():
    # tiktok|issa, not tikto + kissa ("cat"); startup|issa, not startu + pissa
    assert analyse_for_index("tiktokissa") == analyse_for_index("tiktok")
    assert analyse_for_index("startupissa") == analyse_for_index("startupit")
    assert "kissa" not in analyse_for_index("tiktokissa")


# --------------------------------------------------------------------------
# Acronyms and codes


def test_acronyms_and_codes_are_kept():
    assert analyse_for_index("IPS TYP S30042 ESR+") == ["ips", "typ", "s30042", "esr"]
    assert analyse_for_index("TYP:n asiakkaat")[0] == "typ"
    words = analyse_query("IPS S30042")
    assert [w.terms for w in words] == [{"ips"}, {"s30042"}]


def test_lowercase_acronym_query_matches():
    assert matches_strongly("ips", "IPS-mallin mukainen työhönvalmennus")
    assert matches_strongly("IPS", "IPS-mallin mukainen työhönvalmennus")
    assert matches_strongly("s30042", "Hankekoodi S30042 (ESR+)")


def test_acronym_is_not_a_stop_word():
    # "te" (you) is a stop word, TE (the employment services) is not
    assert analyse_query("te") == []
    assert analyse_query("TE")[0].terms == {"te"}
    assert "te" in analyse_for_index("TE-palvelut")


# --------------------------------------------------------------------------
# Swedish and English


def test_swedish_is_stemmed():
    terms = analyse_for_index("Arbetslösa ungdomar och invandrare", "sv")
    assert "och" not in terms
    assert "arbetslös" in terms and "ungdom" in terms
    assert matches_strongly("arbetslös ungdom", "Stöd för arbetslösa ungdomar", "sv")


def test_english_is_stemmed():
    assert matches_strongly("employed immigrant", "Employment of immigrants in Finland", "en")
    assert "the" not in analyse_for_index("The programme", "en")
    assert analyse_for_index("children's services", "en") == ["children", "servic"]


def test_language_argument_is_normalised():
    assert analyse_for_index("ungdomarna", "sv-FI") == analyse_for_index("ungdomarna", "sv")
    assert analyse_for_index("employment", "EN") == ["employ"]
    # unknown languages go through the Finnish analyser
    assert analyse_for_index("palkkatuen", "xx") == analyse_for_index("palkkatuen", "fi")
    assert analyse_for_index("palkkatuen", None) == analyse_for_index("palkkatuen")  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Stop words


@requires_voikko
def test_stop_words_are_dropped_on_base_forms():
    assert analyse_query("ja tai on se joka että ei myös kuin mikä ovat olivat jotka") == []
    assert analyse_for_index("Se on myös sellainen, joka ei ole") == ["sellainen"]
    words = analyse_query("työ ja koulutus")
    assert [w.original for w in words] == ["työ", "koulutus"]


@requires_voikko
def test_stop_base_is_removed_but_content_reading_kept():
    # tuli: a form of tulla (kept, it is not a stop word) and "fire"
    assert {"tuli", "tulla"} <= analyse_query("tuli")[0].terms
    # kuin is also read as a form of kuu ("moon"): still a stop word
    assert analyse_query("kuin") == []


def test_swedish_and_english_stop_words():
    assert analyse_query("och att det som", "sv") == []
    assert analyse_query("the and of which", "en") == []


# --------------------------------------------------------------------------
# Tokenising and hostile input


def test_tokenize():
    assert tokenize("Nepsy-valmentaja, TYP:n klo 12:30 (ESR+)") == [
        "nepsy-valmentaja",
        "typ:n",
        "klo",
        "12",
        "30",
        "esr",
    ]
    # soft hyphens inside words from web text are invisible
    assert tokenize("kokemus\u00adasiantuntija") == ["kokemusasiantuntija"]
    assert tokenize("a" * 61 + " ok") == ["ok"]
    assert tokenize(None) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\x00\x00työ\x00kokeilu\x00",
        'työkokeilu" OR "1"="1',
        "työ AND kokeilu NEAR(a b, 5) * ^start -exclude + (x OR y) {col}: NOT",
        "Опыт работы 雇用促進 🙂👩‍💻 työkokeilu",
        "kokemusasiantuntija" * 600,
        ("palkkatuki " * 1000),
        "İstanbul ǅemal ß ½ ﬁnanssi e\u0301",
        "\ud800 lone surrogate",
        "----- ::: ''' ---a--- b:",
    ],
)
def test_hostile_input_never_raises_and_gives_safe_terms(text):
    for term in analyse_for_index(text):
        assert is_safe_term(term), term
    words = analyse_query(text)
    assert len(words) <= MAX_QUERY_WORDS
    for word in words:
        assert isinstance(word, QueryWord)
        assert word.terms
        assert all(is_safe_term(t) for t in word.terms | word.expansions), word


def test_query_is_capped_and_deduplicated():
    many = " ".join(f"sana{i}" for i in range(100))
    assert len(analyse_query(many)) == MAX_QUERY_WORDS
    assert len(analyse_query("työ työ Työ TYÖ työtä")) == 1


def test_fts_operators_are_plain_lowercase_terms():
    words = analyse_query("NEAR AND OR NOT", "en")
    assert all(t.islower() for w in words for t in w.terms)
    assert "AND" not in analyse_for_index("x AND y")


_FRAGMENTS = st.sampled_from(
    [
        " ",
        "-",
        ":",
        "'",
        '"',
        "*",
        "^",
        "(",
        ")",
        "AND",
        "NEAR",
        "\x00",
        "\u00ad",
        "työkokeiluun",
        "kokemusasiantuntija",
        "nepsy-valmentaja",
        "TYP:n",
        "ESR+",
        "S30042",
        "Опыт",
        "雇用",
        "🙂",
        "İ",
        "ǅ",
        "ß",
        "\u0301",
    ]
)
_HOSTILE_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_HOSTILE_TEXT, lang=st.sampled_from(["fi", "sv", "en", "xx"]))
def test_property_analysis_never_raises_and_terms_are_safe(text, lang):
    for term in analyse_for_index(text, lang):
        assert is_safe_term(term), term
    words = analyse_query(text, lang)
    assert len(words) <= MAX_QUERY_WORDS
    for word in words:
        assert word.terms
        for term in word.terms | word.expansions:
            assert is_safe_term(term), term
    for token in tokenize(text):
        assert token and token == token.lower() and not any(c.isspace() for c in token)


@settings(max_examples=100, deadline=None)
@given(text=_HOSTILE_TEXT)
def test_property_query_terms_are_found_in_same_text(text):
    # Whatever a query word becomes, the same text indexed contains it.
    index = set(analyse_for_index(text))
    for word in analyse_query(text):
        assert word.terms & index, word


# --------------------------------------------------------------------------
# Without Voikko


def test_fallback_without_voikko(without_voikko, caplog):
    with caplog.at_level(logging.WARNING, logger="mallipankki.search.analysis"):
        assert voikko_available() is False
        assert voikko_available() is False
        terms = analyse_for_index("Koulutus, koulutuksen ja koulutukseen")
    assert terms == ["koulutus", "koulutus", "koulutus"]
    warnings = [r for r in caplog.records if "Voikko is not available" in r.getMessage()]
    assert len(warnings) == 1

    assert matches_strongly("työkokeiluun", "Työkokeilu alkaa")
    assert matches_strongly("opinnollistaminen", "opinnollistamisen mallit")
    assert matches_strongly("valmentaja", "nepsy-valmentajalle")
    assert analyse_for_index("IPS S30042 ja on") == ["ips", "s30042"]
    [word] = analyse_query("kokemusasiantuntijakoulutus")
    assert word.terms and all(is_safe_term(t) for t in word.terms)


def test_voikko_comes_back_after_reset(without_voikko, monkeypatch):
    assert not voikko_available()
    monkeypatch.undo()
    analysis.forget_state()
    if not voikko_available():
        pytest.skip("libvoikko or the Finnish dictionary is not installed")
    assert "kokemus" in analyse_for_index("kokemusasiantuntijakoulutus")


# --------------------------------------------------------------------------
# Threads


_DOCUMENTS = [
    "Kokemusasiantuntijakoulutus alkaa syksyllä.",
    "Mielenterveyskuntoutujat saavat tukea työllistymiseen.",
    "Palkkatuki myönnetään työnantajalle, ja työkokeiluun voi hakeutua.",
    "Nepsy-valmentaja ja opinnollistaminen ovat uusia käytäntöjä.",
    "Maahanmuuttajanaisille suunnattu IPS-malli, TYP:n palvelut ja ESR+ -rahoitus.",
]


@requires_voikko
def test_concurrent_analysis_in_threads():
    analysis.forget_state()  # cold caches, so the threads really call Voikko
    expected = [analyse_for_index(d) for d in _DOCUMENTS]
    analysis.forget_state()
    main_voikko = analysis.thread_voikko()
    seen_instances = []
    lock = threading.Lock()

    def work(round_number):
        voikko = analysis.thread_voikko()
        with lock:
            seen_instances.append(voikko)
        results = []
        for offset in range(len(_DOCUMENTS)):
            index = (round_number + offset) % len(_DOCUMENTS)
            results.append((index, analyse_for_index(_DOCUMENTS[index])))
            analyse_query(_DOCUMENTS[index])
        return results

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(work, range(40)))

    for results in outcomes:
        for index, terms in results:
            assert terms == expected[index]
    assert all(v is not None and v is not main_voikko for v in seen_instances)
