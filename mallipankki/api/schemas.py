"""Request and response shapes of the open-data API (they make the OpenAPI document)."""

from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import BaseModel, ConfigDict, StringConstraints, WithJsonSchema, field_validator

# Codes are at most 100 characters in every vocabulary and never contain
# control characters; anything else is refused by validation before it reaches
# the database (PostgreSQL cannot even take a NUL byte as a parameter).
Code = Annotated[str, StringConstraints(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")]
MAX_VALUES_PER_FILTER = 50
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000_000
MAX_QUERY_LENGTH = 1000
# The filters that take codes; an empty value ("?country=", as an HTML form
# sends an unchosen select) is no filter, like an absent one.
CODE_FILTERS = ("theme", "target_group", "country", "region", "scaling_stage")
# A level, or empty for no filter: validated as int | None after an empty
# value has become None (PracticeFilters below), documented with the empty value.
EvidenceLevel = Annotated[
    int | None,
    WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 5}, {"type": "string", "const": ""}, {"type": "null"}]}
    ),
]


Language = Literal["fi", "sv", "en"]
LANG_DESCRIPTION = (
    "Vastauksen kieli: fi, sv tai en. Ilman tätä kieli valitaan Accept-Language-otsakkeesta, muuten suomi. "
    "Kentät `texts` ja `labels` antavat tekstit ja sanastojen nimet tällä kielellä; tekstin puuttuessa "
    "sillä kielellä annetaan se kieli, joka on (suomi, ruotsi, englanti), ja `lang` kertoo kumpi."
)


class LocalizedText(Schema):
    value: str = Field(description="Teksti.")
    lang: Language = Field(description="Tekstin kieli (fi, sv, en); eri kuin pyydetty, jos pyydettyä ei ole.")


class Label(Schema):
    code: str = Field(description="Sanaston koodi.")
    value: str = Field(description="Nimi pyydetyllä kielellä, jos se on; muuten suomeksi.")
    lang: Language = Field(description="Nimen kieli.")


REGION_CODES = (
    "Maakunta: koodi (ISO 3166-2:FI, esim. FI-10) tai maakunnan sivun tunnus (esim. lappi, kuten /alueet/lappi/)."
)


def integral(value):
    """ "2.0" as 2: JSON Schema counts 2.0 as the integer 2, so a client built
    from the OpenAPI document may send it so. "2.5" stays as it is (refused)."""
    if isinstance(value, str) and "." in value:
        try:
            number = float(value)
        except ValueError:
            return value
        if number.is_integer():
            return int(number)
    return value


def codes(description: str):
    """A repeatable code parameter (theme, target group, region …): its one shape, with its meaning."""
    return Field(default_factory=list, max_length=MAX_VALUES_PER_FILTER, description=description)


class VocabularyFilters(Schema):
    """The filters on codes and levels, shared by /practices and /export.csv."""

    theme: list[Code] = codes("Teeman koodi (ks. /vocabularies). Toistettuna: jokin annetuista. Tyhjä arvo ei rajaa.")
    target_group: list[Code] = codes("Kohderyhmän koodi. Toistettuna: jokin annetuista. Tyhjä arvo ei rajaa.")
    country: list[Code] = codes(
        "Maan koodi (ISO 3166-1 alpha-2, esim. FI). Toistettuna: jokin annetuista. Tyhjä arvo ei rajaa."
    )
    region: list[Code] = codes(REGION_CODES + " Toistettuna: jokin annetuista. Tyhjä arvo ei rajaa.")
    evidence_min: EvidenceLevel = Field(
        None, ge=0, le=5, description="Näytön taso vähintään (0–5). Tyhjä arvo ei rajaa."
    )
    scaling_stage: list[Code] = codes(
        "Levinneisyys: pilot, local, regional, national tai international. Toistettuna: jokin annetuista. "
        "Tyhjä arvo ei rajaa."
    )

    @field_validator(*CODE_FILTERS)
    @classmethod
    def _empty_code_is_no_filter(cls, codes: list[str]) -> list[str]:
        return [code for code in codes if code]

    @field_validator("evidence_min", mode="before")
    @classmethod
    def _empty_level_is_no_filter(cls, level):
        return None if level == "" else integral(level)


