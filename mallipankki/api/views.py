"""The read-only open-data API, mounted at /api/v1/.

Anonymous and read-only: every operation answers GET (and HEAD); anything
else is 405. Everything listed goes through `published_practices()`, and every
practice is written by `practice_to_record` (the one mapping to the
interchange format) in its public form, so drafts and private contact details
never leave through here.
"""

import re

from django.core.exceptions import SuspiciousOperation
from django.db import OperationalError, ProgrammingError
from django.db.models import CharField, Prefetch, Q, Value
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_vary_headers
from ninja import NinjaAPI, Query, Swagger
from ninja.errors import HttpError, ValidationError

from mallipankki.core.unavailable import database_failure_response
from mallipankki.imports.exporter import iter_export_json
from mallipankki.links.health import add_to_records as add_link_health
from mallipankki.planning.matcher import Plan, match_practices
from mallipankki.practices.interchange import export_queryset, practice_to_record, public_url
from mallipankki.practices.lineage import lineage_notes
from mallipankki.practices.listing import published_practices
from mallipankki.practices.models import BuildsOnLink, PracticePage
from mallipankki.search.facets import FACETS
from mallipankki.search.service import facet_counts, rank_practices
from mallipankki.vocabularies.models import Country, Region, TargetGroup, Theme

from .csv_export import iter_export_csv
from .languages import record_labels, record_texts, requested_language
from .schemas import (
    Error,
    Language,
    MatchList,
    MatchQuery,
    PracticeDetail,
    PracticeFilters,
    PracticeList,
    Vocabularies,
    VocabularyFilters,
)

DESCRIPTION = """\
Mallipankin avoin data: työllisyyden edistämisen hyvät käytänteet ja mallit
koneluettavassa muodossa. Rajapinta on avoin ja vain luettava: tunnistautumista
ei tarvita, ja kaikki vastaukset ovat JSON-muotoisia, ellei toisin mainita.

* `/practices` – julkaistut mallit sivuittain; hae sanoilla (`q`, osuvimmat
  ensin) ja rajaa teeman, kohderyhmän, maan, maakunnan, näytön tason ja
  levinneisyyden mukaan. Saman rajauksen toistetut arvot yhdistetään
  TAI-ehdolla, eri rajaukset JA-ehdolla. Vastauksen `facets` kertoo mallien
  määrät rajausten arvoittain.
* `/practices/{id}` – yksi malli tiedonsiirtomuodossa (practices-v1).
* `/vocabularies` – teemojen, kohderyhmien, maakuntien ja maiden koodit ja nimet.
* `/export.json` ja `/export.csv` – kaikki julkaistut mallit yhtenä tiedostona.

Tyhjä rajaus (esim. `country=`) ei rajaa mitään. Virheellinen parametri (esim.
tuntematon koodi) palauttaa tilakoodin 422 ja kuvauksen virheellisistä arvoista.
Palvelin hylkää yli 4 094 tavun pyyntörivin (osoite parametreineen)
tilakoodilla 414. Tilakoodi 503 ja otsake Retry-After kertovat, että palvelu on
hetkellisesti poissa käytöstä. Uudet ja päivitetyt mallit ovat myös
Atom-syötteenä osoitteessa /syotteet/mallit.atom.
"""


class OpenDataAPI(NinjaAPI):
    """The OpenAPI document also lists the codes that each filter takes.

    Vocabulary codes are data that admins edit, so they are read from the
    database for each request of the document rather than fixed in the request
    schema; the filters check them in `filter_practices` (an unknown code is a
    422). The empty value is listed too: it means no filter.
    """

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        codes = {
            name: list(model.objects.order_by("code").values_list("code", flat=True))
            for name, (model, _, _) in VOCABULARY_FILTERS.items()
        }
        # A region is also named by its page's slug (/alueet/lappi/).
        codes["region"] += list(Region.objects.order_by("slug").values_list("slug", flat=True))
        codes["scaling_stage"] = list(PracticePage.ScalingStage.values)
        for path, operations in schema["paths"].items():
            if path.endswith(FILTERED_PATHS):
                for parameter in operations["get"]["parameters"]:
                    if parameter["name"] in codes:
                        parameter["schema"]["items"]["enum"] = ["", *codes[parameter["name"]]]
        return schema


