"""Stop words for the search analysers, per language.

The Finnish list is matched against both the word as written and Voikko's
base forms: base forms catch the many inflected forms of pronouns and of
*olla* with one entry, while the written forms catch words for which Voikko
offers a misleading extra reading (``kuin`` is also read as a form of
``kuu``, "moon"; ``eli`` also as a form of ``elää``), which would otherwise
survive as a content word.

Swedish and English have no lemmatiser here, so their lists are matched on
the lowercased written form before stemming.

Deliberately left out: words that carry meaning in this domain even though
generic stop lists include them (``voida``, ``tulla``, ``ilman``, ``yli``,
``kaikki``, ``uusi``), because dropping them from a query cannot be undone
by the user.
"""

from __future__ import annotations

FINNISH: frozenset[str] = frozenset(
    """
    ja tai sekä mutta vaan että jotta kun jos kuin koska vaikka eli sillä
    joten siis kuitenkin myös vain jo vielä niin nyt sitten sekään eikä
    ettei jottei jollei mikäli kunnes
    olla on ovat oli olivat ole olen olet olemme olette olisi olisivat ollut
    olleet ollaan oltu
    ei en et emme ette eivät
    se sen sitä siinä siitä siihen sille siltä ne niiden niitä niissä
    niistä niihin niille
    tämä tämän tätä tässä tästä tähän nämä näiden näitä näissä näistä
    tuo tuon tuota nuo noiden
    joka jonka jota jossa josta johon jolla jolle jotka joiden joita joissa
    joista joihin joilla joille
    mikä minkä mitä missä mistä mihin millä mille mitkä
    kuka kenen ketä ketkä jokin joku jotkin
    minä sinä hän me te he itse
    kuten noin jne esim ym yms mm ko ns tms vrt
    """.split()
)

SWEDISH: frozenset[str] = frozenset(
    """
    och i att det som en ett är av för på med till den de om inte har men
    jag vi du han hon kan så var eller också sig från vid hade blir
    blev vara varit ska skall kunna där här denna detta dessa vilka vilken
    vilket när än då nu alla sin sina sitt deras dess man hos mot under
    efter utan över
    """.split()
)

ENGLISH: frozenset[str] = frozenset(
    """
    a an the and or of to in on for with is are was were be been being by
    at as it its this that these those from not but if than so into their
    there which who whom what how can will do does did has have had also
    such other more most very just about over then they them we you
    he she i our your his her my me us dont doesnt isnt arent wasnt
    """.split()
)

STOP_WORDS: dict[str, frozenset[str]] = {
    "fi": FINNISH,
    "sv": SWEDISH,
    "en": ENGLISH,
}