class PracticeFilters(VocabularyFilters):
    q: str | None = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description=(
            "Hakusanat. Suomi taivutusmuotoineen ja yhdyssanoineen (työkokeiluun löytää työkokeilun), "
            "ruotsi ja englanti. Mallit järjestetään osuvuuden mukaan; muut rajaukset pätevät hakuun."
        ),
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Montako mallia sivulla (1–100).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Montako mallia ohitetaan alusta.")
    lang: Language | None = Field(None, description=LANG_DESCRIPTION)

    @field_validator("limit", "offset", mode="before")
    @classmethod
    def _integral_count(cls, value):
        return integral(value)

    laajenna: Literal["kylla", "ei"] = Field(
        "kylla",
        description=(
            "Laajennetaanko haku tesauruksen avulla muihin kieliin ja synonyymeihin (palkkatuki löytää myös "
            "mallit, joissa sanotaan lönesubvention tai wage subsidy). `ei` hakee vain kirjoitetuilla sanoilla."
        ),
    )


class PracticeItem(Schema):
    id: str = Field(description="Mallin pysyvä tunnus.")
    name: dict[str, str] = Field(description="Nimi kielittäin (fi, sv, en).")
    summary: dict[str, str] = Field(default_factory=dict, description="Tiivistelmä kielittäin.")
    themes: list[str] = Field(default_factory=list)
    target_groups: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    evidence_level: int | None = Field(None, description="Näytön taso 0–5, tyhjä jos ei ilmoitettu.")
    scaling_stage: str | None = None
    updated_at: str | None = Field(None, description="Sisältö päivitetty (UTC, ISO 8601).")
    url: str = Field(description="Mallin sivu Mallipankissa.")
    lang: Language = Field(description="Pyydetty kieli (parametri lang tai Accept-Language, muuten fi).")
    texts: dict[str, LocalizedText] = Field(
        description="Nimi ja tiivistelmä pyydetyllä kielellä tai sillä, joka on; `lang` kertoo tekstin kielen."
    )
    labels: dict[str, list[Label]] = Field(
        description="Teemojen, kohderyhmien, maakuntien ja maiden nimet pyydetyllä kielellä (avaimet kuten yllä)."
    )


class FacetCount(Schema):
    code: str = Field(description="Arvon koodi, sama kuin vastaavassa rajauksessa.")
    count: int = Field(description="Montako hakuehtoja vastaavaa mallia arvolla on.")


class Facets(Schema):
    """Counts per value for the current query and filters; each facet's own
    filter is left out of its counts, so they show what choosing a value
    would give."""

    theme: list[FacetCount] = Field(description="Teemat (rajaus theme).")
    target_group: list[FacetCount] = Field(description="Kohderyhmät (rajaus target_group).")
    country: list[FacetCount] = Field(description="Maat (rajaus country).")
    region: list[FacetCount] = Field(description="Maakunnat (rajaus region).")
    evidence_level: list[FacetCount] = Field(description="Näytön taso 0–5 (rajaus evidence_min).")
    scaling_stage: list[FacetCount] = Field(description="Levinneisyys (rajaus scaling_stage).")
    resource_type: list[FacetCount] = Field(description="Aineistojen tyypit: pdf, link.")
    continuity_status: list[FacetCount] = Field(description="Toiminnan tila: in_project, embedded, ended, unknown.")
    has_adoptions: list[FacetCount] = Field(description="Mallit, joilla on käyttöönottoja: yes.")


class ConceptLabel(Schema):
    lang: str = Field(description="Nimikkeen kieli: fi, sv tai en.")
    label: str


class Widening(Schema):
    concept: str = Field(description="Tesauruksen käsitteen tunniste.")
    matched: str = Field(description="Hakusanat, jotka nimesivät käsitteen.")
    labels: list[ConceptLabel] = Field(description="Käsitteen ensisijaiset nimikkeet, joilla haku laajeni.")


class PracticeList(Schema):
    count: int = Field(description="Hakuehtoja vastaavien mallien määrä.")
    items: list[PracticeItem]
    facets: Facets = Field(
        description=(
            'Mallien määrät arvoittain hakuehdoilla, muotoa {"theme": [{"code": …, "count": …}], …}; '
            "vain arvot, joilla on malleja, eniten malleja ensin."
        )
    )
    expanded_with: list[Widening] = Field(
        default_factory=list,
        description=(
            "Tesauruksen käsitteet, joiden muilla nimikkeillä haku laajeni (tyhjä ilman hakusanoja "
            "tai kun laajenna=ei). Muilla nimikkeillä löytyneet mallit tulevat omien sanojen osumien jälkeen."
        ),
    )