class SiteSwagger(Swagger):
    """Swagger UI in a page of ours: its language, and a link back to the site."""

    template = "api/docs.html"


api = OpenDataAPI(
    title="Mallipankki avoin data",
    docs=SiteSwagger(),
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(SuspiciousOperation)
def bad_request(request: HttpRequest, exc: SuspiciousOperation):
    # E.g. more query parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS allows.
    return api.create_response(request, {"detail": "Bad request."}, status=400)


@api.exception_handler(OperationalError)
@api.exception_handler(ProgrammingError)
def database_failure(request: HttpRequest, exc: Exception):
    # A database that is down or not migrated is a JSON 503 with Retry-After
    # (core/unavailable.py); any other database error goes on to Django.
    response = database_failure_response(request, exc)
    if response is None:
        raise exc
    return response


PRACTICE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
# The operations that take VocabularyFilters.
FILTERED_PATHS = ("/practices", "/export.csv", "/matches")
VOCABULARY_FILTERS = {
    "theme": (Theme, PracticePage.themes.through, "theme__code__in"),
    "target_group": (TargetGroup, PracticePage.target_groups.through, "targetgroup__code__in"),
    "country": (Country, PracticePage.countries.through, "country__code__in"),
    "region": (Region, PracticePage.regions.through, "region__code__in"),
}


def read_only(path: str, **kwargs):
    """Registers a view for GET and HEAD; only GET appears in the OpenAPI document."""

    def decorator(view):
        api.api_operation(["HEAD"], path, include_in_schema=False, **kwargs)(view)
        return api.get(path, **kwargs)(view)

    return decorator


def _shown(value: str) -> str:
    """A rejected value as it can be safely quoted back in an error message."""
    return repr(value if len(value) <= 100 else value[:100] + "…")


def _unknown(name: str, values: list[str]) -> dict:
    return {
        "loc": ["query", name],
        "msg": f"Unknown {name} code: " + ", ".join(_shown(value) for value in values),
        "type": "unknown_code",
    }


SINGLE_VALUED = ("q", "evidence_min", "limit", "offset")
# "2.0" is the whole number 2 (as in JSON Schema); "1e1", "-0", "2.5" are refused.
WHOLE_NUMBER = re.compile(r"[0-9]+(\.0+)?")


def check_single_values(request: HttpRequest) -> None:
    """Refuses what the parsed filters would silently bend: a parameter that
    takes one value given twice (only the last would count) and a level
    written as a decimal ("0.0")."""
    errors = [
        {"loc": ["query", name], "msg": f"{name} may be given only once", "type": "repeated_parameter"}
        for name in SINGLE_VALUED
        if len(request.GET.getlist(name)) > 1
    ]
    for name in ("evidence_min", "limit", "offset"):
        value = request.GET.get(name)
        if name == "evidence_min" and value == "":
            continue  # no filter, like an empty code
        if value is not None and not WHOLE_NUMBER.fullmatch(value):
            errors.append({"loc": ["query", name], "msg": f"{name} must be a whole number", "type": "int_type"})
    if errors:
        raise ValidationError(errors)


def known_codes(model, values: list[str]) -> dict[str, str]:
    """The codes that `values` name in `model`'s vocabulary: {value: code}.

    A region may also be named by the slug of its page (/alueet/lappi/), which
    people see and type more readily than FI-10; one query either way.
    """
    if model is Region:
        rows = Region.objects.filter(Q(code__in=values) | Q(slug__in=values)).values_list("code", "slug")
        return {value: code for code, slug in rows for value in (code, slug) if value in values}
    return {code: code for code in model.objects.filter(code__in=values).values_list("code", flat=True)}


def resolve_filters(filters: VocabularyFilters) -> VocabularyFilters:
    """`filters` with every vocabulary value as its code; an unknown value or
    stage raises a 422 naming every one."""
    errors, resolved = [], {}
    for name, (model, _, _) in VOCABULARY_FILTERS.items():
        values = list(dict.fromkeys(getattr(filters, name)))
        if not values:
            continue
        known = known_codes(model, values)
        if unknown := [value for value in values if value not in known]:
            errors.append(_unknown(name, unknown))
        resolved[name] = list(dict.fromkeys(known[value] for value in values if value in known))
    stages = dict.fromkeys(filters.scaling_stage)
    if unknown := [stage for stage in stages if stage not in PracticePage.ScalingStage.values]:
        errors.append(_unknown("scaling_stage", unknown))
    if errors:
        raise ValidationError(errors)
    return filters.model_copy(update=resolved)


def filter_practices(filters: VocabularyFilters):
    """Published practices matching `filters`, whose values resolve_filters() has checked."""
    queryset = published_practices()
    for name, (_, through, lookup) in VOCABULARY_FILTERS.items():
        if codes := getattr(filters, name):
            matching = through.objects.filter(**{lookup: codes}).values("practicepage_id")
            queryset = queryset.filter(pk__in=matching)
    if stages := list(dict.fromkeys(filters.scaling_stage)):
        queryset = queryset.filter(scaling_stage__in=stages)
    if filters.evidence_min:
        queryset = queryset.filter(evidence_level__gte=filters.evidence_min)
    return queryset


def vocabulary_names() -> dict[str, dict[str, dict[str, str]]]:
    """``{record key: {code: {lang: name}}}`` for the labels of an answer."""
    vocabularies = {"themes": Theme, "target_groups": TargetGroup, "regions": Region, "countries": Country}
    # One UNION query, not one per vocabulary: the list and detail query budgets.
    columns = ("code", "name_fi", "name_sv", "name_en")
    first, *rest = (
        model.objects.order_by()
        .annotate(vocabulary=Value(key, output_field=CharField()))
        .values_list("vocabulary", *columns)
        for key, model in vocabularies.items()
    )
    names = {key: {} for key in vocabularies}
    for vocabulary, code, *values in first.union(*rest, all=True):
        names[vocabulary][code] = {lang: value for lang, value in zip(("fi", "sv", "en"), values, strict=True) if value}
    return names


def answer_in(request: HttpRequest, response: HttpResponse, lang: str | None) -> str:
    """The answer's language; says it in the headers. Without ``lang=`` the
    answer depends on Accept-Language, so a shared cache must key on it."""
    language, _ = requested_language(request, lang)
    response["Content-Language"] = language
    if not lang:
        patch_vary_headers(response, ["Accept-Language"])
    return language


def practice_item(page: PracticePage, language: str = "fi", names: dict | None = None) -> dict:
    record = practice_to_record(page, public=True)
    texts = record_texts(record, language)
    return {
        "id": record["id"],
        "name": record["name"],
        "summary": record.get("summary", {}),
        "themes": record.get("themes", []),
        "target_groups": record.get("target_groups", []),
        "countries": record.get("countries", []),
        "regions": record.get("regions", []),
        "evidence_level": record.get("evidence", {}).get("level"),
        "scaling_stage": record.get("scaling", {}).get("stage"),
        "updated_at": record.get("updated_at"),
        "url": public_url(page),
        "lang": language,
        "texts": {key: texts[key] for key in ("name", "summary") if key in texts},
        "labels": record_labels(record, names if names is not None else vocabulary_names(), language),
    }


def facet_filters(filters: PracticeFilters) -> dict[str, list[str]]:
    """The API's filters as the search engine's facet filters (same keys;
    evidence_min becomes the evidence levels it allows)."""
    chosen = {name: list(dict.fromkeys(getattr(filters, name))) for name in (*VOCABULARY_FILTERS, "scaling_stage")}
    if filters.evidence_min:
        chosen["evidence_level"] = [str(level) for level in range(filters.evidence_min, 6)]
    return {name: codes for name, codes in chosen.items() if codes}


def facet_answer(counts: dict[str, dict[str, int]]) -> dict[str, list[dict]]:
    """``{facet: [{"code", "count"}]}`` for every facet, most practices first."""
    return {
        key: [
            {"code": code, "count": count}
            for code, count in sorted(counts.get(key, {}).items(), key=lambda item: (-item[1], item[0]))
            if count
        ]
        for key in FACETS
    }


@read_only(
    "/practices",
    response={200: PracticeList, 422: Error},
    summary="Julkaistut mallit",
    description=(
        "Julkaistut mallit sivuittain (`limit`, `offset`): hakusanoilla `q` osuvuuden mukaan järjestettynä, "
        "ilman hakusanoja nimen mukaan. `facets` kertoo mallien määrät rajausten arvoittain näillä "
        "hakuehdoilla."
    ),
)
def list_practices(request: HttpRequest, response: HttpResponse, filters: Query[PracticeFilters]):
    check_single_values(request)
    language = answer_in(request, response, filters.lang)
    filters = resolve_filters(filters)
    queryset = filter_practices(filters)
    chosen = facet_filters(filters)
    if filters.q and filters.q.strip():
        ranked = rank_practices(
            filters.q,
            limit=filters.limit,
            offset=filters.offset,
            filters=chosen,
            with_facets=True,
            expand=filters.laajenna != "ei",
        )
        found = {page.pk: page for page in export_queryset(published_practices().filter(pk__in=ranked.ids))}
        # A practice missing here went offline after the index was read.
        pages = [found[pk] for pk in ranked.ids if pk in found]
        count, counts = ranked.count, ranked.facets
        widened = [
            {
                "concept": widening.slug,
                "matched": widening.matched,
                "labels": [{"lang": lang, "label": label} for lang, label in widening.labels],
            }
            for widening in ranked.widenings
        ]
    else:
        widened = []
        count = queryset.count()
        pages = export_queryset(queryset).order_by("title", "pk")[filters.offset : filters.offset + filters.limit]
        counts = facet_counts(None, chosen, list(FACETS))
    names = vocabulary_names()
    return {
        "count": count,
        "items": [practice_item(page, language, names) for page in pages],
        "facets": facet_answer(counts),
        "expanded_with": widened,
    }


@read_only(
    "/practices/{practice_id}",
    response={200: PracticeDetail, 404: Error, 422: Error},
    summary="Yksi malli",
    description=(
        "Malli tiedonsiirtomuodossa (formats/practices-v1.schema.json) sekä sen sivun osoite `url` ja "
        "sukulaismallit muutoskuvauksineen `lineage` (vain julkaistut mallit; tiedonsiirtomuodon `builds_on` "
        "luettelee tunnukset). Yhteystiedot ovat mukana vain, jos ne on merkitty julkisiksi."
    ),
)
def get_practice(
    request: HttpRequest,
    response: HttpResponse,
    practice_id: str,
    lang: Query[Language | None] = None,
):
    language = answer_in(request, response, lang)
    page = None
    # One queryset for the practice and its lineage: building it reads the view
    # restrictions, which both then share.
    published = published_practices()
    if PRACTICE_ID.fullmatch(practice_id):
        # The targets of the builds-on links come with the links (one query
        # instead of two), which pays for the lineage query below.
        with_targets = Prefetch("builds_on_links", queryset=BuildsOnLink.objects.select_related("target"))
        page = export_queryset(published.filter(slug=practice_id).prefetch_related(with_targets)).first()
    if page is None:
        raise HttpError(404, "Practice not found.")
    record = practice_to_record(page, public=True)
    add_link_health([record], [page.pk])
    return {
        **record,
        "url": public_url(page),
        "lineage": lineage_notes(page, published),
        "lang": language,
        "texts": record_texts(record, language),
        "labels": record_labels(record, vocabulary_names(), language),
    }


@read_only(
    "/matches",
    response={200: MatchList, 422: Error},
    summary="Mallit hankkeen pohjaksi",
    description=(
        "Julkaistut mallit järjestettynä sen mukaan, miten hyvin ne sopivat suunnitellun hankkeen kuvaukseen "
        "(`description`), kuten sivulla /suunnittele/. Teemat, kohderyhmät ja maakunnat nostavat malleja, "
        "eivät rajaa. Jokaisella mallilla on perustelut `reasons`."
    ),
)
def list_matches(request: HttpRequest, query: Query[MatchQuery]):
    for name in ("description", "limit"):
        if len(request.GET.getlist(name)) > 1:
            raise ValidationError(
                [{"loc": ["query", name], "msg": f"{name} may be given only once", "type": "repeated_parameter"}]
            )
    errors, resolved = [], {}
    for name in ("theme", "target_group", "region"):
        model = VOCABULARY_FILTERS[name][0]
        values = list(dict.fromkeys(getattr(query, name)))
        known = known_codes(model, values) if values else {}
        if unknown := [value for value in values if value not in known]:
            errors.append(_unknown(name, unknown))
        resolved[name] = tuple(dict.fromkeys(known[value] for value in values if value in known))
    if errors:
        raise ValidationError(errors)
    plan = Plan(query.description, resolved["target_group"], resolved["theme"], resolved["region"])
    matches = match_practices(plan, limit=query.limit)
    pages = {page.pk: page for page in published_practices().filter(pk__in=[match.page_id for match in matches])}
    items = []
    for match in matches:
        page = pages.get(match.page_id)
        if page is None:
            continue
        names = {lang: value for lang in ("fi", "sv", "en") if (value := getattr(page, f"name_{lang}"))}
        items.append(
            {"id": page.slug, "name": names, "url": public_url(page), "score": match.score, "reasons": match.reasons()}
        )
    return {"count": len(items), "items": items}


def _terms(model) -> list[dict]:
    return [{"code": term.code, "name": term.names()} for term in model.objects.all()]


@read_only(
    "/vocabularies",
    response=Vocabularies,
    summary="Sanastot",
    description="Teemat, kohderyhmät, maakunnat ja maat: koodit ja nimet kielittäin (vocabularies-v1).",
)
def vocabularies(request: HttpRequest):
    return {
        "format": "vocabularies",
        "version": 1,
        "themes": _terms(Theme),
        "target_groups": _terms(TargetGroup),
        "regions": _terms(Region),
        "countries": _terms(Country),
    }


def _download(request: HttpRequest, content, content_type: str, filename: str) -> StreamingHttpResponse:
    # HEAD gets the headers only; the export is never computed for it.
    response = StreamingHttpResponse(iter(()) if request.method == "HEAD" else content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@read_only(
    "/export.json",
    summary="Kaikki mallit (JSON)",
    description="Kaikki julkaistut mallit tiedonsiirtomuodossa practices-v1, ladattavana tiedostona.",
    openapi_extra={"responses": {200: {"description": "practices-v1", "content": {"application/json": {}}}}},
)
def export_json(request: HttpRequest):
    content = iter_export_json(published_practices(), include_private=False, public=True)
    return _download(request, content, "application/json", "mallipankki-practices.json")


@read_only(
    "/export.csv",
    summary="Kaikki mallit (CSV)",
    description=(
        "Yksi rivi julkaistua mallia kohden, UTF-8 (BOM). Moniarvoiset kentät on erotettu merkeillä `; `. "
        "Ei yhteystietoja. Samat rajaukset kuin `/practices`-kyselyssä (ilman hakusanoja); ilman rajauksia "
        "kaikki julkaistut mallit."
    ),
    response={422: Error},
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {}}}}},
)
def export_csv(request: HttpRequest, filters: Query[VocabularyFilters]):
    check_single_values(request)
    queryset = filter_practices(resolve_filters(filters))
    return _download(request, iter_export_csv(queryset), "text/csv; charset=utf-8", "mallipankki-practices.csv")
