"""The open data described as a DCAT-AP dataset, in JSON-LD.

Served at /avoin-data/dcat.jsonld for data portals (e.g. avoindata.fi) to
harvest, and embedded in /avoin-data/ for search engines. The context is
written out here rather than referenced, so the document can be read without
fetching anything.

The titles and descriptions are in all three languages at once, as a
multilingual catalogue record must be; they are written here and not through
gettext, which gives one language per request.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Max
from django.urls import reverse

from mallipankki.practices.interchange import format_datetime
from mallipankki.practices.listing import published_practices
from mallipankki.vocabularies.models import Theme

PUBLISHER_NAME = "Yhteiskunnallisten yritysten osaamiskeskus"
LICENCE = "http://creativecommons.org/licenses/by/4.0/"
LICENCE_PAGE = "https://creativecommons.org/licenses/by/4.0/deed.fi"
EU_THEME = "http://publications.europa.eu/resource/authority/data-theme/SOCI"  # population and society
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
EU_FREQUENCY_CONTINUOUS = "http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT"
IANA_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:modified": {"@type": "xsd:dateTime"},
    "dcat:accessURL": {"@type": "@id"},
    "dcat:downloadURL": {"@type": "@id"},
    "dcat:landingPage": {"@type": "@id"},
    "dcat:theme": {"@type": "@id"},
    "dcat:mediaType": {"@type": "@id"},
    "dct:format": {"@type": "@id"},
    "dct:license": {"@type": "@id"},
    "dct:language": {"@type": "@id"},
    "dct:accrualPeriodicity": {"@type": "@id"},
    "dct:conformsTo": {"@type": "@id"},
    "vcard:hasURL": {"@type": "@id"},
    "vcard:hasEmail": {"@type": "@id"},
    "foaf:homepage": {"@type": "@id"},
}

TITLE = {
    "fi": "Mallipankki: työllisyyden edistämisen hyvät käytänteet ja mallit",
    "sv": "Mallipankki: goda praxis och modeller för att främja sysselsättning",
    "en": "Mallipankki: good practices and models for promoting employment",
}
DESCRIPTION = {
    "fi": (
        "Mallipankissa julkaistut hyvät käytänteet ja mallit, jotka auttavat heikossa työmarkkina-asemassa "
        "olevia töihin: kuvaukset, teemat, kohderyhmät, alueet, organisaatiot, rahoitus, aineistot, "
        "arvioinnin tulokset (näytön taso ja käyttöönottovalmius), levinneisyys ja käyttöönotot. "
        "Päivittyy heti, kun malli julkaistaan tai sitä muutetaan."
    ),
    "sv": (
        "Goda praxis och modeller som publicerats i Mallipankki och som hjälper personer i svag ställning "
        "på arbetsmarknaden till arbete: beskrivningar, teman, målgrupper, regioner, organisationer, "
        "finansiering, material, bedömningens resultat (evidensnivå och beredskap för ibruktagande), "
        "spridning och ibruktaganden. Uppdateras så snart en modell publiceras eller ändras."
    ),
    "en": (
        "Good practices and models published in Mallipankki that help people in a weak labour-market "
        "position into work: descriptions, themes, target groups, regions, organisations, funding, "
        "resources, evaluation results (level of evidence and implementation readiness), scaling and "
        "adoptions. Updated as soon as a practice is published or changed."
    ),
}
DISTRIBUTION_TITLES = {
    "json": {
        "fi": "Kaikki julkaistut mallit (JSON, tiedonsiirtomuoto practices-v1)",
        "sv": "Alla publicerade modeller (JSON, utbytesformat practices-v1)",
        "en": "All published practices (JSON, interchange format practices-v1)",
    },
    "csv": {
        "fi": "Kaikki julkaistut mallit (CSV, yksi rivi mallia kohden)",
        "sv": "Alla publicerade modeller (CSV, en rad per modell)",
        "en": "All published practices (CSV, one row per practice)",
    },
}


def _texts(texts: dict[str, str]) -> list[dict]:
    return [{"@language": lang, "@value": text} for lang, text in texts.items()]


def absolute(path: str) -> str:
    return settings.BASE_URL + path


@dataclass(frozen=True)
class DatasetFacts:
    count: int
    modified: datetime | None  # when a practice was last published


def dataset_facts() -> DatasetFacts:
    facts = published_practices().aggregate(count=Count("pk"), modified=Max("last_published_at"))
    return DatasetFacts(count=facts["count"], modified=facts["modified"])


def contact_email() -> str:
    return settings.OPEN_DATA_CONTACT_EMAIL or settings.DEFAULT_FROM_EMAIL


def _distribution(kind: str, path: str, media_type: str, file_type: str, schema_url: str | None = None) -> dict:
    url = absolute(path)
    distribution = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _texts(DISTRIBUTION_TITLES[kind]),
        "dcat:accessURL": url,
        "dcat:downloadURL": url,
        "dcat:mediaType": IANA_MEDIA_TYPE + media_type,
        "dct:format": EU_FILE_TYPE + file_type,
        "dct:license": LICENCE,
    }
    if schema_url:
        distribution["dct:conformsTo"] = schema_url
    return distribution


def dcat_dataset(facts: DatasetFacts | None = None) -> dict:
    """The dataset with its JSON and CSV distributions, as a JSON-LD document."""
    facts = facts or dataset_facts()
    landing_page = absolute(reverse("open_data"))
    theme_names = Theme.objects.order_by("name_fi").values_list("name_fi", flat=True)
    dataset = {
        "@context": CONTEXT,
        "@id": landing_page + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": landing_page + "#dataset",
        "dct:title": _texts(TITLE),
        "dct:description": _texts(DESCRIPTION),
        "dct:publisher": {
            "@id": settings.BASE_URL + "/#publisher",
            "@type": "foaf:Agent",
            "foaf:name": PUBLISHER_NAME,
            "foaf:homepage": settings.BASE_URL + "/",
        },
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": PUBLISHER_NAME,
            "vcard:hasEmail": "mailto:" + contact_email(),
            "vcard:hasURL": landing_page,
        },
        "dct:license": LICENCE,
        "dcat:landingPage": landing_page,
        "dcat:theme": EU_THEME,
        "dcat:keyword": [{"@language": "fi", "@value": name} for name in theme_names],
        "dct:language": [EU_LANGUAGE + code for code in ("FIN", "SWE", "ENG")],
        "dct:accrualPeriodicity": EU_FREQUENCY_CONTINUOUS,
        "dcat:distribution": [
            _distribution(
                "json",
                reverse("api-v1:export_json"),
                "application/json",
                "JSON",
                schema_url=absolute(reverse("open_data_schema")),
            ),
            _distribution("csv", reverse("api-v1:export_csv"), "text/csv", "CSV"),
        ],
    }
    if facts.modified:
        dataset["dct:modified"] = format_datetime(facts.modified)
    return dataset