class LineageLink(Schema):
    id: str = Field(description="Toisen mallin tunnus.")
    note: str = Field("", description="Mitä muutettiin (yhden rivin kuvaus); tyhjä, jos sitä ei ole kerrottu.")


class Lineage(Schema):
    builds_on: list[LineageLink] = Field(
        default_factory=list,
        description="Julkaistut mallit, joihin tämä malli pohjautuu, ja mitä tässä mallissa muutettiin.",
    )
    built_upon_by: list[LineageLink] = Field(
        default_factory=list,
        description="Julkaistut mallit, jotka pohjautuvat tähän malliin, ja mitä niissä muutettiin.",
    )


class PracticeDetail(BaseModel):
    """A practice record (practices-v1) with the page address and the lineage notes.

    The record's own fields are not repeated here: they are defined by
    formats/practices-v1.schema.json, and every one of them is passed through.
    A pydantic model, not a ninja Schema: a Schema reads its input through
    attribute access and would drop the fields it does not declare.
    """

    model_config = ConfigDict(extra="allow")

    id: str = Field(description="Mallin pysyvä tunnus.")
    url: str = Field(description="Mallin sivu Mallipankissa.")
    lineage: Lineage = Field(description="Sukulaismallit ja muutoskuvaukset (vain julkaistut mallit).")
    lang: Language = Field(description="Pyydetty kieli (parametri lang tai Accept-Language, muuten fi).")
    texts: dict[str, LocalizedText | list[LocalizedText | None]] = Field(
        description=(
            "Mallin tekstit pyydetyllä kielellä tai sillä, joka on, paikan mukaan: name, summary, description, "
            "evidence.summary, costs.notes, scaling.plan ja resources.title (luettelo aineistojen järjestyksessä)."
        )
    )
    labels: dict[str, list[Label]] = Field(description="Sanastojen nimet pyydetyllä kielellä.")


class Term(Schema):
    code: str
    name: dict[str, str]


class Vocabularies(Schema):
    format: str = "vocabularies"
    version: int = 1
    themes: list[Term]
    target_groups: list[Term]
    regions: list[Term]
    countries: list[Term]


class Error(Schema):
    detail: Any = Field(description="Virheen kuvaus; validointivirheissä luettelo virheellisistä parametreista.")


class MatchQuery(Schema):
    description: str = Field(
        min_length=1,
        max_length=5000,
        description=(
            "Suunnitellun hankkeen kuvaus omin sanoin (enintään 5 000 merkkiä): ongelma, kohderyhmä, toimet "
            "ja alue. Mallit järjestetään sen mukaan, miten hyvin ne vastaavat koko kuvausta; mikään sana ei "
            "ole pakollinen."
        ),
    )
    theme: list[Code] = codes("Teeman koodi. Toistettavissa. Nostaa mallit, joilla teema on; ei rajaa muita pois.")
    target_group: list[Code] = codes("Kohderyhmän koodi. Toistettavissa. Nostaa, ei rajaa.")
    region: list[Code] = codes(REGION_CODES + " Toistettavissa. Nostaa, ei rajaa.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Montako mallia enintään (1–100).")

    @field_validator("theme", "target_group", "region")
    @classmethod
    def _empty_code_is_no_boost(cls, codes: list[str]) -> list[str]:
        return [code for code in codes if code]


class MatchItem(Schema):
    id: str = Field(description="Mallin pysyvä tunnus.")
    name: dict[str, str] = Field(description="Nimi kielittäin (fi, sv, en).")
    url: str = Field(description="Mallin sivu Mallipankissa.")
    score: float = Field(description="Sopivuus: paras kuvaukseen sopiva malli 1,0, lisäksi valintojen nostot.")
    reasons: list[str] = Field(description="Miksi malli sopii: yhteiset kohderyhmät, teemat, maakunnat ja sanat.")


class MatchList(Schema):
    count: int = Field(description="Montako mallia vastauksessa on.")
    items: list[MatchItem]
