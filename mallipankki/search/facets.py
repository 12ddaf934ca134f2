"""The search facets: what they are called, where their values come from.

A facet value is a code (a vocabulary code, an evidence level, a scaling
stage or a resource type), stored per document in SearchFacet and shown with
a label in the reader's language. Filters are ``{facet key: [codes]}``;
codes are ORed within a facet and facets are ANDed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from mallipankki.practices.models import PracticePage, Resource
from mallipankki.vocabularies.kept import terms_in_order
from mallipankki.vocabularies.models import Country, Region, TargetGroup, Theme

# A filter never needs more values than a facet has; anything beyond is junk.
MAX_VALUES_PER_FACET = 50
MAX_CODE_LENGTH = 100


@dataclass(frozen=True)
class Facet:
    key: str  # filters dict key and SearchFacet.facet
    param: str  # query-string parameter on /haku/
    label: str
    # (code, label) pairs in display order, limited to `codes` when given.
    choices: Callable[[Iterable[str] | None], list[tuple[str, str]]]
    # A short list is read whole once; a long one (countries) code by code.
    short: bool = True


def _vocabulary(model) -> Callable[[Iterable[str] | None], list[tuple[str, str]]]:
    def choices(codes: Iterable[str] | None = None) -> list[tuple[str, str]]:
        # The whole vocabulary, kept per process until a term is edited
        # (vocabularies/kept.py): four statements on every catalogue page otherwise.
        terms = terms_in_order(model)
        if codes is not None:
            wanted = set(codes)
            terms = [term for term in terms if term.code in wanted]
        if model is Country:
            # Countries are ordered by name in the reader's language (a new list: the kept one is shared).
            terms = sorted(terms, key=lambda term: term.name.casefold())
        return [(term.code, term.name) for term in terms]

    return choices


def _static(pairs: Callable[[], list[tuple[object, str]]]) -> Callable[[Iterable[str] | None], list[tuple[str, str]]]:
    def choices(codes: Iterable[str] | None = None) -> list[tuple[str, str]]:
        wanted = None if codes is None else set(codes)
        return [(str(code), str(label)) for code, label in pairs() if wanted is None or str(code) in wanted]

    return choices


# "has_adoptions": someone besides the developer uses the practice (at least
# one Adoption on the live page; see indexing.document_entry). Only "yes" is
# a value: practices without adoptions are what is left when it is not chosen.
ADOPTION_CHOICES = [("yes", _("Käytössä muuallakin"))]

FACETS: dict[str, Facet] = {
    facet.key: facet
    for facet in (
        Facet("theme", "teema", _("Teema"), _vocabulary(Theme)),
        Facet("target_group", "kohderyhma", _("Kohderyhmä"), _vocabulary(TargetGroup)),
        Facet("country", "maa", _("Maa"), _vocabulary(Country), short=False),
        Facet("region", "maakunta", _("Maakunta"), _vocabulary(Region)),
        Facet("evidence_level", "naytto", _("Näytön taso"), _static(lambda: PracticePage.EvidenceLevel.choices)),
        Facet("scaling_stage", "levinneisyys", _("Levinneisyys"), _static(lambda: PracticePage.ScalingStage.choices)),
        Facet("resource_type", "aineisto", _("Aineisto"), _static(lambda: Resource.Kind.choices)),
        Facet(
            "continuity_status",
            "jatkuvuus",
            _("Toiminnan tila"),
            _static(lambda: PracticePage.ContinuityStatus.choices),
        ),
        Facet("has_adoptions", "kayttoonotot", _("Käyttöönotot"), _static(lambda: ADOPTION_CHOICES)),
    )
}


class FacetLabels:
    """Facet values and their labels, read from the vocabularies once per search."""

    def __init__(self):
        self._known: dict[str, dict[str, str]] = {}
        self._complete: set[str] = set()

    def choices(self, key: str, codes: Iterable[str]) -> list[tuple[str, str]]:
        """(code, label) of the known ``codes``, in display order."""
        facet = FACETS[key]
        codes = set(codes)
        known = self._known.setdefault(key, {})
        if facet.short and key not in self._complete:
            known.update(facet.choices(None))
            self._complete.add(key)
        elif not facet.short and codes - known.keys():
            known.update(facet.choices(codes - known.keys()))
        # Dicts keep insertion order; a partly read long facet is re-sorted.
        pairs = [(code, label) for code, label in known.items() if code in codes]
        return pairs if facet.short else sorted(pairs, key=lambda pair: pair[1].casefold())


def clean_filters(filters: dict[str, Iterable[str]] | None, labels: FacetLabels | None = None) -> dict[str, list[str]]:
    """Known facets and known codes only, each code once, in the given order.

    Unknown codes are dropped rather than matched (they could only match
    nothing); the result is what the search applies and shows as selected.
    """
    labels = labels or FacetLabels()
    cleaned: dict[str, list[str]] = {}
    for key, values in (filters or {}).items():
        facet = FACETS.get(key)
        if facet is None or isinstance(values, str | bytes):
            continue
        wanted = []
        for value in values:
            if (
                isinstance(value, str)
                and 0 < len(value) <= MAX_CODE_LENGTH
                and value.isprintable()
                and value not in wanted
            ):
                wanted.append(value)
            if len(wanted) >= MAX_VALUES_PER_FACET:
                break
        if not wanted:
            continue
        known = {code for code, _label in labels.choices(key, wanted)}
        codes = [code for code in wanted if code in known]
        if codes:
            cleaned[key] = codes
    return cleaned


def facet_values(
    counts: dict[str, dict[str, int]], selected: dict[str, list[str]], labels: FacetLabels | None = None
) -> dict[str, list[dict[str, object]]]:
    """Facets in display order: values that have results, and selected ones.

    ``counts`` is ``{facet: {code: count}}`` as the engine computed it.
    """
    labels = labels or FacetLabels()
    result: dict[str, list[dict[str, object]]] = {}
    for key in FACETS:
        facet_counts = counts.get(key, {})
        chosen = selected.get(key, [])
        shown = {code for code, count in facet_counts.items() if count} | set(chosen)
        result[key] = [
            {"code": code, "label": label, "count": facet_counts.get(code, 0), "selected": code in chosen}
            for code, label in (labels.choices(key, shown) if shown else [])
        ]
    return result
