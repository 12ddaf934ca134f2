"""Generate a synthetic corpus in the practice interchange format, version 1.

The corpus feeds import/export benchmarks and tests, so it has to look like
the real thing: plausible Finnish text built from inflected phrase fragments,
realistic sparsity of optional fields, and cross-references (builds_on) that
an importer has to resolve.

Usage:
    python bench/generate_corpus.py N [--output FILE] [--seed S]

The format is described by mallipankki/formats/practices-v1.schema.json and
the codes come from mallipankki/formats/vocabularies-v1.json.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import IO, NamedTuple

# A fixed "now" keeps the output byte-identical between runs for one seed.
BASE_TIME = datetime(2025, 6, 2, 9, 0, 0, tzinfo=UTC)
BASE_DATE = BASE_TIME.date()
EARLIEST_PUBLICATION = datetime(2016, 1, 1, tzinfo=UTC)


# --------------------------------------------------------------------------
# Vocabulary with the inflected forms the sentence templates need
# --------------------------------------------------------------------------


class Topic(NamedTuple):
    slug: str
    nom: str  # nominative: työkokeilu
    gen: str  # genitive: työkokeilun
    ela: str  # elative: työkokeilusta
    par: str  # partitive: työkokeilua
    ine: str  # "in it" (inessive, or adessive for välityömarkkinat)
    themes: tuple[str, ...]
    sv: str
    en: str
    plural: bool = False

    @property
    def acc(self) -> str:
        # The total object of a plural noun is the nominative, of a singular
        # one the genitive ("yhdistää työkokeilun ja välityömarkkinat").
        return self.nom if self.plural else self.gen


TOPICS: tuple[Topic, ...] = (
    Topic("tyokokeilu", "työkokeilu", "työkokeilun", "työkokeilusta", "työkokeilua",
          "työkokeilussa", ("yksilollinen-tuki", "tyonantajat"), "arbetsprövning", "work trial"),
    Topic("palkkatuki", "palkkatuki", "palkkatuen", "palkkatuesta", "palkkatukea",
          "palkkatuessa", ("tyonantajat", "yksilollinen-tuki"), "lönesubvention", "pay subsidy"),
    Topic("opinnollistaminen", "opinnollistaminen", "opinnollistamisen", "opinnollistamisesta",
          "opinnollistamista", "opinnollistamisessa", ("osaamisen-kehittaminen",),
          "erkännande av lärande i arbetet", "recognition of learning at work"),
    Topic("tyohonvalmennus", "työhönvalmennus", "työhönvalmennuksen", "työhönvalmennuksesta",
          "työhönvalmennusta", "työhönvalmennuksessa", ("yksilollinen-tuki",),
          "jobbcoachning", "job coaching"),
    Topic("tyopajavalmennus", "työpajavalmennus", "työpajavalmennuksen", "työpajavalmennuksesta",
          "työpajavalmennusta", "työpajavalmennuksessa", ("toimintakyky", "osaamisen-kehittaminen"),
          "verkstadscoachning", "workshop coaching"),
    Topic("ammatillinen-kuntoutus", "ammatillinen kuntoutus", "ammatillisen kuntoutuksen",
          "ammatillisesta kuntoutuksesta", "ammatillista kuntoutusta", "ammatillisessa kuntoutuksessa",
          ("toimintakyky", "yksilollinen-tuki"), "yrkesinriktad rehabilitering",
          "vocational rehabilitation"),
    Topic("mentorointi", "mentorointi", "mentoroinnin", "mentoroinnista", "mentorointia",
          "mentoroinnissa", ("yksilollinen-tuki", "osaamisen-kehittaminen"), "mentorskap", "mentoring"),
    Topic("valityomarkkinat", "välityömarkkinat", "välityömarkkinoiden", "välityömarkkinoilta",
          "välityömarkkinoita", "välityömarkkinoilla", ("yhteistyo", "tyonantajat"),
          "övergångsarbetsmarknaden", "intermediate labour market", plural=True),
    Topic("yhteiskunnallinen-yritys", "yhteiskunnallinen yrittäjyys", "yhteiskunnallisen yrittäjyyden",
          "yhteiskunnallisesta yrittäjyydestä", "yhteiskunnallista yrittäjyyttä",
          "yhteiskunnallisessa yrittäjyydessä", ("tyonantajat", "yhteistyo"),
          "socialt företagande", "social entrepreneurship"),
    Topic("kokemusasiantuntijuus", "kokemusasiantuntijuus", "kokemusasiantuntijuuden",
          "kokemusasiantuntijuudesta", "kokemusasiantuntijuutta", "kokemusasiantuntijuudessa",
          ("toimintakyky", "yhteistyo"), "erfarenhetsexpertis", "expertise by experience"),
    Topic("ips-malli", "IPS-malli", "IPS-mallin", "IPS-mallista", "IPS-mallia", "IPS-mallissa",
          ("yksilollinen-tuki", "toimintakyky"), "IPS-modellen", "the IPS model"),
    Topic("tyonantajayhteistyo", "työnantajayhteistyö", "työnantajayhteistyön",
          "työnantajayhteistyöstä", "työnantajayhteistyötä", "työnantajayhteistyössä",
          ("tyonantajat", "yhteistyo"), "arbetsgivarsamarbete", "employer cooperation"),
    Topic("kielikoulutus", "työelämälähtöinen kielikoulutus", "työelämälähtöisen kielikoulutuksen",
          "työelämälähtöisestä kielikoulutuksesta", "työelämälähtöistä kielikoulutusta",
          "työelämälähtöisessä kielikoulutuksessa", ("osaamisen-kehittaminen",),
          "arbetslivsinriktad språkutbildning", "work-oriented language training"),
    Topic("osaamiskartoitus", "osaamiskartoitus", "osaamiskartoituksen", "osaamiskartoituksesta",
          "osaamiskartoitusta", "osaamiskartoituksessa", ("osaamisen-kehittaminen", "yksilollinen-tuki"),
          "kompetenskartläggning", "skills mapping"),
    Topic("sosiaalinen-kuntoutus", "sosiaalinen kuntoutus", "sosiaalisen kuntoutuksen",
          "sosiaalisesta kuntoutuksesta", "sosiaalista kuntoutusta", "sosiaalisessa kuntoutuksessa",
          ("toimintakyky",), "social rehabilitering", "social rehabilitation"),
    Topic("oppisopimus", "oppisopimuskoulutus", "oppisopimuskoulutuksen", "oppisopimuskoulutuksesta",
          "oppisopimuskoulutusta", "oppisopimuskoulutuksessa", ("osaamisen-kehittaminen", "tyonantajat"),
          "läroavtalsutbildning", "apprenticeship training"),
    Topic("yhteispalvelu", "monialainen yhteispalvelu", "monialaisen yhteispalvelun",
          "monialaisesta yhteispalvelusta", "monialaista yhteispalvelua", "monialaisessa yhteispalvelussa",
          ("yhteistyo",), "sektorsövergripande samservice", "multi-agency joint services"),
    Topic("vertaistuki", "vertaistuki", "vertaistuen", "vertaistuesta", "vertaistukea", "vertaistuessa",
          ("toimintakyky", "yksilollinen-tuki"), "kamratstöd", "peer support"),
    Topic("rekrytointikoulutus", "rekrytointikoulutus", "rekrytointikoulutuksen",
          "rekrytointikoulutuksesta", "rekrytointikoulutusta", "rekrytointikoulutuksessa",
          ("osaamisen-kehittaminen", "tyonantajat"), "rekryteringsutbildning", "recruitment training"),
    Topic("tyokykykoordinointi", "työkykykoordinointi", "työkykykoordinoinnin",
          "työkykykoordinoinnista", "työkykykoordinointia", "työkykykoordinoinnissa",
          ("toimintakyky", "yksilollinen-tuki"), "arbetsförmågekoordinering",
          "work ability coordination"),
    Topic("kuntouttava-tyotoiminta", "kuntouttava työtoiminta", "kuntouttavan työtoiminnan",
          "kuntouttavasta työtoiminnasta", "kuntouttavaa työtoimintaa", "kuntouttavassa työtoiminnassa",
          ("toimintakyky",), "arbetsverksamhet i rehabiliteringssyfte", "rehabilitative work activity"),
    Topic("tyon-raatalointi", "työn räätälöinti", "työn räätälöinnin", "työn räätälöinnistä",
          "työn räätälöintiä", "työn räätälöinnissä", ("tyonantajat",),
          "anpassning av arbetsuppgifter", "job carving"),
    Topic("digitaalinen-ohjaus", "digitaalinen ohjaus", "digitaalisen ohjauksen",
          "digitaalisesta ohjauksesta", "digitaalista ohjausta", "digitaalisessa ohjauksessa",
          ("yksilollinen-tuki",), "digital vägledning", "digital guidance"),
    Topic("levittaminen", "toimintamallin levittäminen", "toimintamallin levittämisen",
          "toimintamallin levittämisestä", "toimintamallin levittämistä", "toimintamallin levittämisessä",
          ("levittaminen",), "spridning av verksamhetsmodeller", "dissemination of operating models"),
    Topic("juurruttaminen", "juurruttaminen", "juurruttamisen", "juurruttamisesta", "juurruttamista",
          "juurruttamisessa", ("levittaminen", "yhteistyo"), "förankring", "embedding"),
)

# Topics that read naturally in "X:stä palkkatyöhön".
STEPPING_STONE_SLUGS = frozenset({
    "tyokokeilu", "palkkatuki", "tyopajavalmennus", "valityomarkkinat", "sosiaalinen-kuntoutus",
    "kuntouttava-tyotoiminta", "ammatillinen-kuntoutus", "oppisopimus", "yhteiskunnallinen-yritys",
})

# Process topics: their names need another topic as the object.
META_VERBS = {"levittaminen": "levittäminen", "juurruttaminen": "juurruttaminen"}


class Group(NamedTuple):
    codes: tuple[str, ...]
    nom: str
    gen: str
    alla: str  # allative: "nuorille"
    sv: str
    en: str


GROUPS: tuple[Group, ...] = (
    Group(("nuoret",), "nuoret", "nuorten", "nuorille", "unga", "young people"),
    Group(("nuoret",), "alle 30-vuotiaat työttömät", "alle 30-vuotiaiden työttömien",
          "alle 30-vuotiaille työttömille", "arbetslösa under 30 år", "unemployed people under 30"),
    Group(("osatyokykyiset",), "osatyökykyiset", "osatyökykyisten", "osatyökykyisille",
          "personer med partiell arbetsförmåga", "people with partial work ability"),
    Group(("maahanmuuttajat",), "maahanmuuttajanaiset", "maahanmuuttajanaisten",
          "maahanmuuttajanaisille", "invandrarkvinnor", "immigrant women"),
    Group(("maahanmuuttajat", "nuoret"), "maahanmuuttajataustaiset nuoret",
          "maahanmuuttajataustaisten nuorten", "maahanmuuttajataustaisille nuorille",
          "unga med invandrarbakgrund", "young people with an immigrant background"),
    Group(("maahanmuuttajat",), "kotoutujat", "kotoutujien", "kotoutujille",
          "personer som integreras", "newcomers in integration"),
    Group(("mielenterveyskuntoutujat",), "mielenterveyskuntoutujat", "mielenterveyskuntoutujien",
          "mielenterveyskuntoutujille", "personer i psykiatrisk rehabilitering",
          "mental-health rehabilitees"),
    Group(("pitkaaikaistyottomat",), "pitkäaikaistyöttömät", "pitkäaikaistyöttömien",
          "pitkäaikaistyöttömille", "långtidsarbetslösa", "long-term unemployed people"),
    Group(("ikaantyneet",), "ikääntyneet työnhakijat", "ikääntyneiden työnhakijoiden",
          "ikääntyneille työnhakijoille", "äldre arbetssökande", "older jobseekers"),
    Group(("ikaantyneet", "pitkaaikaistyottomat"), "yli 55-vuotiaat työttömät",
          "yli 55-vuotiaiden työttömien", "yli 55-vuotiaille työttömille",
          "arbetslösa över 55 år", "unemployed people over 55"),
    Group(("vammaiset",), "vammaiset henkilöt", "vammaisten henkilöiden", "vammaisille henkilöille",
          "personer med funktionsnedsättning", "people with disabilities"),
    Group(("vammaiset",), "kehitysvammaiset", "kehitysvammaisten", "kehitysvammaisille",
          "personer med intellektuell funktionsnedsättning", "people with intellectual disabilities"),
    Group(("rikos-ja-paihdetausta",), "vankilasta vapautuvat", "vankilasta vapautuvien",
          "vankilasta vapautuville", "personer som friges från fängelse",
          "people released from prison"),
    Group(("rikos-ja-paihdetausta",), "päihdekuntoutujat", "päihdekuntoutujien", "päihdekuntoutujille",
          "personer i missbruksrehabilitering", "people recovering from substance use"),
    Group(("heikko-tyomarkkina-asema",), "heikossa työmarkkina-asemassa olevat",
          "heikossa työmarkkina-asemassa olevien", "heikossa työmarkkina-asemassa oleville",
          "personer i svag ställning på arbetsmarknaden",
          "people in a weak labour-market position"),
)

# Codes that describe who *uses* the model rather than who it serves, so they
# never headline a name but often appear as a second target group.
SECONDARY_GROUP_CODES = ("heikko-tyomarkkina-asema", "tyonantajat", "hanketoimijat")

ALL_THEME_CODES = (
    "yhteistyo", "yksilollinen-tuki", "osaamisen-kehittaminen", "toimintakyky", "tyonantajat",
    "levittaminen",
)


class City(NamedTuple):
    nom: str
    gen: str
    loc: str


class Region(NamedTuple):
    code: str
    nom: str
    gen: str
    loc: str
    sv: str
    en: str
    cities: tuple[City, ...]


REGIONS: tuple[Region, ...] = (
    Region("FI-01", "Ahvenanmaa", "Ahvenanmaan", "Ahvenanmaalla", "Åland", "Åland",
           (City("Maarianhamina", "Maarianhaminan", "Maarianhaminassa"),)),
    Region("FI-02", "Etelä-Karjala", "Etelä-Karjalan", "Etelä-Karjalassa", "Södra Karelen",
           "South Karelia", (City("Lappeenranta", "Lappeenrannan", "Lappeenrannassa"),
                             City("Imatra", "Imatran", "Imatralla"))),
    Region("FI-03", "Etelä-Pohjanmaa", "Etelä-Pohjanmaan", "Etelä-Pohjanmaalla", "Södra Österbotten",
           "South Ostrobothnia", (City("Seinäjoki", "Seinäjoen", "Seinäjoella"),
                                  City("Lapua", "Lapuan", "Lapualla"))),
    Region("FI-04", "Etelä-Savo", "Etelä-Savon", "Etelä-Savossa", "Södra Savolax", "South Savo",
           (City("Mikkeli", "Mikkelin", "Mikkelissä"), City("Savonlinna", "Savonlinnan", "Savonlinnassa"))),
    Region("FI-05", "Kainuu", "Kainuun", "Kainuussa", "Kajanaland", "Kainuu",
           (City("Kajaani", "Kajaanin", "Kajaanissa"), City("Kuhmo", "Kuhmon", "Kuhmossa"))),
    Region("FI-06", "Kanta-Häme", "Kanta-Hämeen", "Kanta-Hämeessä", "Egentliga Tavastland",
           "Tavastia Proper", (City("Hämeenlinna", "Hämeenlinnan", "Hämeenlinnassa"),
                               City("Riihimäki", "Riihimäen", "Riihimäellä"))),
    Region("FI-07", "Keski-Pohjanmaa", "Keski-Pohjanmaan", "Keski-Pohjanmaalla",
           "Mellersta Österbotten", "Central Ostrobothnia", (City("Kokkola", "Kokkolan", "Kokkolassa"),)),
    Region("FI-08", "Keski-Suomi", "Keski-Suomen", "Keski-Suomessa", "Mellersta Finland",
           "Central Finland", (City("Jyväskylä", "Jyväskylän", "Jyväskylässä"),
                               City("Äänekoski", "Äänekosken", "Äänekoskella"))),
    Region("FI-09", "Kymenlaakso", "Kymenlaakson", "Kymenlaaksossa", "Kymmenedalen", "Kymenlaakso",
           (City("Kotka", "Kotkan", "Kotkassa"), City("Kouvola", "Kouvolan", "Kouvolassa"))),
    Region("FI-10", "Lappi", "Lapin", "Lapissa", "Lappland", "Lapland",
           (City("Rovaniemi", "Rovaniemen", "Rovaniemellä"), City("Kemi", "Kemin", "Kemissä"),
            City("Tornio", "Tornion", "Torniossa"))),
    Region("FI-11", "Pirkanmaa", "Pirkanmaan", "Pirkanmaalla", "Birkaland", "Pirkanmaa",
           (City("Tampere", "Tampereen", "Tampereella"), City("Nokia", "Nokian", "Nokialla"))),
    Region("FI-12", "Pohjanmaa", "Pohjanmaan", "Pohjanmaalla", "Österbotten", "Ostrobothnia",
           (City("Vaasa", "Vaasan", "Vaasassa"), City("Pietarsaari", "Pietarsaaren", "Pietarsaaressa"))),
    Region("FI-13", "Pohjois-Karjala", "Pohjois-Karjalan", "Pohjois-Karjalassa", "Norra Karelen",
           "North Karelia", (City("Joensuu", "Joensuun", "Joensuussa"),)),
    Region("FI-14", "Pohjois-Pohjanmaa", "Pohjois-Pohjanmaan", "Pohjois-Pohjanmaalla",
           "Norra Österbotten", "North Ostrobothnia", (City("Oulu", "Oulun", "Oulussa"),
                                                       City("Raahe", "Raahen", "Raahessa"))),
    Region("FI-15", "Pohjois-Savo", "Pohjois-Savon", "Pohjois-Savossa", "Norra Savolax", "North Savo",
           (City("Kuopio", "Kuopion", "Kuopiossa"), City("Iisalmi", "Iisalmen", "Iisalmessa"))),
    Region("FI-16", "Päijät-Häme", "Päijät-Hämeen", "Päijät-Hämeessä", "Päijänne-Tavastland",
           "Päijät-Häme", (City("Lahti", "Lahden", "Lahdessa"), City("Heinola", "Heinolan", "Heinolassa"))),
    Region("FI-17", "Satakunta", "Satakunnan", "Satakunnassa", "Satakunta", "Satakunta",
           (City("Pori", "Porin", "Porissa"), City("Rauma", "Rauman", "Raumalla"))),
    Region("FI-18", "Uusimaa", "Uudenmaan", "Uudellamaalla", "Nyland", "Uusimaa",
           (City("Helsinki", "Helsingin", "Helsingissä"), City("Espoo", "Espoon", "Espoossa"),
            City("Vantaa", "Vantaan", "Vantaalla"), City("Porvoo", "Porvoon", "Porvoossa"))),
    Region("FI-19", "Varsinais-Suomi", "Varsinais-Suomen", "Varsinais-Suomessa", "Egentliga Finland",
           "Southwest Finland", (City("Turku", "Turun", "Turussa"), City("Salo", "Salon", "Salossa"))),
)

# Uusimaa and Åland do not map one-to-one onto a wellbeing services county.
WELLBEING_COUNTY_OVERRIDES = {
    "FI-01": "Ålands hälso- och sjukvård",
    "FI-18": "Länsi-Uudenmaan hyvinvointialue",
}


class Country(NamedTuple):
    code: str
    gen: str
    loc: str
    orgs: tuple[str, ...]
    tld: str


FOREIGN_COUNTRIES: tuple[Country, ...] = (
    Country("SE", "Ruotsin", "Ruotsissa", ("Arbetsförmedlingen", "Samhall AB", "Göteborgs Stad"), "se"),
    Country("DE", "Saksan", "Saksassa", ("Bundesagentur für Arbeit", "Jobcenter Berlin Mitte"), "de"),
    Country("FR", "Ranskan", "Ranskassa", ("France Travail", "Mission Locale de Lyon"), "fr"),
    Country("EE", "Viron", "Virossa", ("Eesti Töötukassa", "Tallinna Sotsiaal- ja Tervishoiuamet"), "ee"),
    Country("NL", "Alankomaiden", "Alankomaissa", ("UWV", "Gemeente Utrecht"), "nl"),
    Country("IT", "Italian", "Italiassa", ("ANPAL Servizi", "Cooperativa sociale Il Ponte"), "it"),
    Country("ES", "Espanjan", "Espanjassa", ("Lanbide", "Fundación Once"), "es"),
    Country("IE", "Irlannin", "Irlannissa", ("Intreo", "EmployAbility Galway"), "ie"),
    Country("DK", "Tanskan", "Tanskassa", ("Jobcenter Aarhus", "Styrelsen for Arbejdsmarked og Rekruttering"), "dk"),
    Country("NO", "Norjan", "Norjassa", ("NAV", "Fontenehuset Oslo"), "no"),
)

PROJECT_WORDS = ("Polku", "Silta", "Väylä", "Ovi", "Askel", "Kipinä", "Voimaa", "Verso", "Reitti",
                 "Tuulta", "Kaari", "Sillanrakentajat", "Uusi suunta", "Taito", "Ote", "Luotsi")
PROJECT_TAILS = ("töihin", "työelämään", "eteenpäin", "osaamiseen", "arkeen", "kohti työtä",
                 "ja työ", "2.0", "Plus")

ASSOCIATIONS = ("Työpajayhdistys ry", "Mielenterveysseura ry", "Setlementti ry",
                "monikulttuurinen yhdistys ry", "Nuorisoseura ry", "Työttömien yhdistys ry",
                "Kehitysvammatuki ry", "Kriminaalihuollon tukisäätiön aluetoimisto")
SOCIAL_ENTERPRISES = ("Kiertokaari Oy", "Tuotantopaja Verso Oy", "Sosiaalinen osuuskunta Kipinä",
                      "Työosuuskunta Taito", "Palvelukeskus Into Oy", "Kierrätyskeskus Uusioapu Oy",
                      "Yhteiskunnallinen yritys Arkiapu Oy", "Puutarha- ja kiinteistöpalvelu Vihreä Oy")
NATIONAL_ORGS = ("Työterveyslaitos", "Terveyden ja hyvinvoinnin laitos THL", "Kansaneläkelaitos Kela",
                 "Työllisyyden edistämisen osaamiskeskus", "Kuntoutussäätiö", "Nuorisotutkimusseura ry",
                 "Vates-säätiö", "Diakonia-ammattikorkeakoulu")

FIRST_NAMES = ("Anna", "Maria", "Johanna", "Tiina", "Sari", "Päivi", "Minna", "Laura", "Heidi",
               "Satu", "Elina", "Katja", "Riikka", "Hanna", "Mikko", "Jukka", "Timo", "Juha",
               "Antti", "Markku", "Janne", "Ville", "Sami", "Petri", "Aino", "Eetu", "Leena",
               "Outi", "Kaisa", "Tuomas", "Noora", "Jyrki", "Sanna", "Jussi", "Hilkka", "Ahmed")
LAST_NAMES = ("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
              "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
              "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
              "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen",
              "Ahonen", "Öhman", "Åkerlund")

EXTRA_KEYWORDS = ("nuorisotakuu", "ohjaamo", "työpaja", "osaamisen tunnistaminen", "työkyky",
                  "TE24-uudistus", "työllisyyspalvelut", "monialainen yhteistyö", "rekrytointi",
                  "digiosaaminen", "kielitaito", "jalkautuva työ", "etsivä nuorisotyö", "hyvinvointialue",
                  "osatyökykyisyys", "maahanmuuttajanaiset", "yhteiskunnallinen yritys", "palkkatuki",
                  "työkokeilu", "opinnollistaminen", "välityömarkkinat", "kokemusasiantuntija",
                  "mentorointi", "kuntoutus", "työhönvalmennus", "ammatillinen koulutus",
                  "työnantajayhteistyö", "syrjäytymisen ehkäisy", "sosiaalinen työllistäminen",
                  "Supported Employment", "IPS", "vertaisryhmä", "työllisyyden kuntakokeilu")


# --------------------------------------------------------------------------
# Text fragments
# --------------------------------------------------------------------------

SUPPORTS = ("yksilöllistä tukea", "henkilökohtaista ohjausta", "vertaistukea", "työhönvalmentajan tukea",
            "mentorin tukea", "pitkäjänteistä, räätälöityä tukea", "matalan kynnyksen ohjausta")
SUPPORT_GOALS = ("työllistymiseen", "koulutukseen hakeutumiseen", "työelämään siirtymiseen",
                 "oman osaamisensa tunnistamiseen", "arjenhallinnan vahvistamiseen",
                 "työkyvyn arviointiin ja ylläpitoon", "avoimille työmarkkinoille siirtymiseen")
AIMS = ("madaltaa kynnystä työelämään", "lyhentää työttömyysjaksoja",
        "vahvistaa osallistujien toimintakykyä ja osallisuutta",
        "tunnistaa ja sanoittaa työssä opittua osaamista",
        "lisätä työnantajien valmiuksia palkata osatyökykyisiä",
        "tukea siirtymää välityömarkkinoilta avoimille työmarkkinoille",
        "ehkäistä nuorten syrjäytymistä", "sujuvoittaa palvelupolkuja eri toimijoiden välillä",
        "tuoda kokemusasiantuntijoiden näkemys osaksi palvelujen kehittämistä")
OBSTACLES = ("työllistymistä hidastavat terveyteen liittyvät haasteet", "osaamista ei ole tunnistettu",
             "suomen kielen taito on vielä kehittymässä", "työhistoria on katkonainen",
             "toimintakyky vaihtelee", "aiemmat palvelut eivät ole johtaneet työhön")
PARTNERS_GEN = ("kunnan työllisyyspalvelujen", "hyvinvointialueen", "paikallisten yritysten",
                "oppilaitosten", "järjestöjen", "Kelan", "seurakuntien diakoniatyön",
                "työpajojen")
ORG_SETTINGS = ("yhteiskunnallisessa yrityksessä", "pk-yrityksissä", "kolmannella sektorilla",
                "kunnan työpajalla", "kierrätyskeskuksessa", "ammatillisessa oppilaitoksessa")
CONTEXTS = ("kunnan työllisyyspalveluja", "hyvinvointialueen palveluja", "ammatillista koulutusta",
            "kuntouttavaa työtoimintaa", "työvoimapalveluja", "etsivää nuorisotyötä")
ADJECTIVES = ("Yhteisöllinen", "Ratkaisukeskeinen", "Työelämälähtöinen", "Monialainen",
              "Kokonaisvaltainen", "Joustava", "Matalan kynnyksen", "Yksilöllinen", "Jalkautuva")
DESTINATIONS = ("palkkatyöhön", "avoimille työmarkkinoille", "työelämään", "tutkintoon")
RESULTS = ("osallistujien arjenhallinta ja itseluottamus vahvistuivat selvästi",
           "työnantajat ovat olleet valmiita jatkamaan yhteistyötä myös hankkeen jälkeen",
           "palveluprosessin kesto lyheni keskimäärin kolmella kuukaudella",
           "yhteistyö eri palveluntuottajien välillä tiivistyi",
           "osallistujat pitivät erityisesti säännöllisiä tapaamisia hyödyllisinä")
STEPS = ("Alkuhaastattelu ja osaamisen kartoitus", "Yksilöllisen suunnitelman laatiminen yhdessä osallistujan kanssa",
         "Työkokeilujakso yrityksessä tai yhdistyksessä", "Säännölliset tapaamiset työhönvalmentajan kanssa",
         "Työssä opitun osaamisen tunnistaminen ja dokumentointi", "Työnantajan perehdytys ja tuki jakson aikana",
         "Siirtymävaiheen tuki ja jälkiseuranta kolmen kuukauden ajan", "Vertaisryhmätapaamiset kerran viikossa",
         "Palkkatuen hakeminen yhdessä työnantajan kanssa", "Työkyvyn arviointi yhteistyössä työterveyshuollon kanssa",
         "Työtehtävien räätälöinti osallistujan vahvuuksien mukaan", "Kokemusasiantuntijan vetämät ryhmätapaamiset",
         "Suomen kielen opiskelu työn lomassa", "Verkostopalaveri osallistujan, työnantajan ja ohjaajan kesken",
         "Loppuarviointi ja jatkosuunnitelma")
STEP_DETAILS = ("**Kesto:** {a}–{b} kuukautta", "**Ryhmäkoko:** {a}–{b} osallistujaa",
                "**Tapaamistiheys:** {a}–{b} kertaa kuukaudessa")
TIPS = ("Sopikaa vastuunjaosta kirjallisesti jo alussa.", "Varatkaa riittävästi aikaa työnantajakontakteihin.",
        "Ottakaa kokemusasiantuntijat mukaan jo suunnitteluvaiheessa.",
        "Kirjatkaa osallistujan osaaminen heti jakson aikana, ei vasta lopussa.",
        "Nimetkää jokaiselle osallistujalle yksi vastuuhenkilö.",
        "Hyödyntäkää valmiita lomakepohjia, niin aikaa jää itse ohjaukseen.",
        "Seuratkaa tuloksia samoilla mittareilla koko toteutuksen ajan.")
BACKGROUND = (
    "{G} tarvitsevat usein pitkäkestoista ja yksilöllistä tukea ennen kuin työllistyminen avoimille "
    "työmarkkinoille on mahdollista.",
    "Toimintamalli syntyi tarpeesta yhdistää {t_acc} ja {t2_acc} osallistujalle selkeäksi palvelupoluksi.",
    "{T_ine} onnistutaan parhaiten, kun työnantaja on mukana suunnittelussa alusta asti.",
    "Työllisyyspalvelujen siirto kunnille vuonna 2025 lisäsi tarvetta paikallisille, vaikuttaviksi "
    "todetuille toimintamalleille.",
    "Aiemmissa hankkeissa havaittiin, että {g_gen} palvelut olivat pirstaleisia ja siirtymät "
    "palvelusta toiseen katkesivat helposti.",
    "Kehittäminen aloitettiin kuuntelemalla osallistujia, työnantajia ja ohjaajia.",
)
SV_AIMS = ("Målet är att sänka tröskeln till arbetslivet.", "Målet är att stärka deltagarnas funktionsförmåga.",
           "Målet är att göra kunnande som lärts i arbetet synligt.")
EN_AIMS = ("The aim is to lower the threshold to working life.",
           "The aim is to strengthen participants' functional capacity.",
           "The aim is to make skills learned at work visible.")
CONTINUITY_FUNDING = ("kunnan työllisyyspalvelujen perusbudjetti", "hyvinvointialueen perusrahoitus",
                      "STEA:n kohdennettu toiminta-avustus", "ostopalvelusopimus kunnan kanssa",
                      "yhdistyksen oma varainhankinta", "ei vielä varmistettu")
SCALING_PLANS = (
    "Toimintamalli on tarkoitus vakiinnuttaa osaksi kunnan työllisyyspalveluja hankkeen päätyttyä.",
    "Levitystä jatketaan koulutusten ja työpajojen avulla {n} uudelle paikkakunnalle vuoteen {y} mennessä.",
    "Mallin käsikirja päivitetään ja siirretään Työllisyyden edistämisen osaamiskeskuksen ylläpitoon.",
    "Mallia pilotoidaan seuraavaksi {region_loc} yhdessä hyvinvointialueen kanssa.",
    "Keskeiset työvälineet julkaistaan avoimesti, jotta muut toimijat voivat ottaa ne käyttöön.",
)
COST_NOTES = ("Kustannukset sisältävät työhönvalmentajan työajan ja materiaalit.",
              "Laskelmassa ei ole mukana palkkatuen osuutta.",
              "Arvio perustuu vuoden {y} toteutukseen; ryhmämuotoisena kustannus on pienempi.",
              "Suurin osa kustannuksista on henkilöstökuluja.")
ADOPTION_NOTES = ("Otettu käyttöön osana kunnan työllisyyspalveluja.", "Sovellettu {g_alla}.",
                  "Pilotoitu vuonna {y}, jatkuu pysyvänä toimintana.",
                  "Mallista käytössä vain osaamiskartoituksen osuus.",
                  "Käännetty ja mukautettu paikallisiin oloihin.")

# (programme, first start year, last end date, project code prefix or None)
PROGRAMMES = (
    ("ESR+", 2022, date(2027, 12, 31), "S3"),
    ("ESR 2014–2020", 2015, date(2023, 5, 31), "S2"),
    ("STEA", 2012, date(2027, 12, 31), "C"),
    ("kunta", 2014, date(2027, 12, 31), None),
    ("ELY-keskus", 2014, date(2026, 12, 31), None),
    ("Erasmus+", 2015, date(2027, 8, 31), "2"),
    ("TEM erityisavustus", 2019, date(2026, 12, 31), "VN/"),
)
PROGRAMME_WEIGHTS = (30, 25, 20, 10, 6, 4, 5)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

_SLUG_TRANS = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u", "ó": "o"})
_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 60) -> str:
    slug = _SLUG_STRIP.sub("-", text.lower().translate(_SLUG_TRANS)).strip("-")
    return slug[:max_len].rstrip("-") or "x"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def iso_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _topic_choice(seed: int, index: int) -> tuple[Topic, str]:
    # A practice's id is a pure function of (seed, index) so that builds_on can
    # name earlier practices without keeping every id in memory.
    r = random.Random(f"{seed}:{index}")
    topic = TOPICS[r.randrange(len(TOPICS))]
    stem = "malli" if r.random() < 0.15 else topic.slug
    return topic, stem


def practice_id(seed: int, index: int) -> str:
    _, stem = _topic_choice(seed, index)
    return f"{stem}-{index + 1:06d}"


def _project_name(rng: random.Random) -> str:
    return f"{rng.choice(PROJECT_WORDS)} {rng.choice(PROJECT_TAILS)}"


def _org_url(name: str, tld: str = "fi") -> str:
    return f"https://example.{tld}/organisaatiot/{slugify(name, 50)}"


def _regional_org(rng: random.Random, region: Region) -> str:
    city = rng.choice(region.cities)
    kind = rng.random()
    if kind < 0.30:
        return f"{city.gen} kaupunki"
    if kind < 0.45:
        return WELLBEING_COUNTY_OVERRIDES.get(region.code, f"{region.gen} hyvinvointialue")
    if kind < 0.65:
        return f"{rng.choice((region.gen, city.gen + ' seudun'))} {rng.choice(ASSOCIATIONS)}"
    if kind < 0.75:
        return f"{region.gen} ELY-keskus"
    if kind < 0.85:
        return rng.choice((f"{region.gen} ammattiopisto", f"{city.gen} aikuisopisto",
                           f"{city.gen} ammattikorkeakoulu"))
    return rng.choice(SOCIAL_ENTERPRISES)


# --------------------------------------------------------------------------
# One practice
# --------------------------------------------------------------------------


class _Ctx(NamedTuple):
    topic: Topic
    topic2: Topic
    group: Group
    region: Region | None
    city: City | None
    country: Country | None  # set when the practice comes from abroad only
    project: str


def _name_fi(rng: random.Random, c: _Ctx) -> str:
    t, g = c.topic, c.group
    place = c.city.loc if c.city and rng.random() < 0.4 else (c.region.loc if c.region else None)
    if t.slug in META_VERBS:
        # "Juurruttaminen kierrätyskeskuksessa" is nonsense; dissemination is
        # always dissemination *of* something.
        where = place or rng.choice(("kuntiin", "hyvinvointialueille", "koko maahan", "uusille alueille"))
        return rng.choice((
            f"{cap(c.topic2.gen)} {META_VERBS[t.slug]} {where}",
            f"{cap(c.topic2.gen)} {META_VERBS[t.slug]} {c.project} -hankkeessa",
            f"{cap(g.gen)} {c.topic2.gen} {META_VERBS[t.slug]}",
        ))
    if c.country is not None:
        return rng.choice((
            f"{cap(t.nom)} {c.country.loc}",
            f"{c.country.gen} malli: {t.par} {g.alla}",
            f"{cap(g.gen)} {t.nom} {c.country.loc}",
        ))
    options = [
        f"{cap(t.par)} {g.alla}",
        f"{c.project} – {t.par} {g.alla}" + (f" {place}" if place else ""),
        f"{cap(t.nom)} osana {rng.choice(CONTEXTS)}",
        f"{cap(t.nom)} {rng.choice(ORG_SETTINGS)}",
    ]
    if place:
        # Listed twice: "Nuorten työpajavalmennus Kainuussa" is the most common
        # naming pattern in the real bank, so it gets double weight.
        options.append(f"{cap(g.gen)} {t.nom} {place}")
        options.append(f"{cap(g.gen)} {t.nom} {place}")
    if t.slug in STEPPING_STONE_SLUGS:
        dest = rng.choice(DESTINATIONS)
        options.append(f"{cap(t.ela)} {dest} -malli")
        options.append(f"{cap(t.ela)} {dest}")
    if not t.plural and not t.nom.startswith("IPS"):
        options.append(f"{rng.choice(ADJECTIVES)} {t.nom} -toimintamalli")
    return rng.choice(options)


def _summary_fi(rng: random.Random, c: _Ctx) -> str:
    t, t2, g = c.topic, c.topic2, c.group
    sentences = [
        rng.choice((
            f"Mallissa {g.nom} saavat {rng.choice(SUPPORTS)} {rng.choice(SUPPORT_GOALS)}.",
            f"Toimintamalli yhdistää {t.acc} ja {t2.acc} {g.gen} tarpeisiin.",
            f"{cap(t.ine)} {g.nom} pääsevät kokeilemaan työtä turvallisesti ja omassa tahdissaan.",
        )),
        f"Tavoitteena on {rng.choice(AIMS)}.",
    ]
    if rng.random() < 0.7:
        sentences.append(
            f"Malli soveltuu erityisesti {g.alla}, joiden {rng.choice(OBSTACLES)}.")
    if rng.random() < 0.5:
        sentences.append(
            f"Toimintaa on kehitetty yhteistyössä {rng.choice(PARTNERS_GEN)} ja "
            f"{rng.choice(PARTNERS_GEN[:3])} kanssa.")
    if rng.random() < 0.4:
        sentences.append(
            f"Kokemusten mukaan noin {rng.randint(20, 70)} % osallistujista siirtyi jakson jälkeen "
            f"työhön tai koulutukseen.")
    return " ".join(sentences)


def _description_fi(rng: random.Random, c: _Ctx, resource: dict | None) -> str:
    t, t2, g = c.topic, c.topic2, c.group
    fill = {
        "G": cap(g.nom), "g_gen": g.gen, "t_acc": t.acc, "t2_acc": t2.acc, "T_ine": cap(t.ine),
    }
    background = " ".join(s.format(**fill) for s in rng.sample(BACKGROUND, rng.randint(1, 3)))
    if c.region is not None and rng.random() < 0.5:
        background += (f" {cap(c.region.loc)} työttömyys on pysynyt maan keskiarvoa korkeampana "
                       f"erityisesti {g.gen} keskuudessa.")
    parts = ["## Tausta", background, "## Toteutus",
             rng.choice(("Malli etenee vaiheittain:", "Toteutus koostuu seuraavista osista:",
                         "Keskeiset työvaiheet ovat:"))]
    # STEPS is in process order; keeping it makes the list read as a sequence.
    picked = sorted(rng.sample(range(len(STEPS)), rng.randint(3, 6)))
    steps = [f"- {STEPS[k]}" for k in picked]
    if rng.random() < 0.5:
        a = rng.randint(1, 4)
        steps.append("- " + rng.choice(STEP_DETAILS).format(a=a, b=a + rng.randint(1, 6)))
    parts.append("\n".join(steps))
    if rng.random() < 0.6:
        parts.append(f"Mallissa hyödynnetään myös {t2.par}, ja ohjaajat saavat tukea "
                     f"*{rng.choice(('työnohjauksesta', 'vertaisverkostosta', 'mallin käsikirjasta'))}*.")
    parts.append("## Tulokset")
    y1 = rng.randint(2016, 2022)
    results = (f"Vuosina {y1}–{y1 + rng.randint(1, 3)} malliin osallistui {rng.randint(12, 400)} henkilöä, "
               f"joista **{rng.randint(15, 75)} %** siirtyi työhön, koulutukseen tai muuhun aktiiviseen "
               f"palveluun.")
    if rng.random() < 0.6:
        results += f" Lisäksi {rng.choice(RESULTS)}."
    parts.append(results)
    if resource is not None:
        parts.append(f"Lisätietoa: [{resource['title']['fi']}]({resource['url']})")
    if rng.random() < 0.4:
        parts.append("## Vinkit käyttöönottoon")
        parts.append("\n".join(f"{i}. {tip}" for i, tip in
                               enumerate(rng.sample(TIPS, rng.randint(2, 4)), start=1)))
    return "\n\n".join(parts)


def _translations(rng: random.Random, c: _Ctx, name: dict, summary: dict,
                  description: dict | None) -> None:
    # About 5 % of the practices also come in Swedish and/or English.
    roll = rng.random()
    if roll >= 0.05:
        return
    langs = ("sv", "en") if roll < 0.01 else (("sv",) if roll < 0.03 else ("en",))
    t, g = c.topic, c.group
    for lang in langs:
        if lang == "sv":
            where = f" i {c.region.sv}" if c.region else ""
            name["sv"] = f"{cap(t.sv)} för {g.sv}{where}"
            summary["sv"] = (f"Modellen erbjuder {g.sv} individuellt stöd genom {t.sv}. "
                             f"{rng.choice(SV_AIMS)}")
            if description is not None and rng.random() < 0.6:
                description["sv"] = (f"## Bakgrund\n\n{cap(g.sv)} behöver ofta långvarigt stöd.\n\n"
                                     f"## Genomförande\n\n- Kartläggning av kunnande\n"
                                     f"- {cap(t.sv)} med stöd av handledare\n- Uppföljning")
        else:
            where = f" in {c.region.en}" if c.region else ""
            name["en"] = f"{cap(t.en)} for {g.en}{where}"
            summary["en"] = (f"The model offers {g.en} individual support through {t.en}. "
                             f"{rng.choice(EN_AIMS)}")
            if description is not None and rng.random() < 0.6:
                description["en"] = (f"## Background\n\n{cap(g.en)} often need long-term support.\n\n"
                                     f"## Implementation\n\n- Skills mapping\n"
                                     f"- {cap(t.en)} with a coach\n- Follow-up")


def _organisations(rng: random.Random, c: _Ctx, funders: list[str]) -> list[dict]:
    names: dict[str, str] = {}
    if c.country is not None:
        names[rng.choice(c.country.orgs)] = "developer"
        if rng.random() < 0.3:
            names[rng.choice(NATIONAL_ORGS)] = "partner"
    else:
        region = c.region or rng.choice(REGIONS)
        names[_regional_org(rng, region)] = rng.choice(("developer", "owner", "developer"))
        for _ in range(rng.randint(0, 2)):
            names.setdefault(_regional_org(rng, region), rng.choice(("partner", "maintainer", "owner")))
        if rng.random() < 0.15:
            names.setdefault(rng.choice(NATIONAL_ORGS), "partner")
    for funder in funders:
        names.setdefault(funder, "funder")
    tld = c.country.tld if c.country else "fi"
    orgs = []
    for org_name, role in names.items():
        org = {"name": org_name, "role": role}
        if rng.random() < 0.5:
            org["url"] = _org_url(org_name, tld)
        orgs.append(org)
    return orgs


def _funding(rng: random.Random, c: _Ctx) -> tuple[list[dict], list[str]]:
    items, funders = [], []
    for _ in range(1 if rng.random() < 0.8 else 2):
        programme, first_year, last_end, prefix = rng.choices(PROGRAMMES, PROGRAMME_WEIGHTS)[0]
        item: dict = {"programme": programme}
        if prefix == "S3" or prefix == "S2":
            item["project_code"] = f"{prefix}{rng.randint(0, 9999):04d}"
        elif prefix == "C":
            item["project_code"] = f"C{rng.randint(1000, 9999)}"
        elif prefix is not None and rng.random() < 0.5:
            item["project_code"] = f"{prefix}{rng.randint(1000, 9999)}/{rng.randint(2015, 2024)}"
        if rng.random() < 0.8:
            item["project_name"] = c.project
        if rng.random() < 0.85:
            start = random_date(rng, date(first_year, 1, 1), min(last_end, BASE_DATE) - timedelta(days=200))
            item["start"] = start.isoformat()
            if rng.random() < 0.9:
                end = min(start + timedelta(days=rng.randint(180, 1100)), last_end)
                item["end"] = end.isoformat()
        items.append(item)
        if programme == "STEA":
            funders.append("Sosiaali- ja terveysjärjestöjen avustuskeskus STEA")
        elif programme.startswith("ESR") and c.region is not None and rng.random() < 0.6:
            funders.append(f"{c.region.gen} ELY-keskus")
    return items, funders


def _resources(rng: random.Random, c: _Ctx, pid: str) -> list[dict]:
    t = c.topic
    out = []
    for n in range(rng.randint(1, 4)):
        kind = rng.choices(("link", "pdf", "video", "other"), (45, 35, 15, 5))[0]
        if kind == "pdf":
            title = rng.choice((f"Opas {t.gen} toteuttamiseen", f"Loppuraportti: {c.project}",
                                "Prosessikuvaus", f"{cap(t.nom)} – käsikirja ohjaajille",
                                "Lomakepohjat ja työkalut"))
            url = f"https://example.fi/aineistot/{pid}/{slugify(title)}.pdf"
        elif kind == "video":
            title = rng.choice(("Esittelyvideo", f"Webinaaritallenne: {t.nom} käytännössä",
                                "Osallistujan tarina", "Työnantaja kertoo kokemuksistaan"))
            url = f"https://video.example.com/watch/{pid}-{n + 1}"
        elif kind == "link":
            title = rng.choice(("Hankkeen verkkosivut", "Toimintamallin kuvaus verkossa",
                                "Työkalupakki", f"Tietoa {t.ela} työnantajille"))
            url = f"https://example.fi/{pid}/{slugify(title)}"
        else:
            title = rng.choice(("Koulutusmateriaali (diat)", "Arviointilomake (taulukko)"))
            url = f"https://example.org/files/{pid}-{n + 1}.pptx"
        res: dict = {"type": kind, "title": {"fi": title}, "url": url}
        if rng.random() < 0.6:
            lang = rng.choices(("fi", "sv", "en"), (85, 8, 7))[0]
            res["language"] = lang
            if lang == "sv":
                res["title"]["sv"] = f"Material om {t.sv}"
            elif lang == "en":
                res["title"]["en"] = f"Material on {t.en}"
        # Link health as an export writes it (ignored on import). Its own random
        # stream, so that adding it left the rest of the corpus as it was.
        health = random.Random(f"{pid}-{n}-link")
        if health.random() < 0.3:
            res["status"] = health.choices(("ok", "failing", "broken"), (80, 15, 5))[0]
            res["checked_at"] = f"2026-{health.randint(1, 11):02d}-{health.randint(1, 28):02d}T03:15:00+02:00"
            if kind == "pdf" and health.random() < 0.5:
                res["archived_url"] = f"https://mallipankki.example.fi/mallit/{pid}/arkisto/{n + 1}/"
        out.append(res)
    return out


def _evidence(rng: random.Random, pid: str) -> dict:
    level = rng.choices(range(6), (25, 30, 25, 12, 6, 2))[0]
    ev: dict = {}
    if rng.random() < 0.95:
        ev["level"] = level
    if rng.random() < 0.8:
        ev["summary"] = {"fi": (
            "Vaikuttavuutta ei ole vielä arvioitu.",
            "Hankkeen loppuraportissa kuvataan muutosteoria ja osallistujien kokemuksia.",
            f"Seurantatietojen mukaan {rng.randint(20, 60)} % osallistujista työllistyi tai aloitti "
            f"koulutuksen kuuden kuukauden kuluessa.",
            f"Vertailuryhmäasetelmassa ({rng.randint(80, 900)} osallistujaa) työllistyminen oli "
            f"{rng.randint(4, 15)} prosenttiyksikköä yleisempää kuin vertailuryhmässä.",
            "Riippumaton arviointi toisella alueella toisti keskeiset tulokset.",
            "Mallia on toteutettu laajasti useassa maassa, ja vaikutukset ovat säilyneet.",
        )[level]}
    if level > 0 and rng.random() < 0.8:
        ev["sources"] = [f"https://example.fi/julkaisut/{pid}-arviointi-{k + 1}.pdf"
                         for k in range(rng.randint(1, 3))]
    return ev or {"level": 0}


def _readiness(rng: random.Random) -> dict:
    out = {}
    for key, top in (("materials", 3), ("training", 2), ("fidelity", 3)):
        if rng.random() < 0.9:
            out[key] = rng.randint(0, top)
    return out or {"materials": rng.randint(0, 3)}


def _costs(rng: random.Random) -> dict:
    out: dict = {}
    if rng.random() < 0.9:
        eur = rng.randint(3, 400) * 10
        out["per_participant_eur"] = eur + 0.5 if rng.random() < 0.1 else eur
    if rng.random() < 0.5 or not out:
        out["notes"] = {"fi": rng.choice(COST_NOTES).format(y=rng.randint(2017, 2024))}
    return out


def _scaling(rng: random.Random, c: _Ctx, owner: str | None) -> dict:
    out: dict = {}
    if rng.random() < 0.9:
        out["stage"] = rng.choices(("pilot", "local", "regional", "national", "international"),
                                   (25, 35, 25, 12, 3))[0]
    if owner is not None and rng.random() < 0.7:
        out["continuity_owner"] = owner
    if rng.random() < 0.6:
        out["continuity_funding"] = rng.choice(CONTINUITY_FUNDING)
    if rng.random() < 0.5:
        out["plan"] = {"fi": rng.choice(SCALING_PLANS).format(
            n=rng.randint(2, 8), y=rng.randint(2025, 2028),
            region_loc=rng.choice(REGIONS).loc)}
    if rng.random() < 0.8:
        out["status"] = rng.choices(("in_project", "embedded", "ended", "unknown"), (30, 40, 20, 10))[0]
    if rng.random() < 0.6:
        out["last_verified"] = random_date(rng, date(2022, 1, 1), BASE_DATE).isoformat()
    return out or {"status": "unknown"}


def _adoptions(rng: random.Random, c: _Ctx) -> list[dict]:
    out = []
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.85:
            region = rng.choice(REGIONS)
            ad: dict = {"organisation": _regional_org(rng, region)}
            if rng.random() < 0.8:
                ad["country"] = "FI"
                if rng.random() < 0.75:
                    ad["region"] = region.code
        else:
            country = rng.choice(FOREIGN_COUNTRIES)
            ad = {"organisation": rng.choice(country.orgs), "country": country.code}
        if rng.random() < 0.8:
            ad["year"] = rng.randint(2012, 2025)
        if rng.random() < 0.5:
            ad["note"] = rng.choice(ADOPTION_NOTES).format(g_alla=c.group.alla, y=rng.randint(2015, 2024))
        out.append(ad)
    return out


def _contact(rng: random.Random, owner: str | None) -> dict:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    out: dict = {}
    if rng.random() < 0.9:
        out["name"] = f"{first} {last}"
    if owner is not None and rng.random() < 0.8:
        out["organisation"] = owner
    if rng.random() < 0.85:
        out["email"] = f"{slugify(first)}.{slugify(last)}@example.fi"
    if rng.random() < 0.5:
        out["phone"] = f"+358 {rng.choice(('40', '44', '50'))} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    if rng.random() < 0.7:
        out["public"] = rng.random() < 0.3
    return out or {"public": False}


def _make_practice(rng: random.Random, seed: int, index: int) -> dict:
    topic, stem = _topic_choice(seed, index)
    pid = f"{stem}-{index + 1:06d}"
    topic2 = rng.choice(TOPICS)
    while topic2 is topic:
        topic2 = rng.choice(TOPICS)
    group = rng.choice(GROUPS)

    roll = rng.random()
    country = None
    if roll < 0.80:
        countries = ["FI"]
    elif roll < 0.88:
        countries = ["FI"] + [k.code for k in rng.sample(FOREIGN_COUNTRIES, rng.randint(1, 2))]
    elif roll < 0.95:
        country = rng.choice(FOREIGN_COUNTRIES)
        countries = [country.code]
    else:
        countries = []  # country left unrecorded, as older records often are
    regions: list[Region] = []
    if "FI" in countries and rng.random() < 0.85:
        regions = rng.sample(REGIONS, rng.choices((1, 2, 3), (75, 18, 7))[0])
    region = regions[0] if regions else None
    city = rng.choice(region.cities) if region else None
    ctx = _Ctx(topic, topic2, group, region, city, country, _project_name(rng))

    n_themes = rng.choices((1, 2, 3), (45, 40, 15))[0]
    themes = list(topic.themes[:n_themes])
    while len(themes) < n_themes:
        extra = rng.choice(ALL_THEME_CODES)
        if extra not in themes:
            themes.append(extra)

    target_groups = list(group.codes)
    if rng.random() < 0.35:
        extra = rng.choice(SECONDARY_GROUP_CODES)
        if extra not in target_groups:
            target_groups.append(extra)

    resources = _resources(rng, ctx, pid) if rng.random() < 0.55 else None
    name = {"fi": _name_fi(rng, ctx)}
    summary = {"fi": _summary_fi(rng, ctx)}
    description = ({"fi": _description_fi(rng, ctx, resources[0] if resources else None)}
                   if rng.random() < 0.9 else None)
    _translations(rng, ctx, name, summary, description)

    funding, funders = _funding(rng, ctx) if rng.random() < 0.65 else (None, [])
    organisations = _organisations(rng, ctx, funders) if rng.random() < 0.85 else None
    owner = None
    if organisations:
        owner = next((o["name"] for o in organisations if o["role"] in ("owner", "developer")),
                     organisations[0]["name"])

    keywords = [topic.nom]
    for kw in rng.sample(EXTRA_KEYWORDS, rng.randint(0, 5)):
        if kw not in keywords:
            keywords.append(kw)

    rec: dict = {"id": pid, "name": name, "summary": summary}
    if description is not None:
        rec["description"] = description
    rec["themes"] = themes
    if rng.random() < 0.9:
        rec["target_groups"] = target_groups
    if rng.random() < 0.8:
        rec["keywords"] = keywords
    if countries:
        rec["countries"] = countries
    if regions:
        rec["regions"] = [r.code for r in regions]
    if organisations:
        rec["organisations"] = organisations
    if funding:
        rec["funding"] = funding
    if resources:
        rec["resources"] = resources
    if rng.random() < 0.5:
        rec["evidence"] = _evidence(rng, pid)
    if rng.random() < 0.4:
        rec["readiness"] = _readiness(rng)
    if rng.random() < 0.3:
        rec["costs"] = _costs(rng)
    if rng.random() < 0.5:
        rec["scaling"] = _scaling(rng, ctx, owner)
    if index > 0 and rng.random() < 0.2:
        # range() is sampled lazily, so this stays O(1) however deep we are.
        earlier = rng.sample(range(index), min(index, rng.randint(1, 2)))
        rec["builds_on"] = [practice_id(seed, j) for j in sorted(earlier)]
    if rng.random() < 0.25:
        rec["adoptions"] = _adoptions(rng, ctx)
    if rng.random() < 0.6:
        rec["contact"] = _contact(rng, owner)

    status = rng.choices(("published", "draft", "in_review", "submitted", "archived", "rejected"),
                         (85, 6, 4, 2, 2, 1))[0]
    if rng.random() < 0.95 or status != "published":
        rec["status"] = status
    span = int((BASE_TIME - EARLIEST_PUBLICATION).total_seconds())
    published = BASE_TIME - timedelta(seconds=rng.randint(86400, span))
    if status in ("published", "archived") and rng.random() < 0.95:
        rec["published_at"] = iso_time(published)
    if rng.random() < 0.85:
        delta = int((BASE_TIME - published).total_seconds())
        rec["updated_at"] = iso_time(published + timedelta(seconds=rng.randint(0, delta)))
    return rec


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def generate_practices(n: int, seed: int = 1) -> Iterator[dict]:
    """Yield n synthetic practice dicts, deterministically for a seed."""
    rng = random.Random(seed)
    for index in range(n):
        yield _make_practice(rng, seed, index)


def write_corpus(n: int, fp: IO[str], seed: int = 1, progress: IO[str] | None = None) -> None:
    """Write an interchange file with n practices to the text stream fp.

    Records are serialised one at a time, so memory stays flat for any n.
    If progress is a stream, a line is written to it after every 10 %.
    """
    fp.write('{"format": "practices", "version": 1, '
             f'"exported_at": "{iso_time(BASE_TIME)}", "practices": [')
    step = max(1, n // 10)
    for index, rec in enumerate(generate_practices(n, seed)):
        fp.write("\n" if index == 0 else ",\n")
        fp.write(json.dumps(rec, ensure_ascii=False))
        if progress is not None and (index + 1) % step == 0:
            progress.write(f"generate_corpus: {index + 1}/{n} ({(index + 1) * 100 // n} %)\n")
            progress.flush()
    fp.write("\n]}\n" if n else "]}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of practices")
    parser.add_argument("--output", "-o", help="output file (default: stdout)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    progress = sys.stderr if args.n >= 10000 else None
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as fp:
            write_corpus(args.n, fp, seed=args.seed, progress=progress)
    else:
        # The console encoding may not be UTF-8; the file format must be.
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
        try:
            write_corpus(args.n, out, seed=args.seed, progress=progress)
            out.flush()
        finally:
            out.detach()
    return 0


if __name__ == "__main__":
    sys.exit(main())
