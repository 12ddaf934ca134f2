"""Request and response shapes of the open-data API (they make the OpenAPI document)."""

from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import StringConstraints

# Codes are at most 100 characters in every vocabulary and never contain
# control characters; anything else is refused by validation before it reaches
# the database (PostgreSQL cannot even take a NUL byte as a parameter).
Code = Annotated[str, StringConstraints(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")]
MAX_VALUES_PER_FILTER = 50
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000_000


class PracticeFilters(Schema):
    theme: list[Code] = Field(
        default_factory=list,
        max_length=MAX_VALUES_PER_FILTER,
        description="Teeman koodi (ks. /vocabularies). Toistettuna: jokin annetuista.",
    )
    target_group: list[Code] = Field(
        default_factory=list,
        max_length=MAX_VALUES_PER_FILTER,
        description="Kohderyhmän koodi. Toistettuna: jokin annetuista.",
    )
    country: list[Code] = Field(
        default_factory=list,
        max_length=MAX_VALUES_PER_FILTER,
        description="Maan koodi (ISO 3166-1 alpha-2, esim. FI). Toistettuna: jokin annetuista.",
    )
    region: list[Code] = Field(
        default_factory=list,
        max_length=MAX_VALUES_PER_FILTER,
        description="Maakunnan koodi (ISO 3166-2:FI, esim. FI-18). Toistettuna: jokin annetuista.",
    )
    evidence_min: int | None = Field(None, ge=0, le=5, description="Näytön taso vähintään (0–5).")
    scaling_stage: list[Code] = Field(
        default_factory=list,
        max_length=MAX_VALUES_PER_FILTER,
        description="Levinneisyys: pilot, local, regional, national tai international. Toistettuna: jokin annetuista.",
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Montako mallia sivulla (1–100).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Montako mallia ohitetaan alusta.")


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


class PracticeList(Schema):
    count: int = Field(description="Hakuehtoja vastaavien mallien määrä.")
    items: list[PracticeItem]


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
