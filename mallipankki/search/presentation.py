"""What a page of search results shows: shared by /haku/ and the catalogue /mallit/.

Both are one search-and-filter page: the same engine behind the same query
string (q, the facet parameters of facets.FACETS, jarjestys, sivu) and the
same templates (templates/search/panel.html and its includes). /haku/
redirects to the catalogue and shows the panel itself only when it cannot
(see views.py). (Until issue 19 the
catalogue chose one value per facet through links while /haku/ combined
checkboxes: two ways to do one job. The checkboxes stayed; every old
catalogue address such as ?teema=… is the same query string and still works.)
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils import translation

from .facets import FACETS
from .forms import EXPAND_PARAM, SORT_PARAMS, SearchForm, search_arguments
from .service import search

# Facets with more values than this get a filter box (with JavaScript).
LONG_FACET = 12


def results_context(params: QueryDict, *, url: str, per_page: int) -> dict:
    """Template context for one page of results for the query string ``params``.

    ``url`` is the page's own address (the form's action and the base of
    every link).
    """
    result = search(**search_arguments(params), per_page=per_page, language=translation.get_language())
    # The box shows the query as searched: cleaned, not as typed in the URL.
    form = SearchForm(initial={"q": result.query})
    # A Django Page over the count alone drives includes/pagination.html.
    page_obj = Paginator(range(result.count), result.per_page).get_page(result.page)
    facets = [
        {"key": key, "param": facet.param, "label": facet.label, "values": result.facets.get(key, [])}
        for key, facet in FACETS.items()
    ]
    for facet in facets:
        facet["selected"] = [value for value in facet["values"] if value["selected"]]
        # A long list (countries) gets a filter box from filter-choices.js.
        facet["long"] = len(facet["values"]) > LONG_FACET
    context = {
        "form": form,
        "result": result,
        "page_obj": page_obj,
        "facets": [facet for facet in facets if facet["values"]],
        "selected_labels": [value["label"] for facet in facets for value in facet["selected"]],
        "has_filters": any(result.filters.values()),
        "sort_param": next(param for param, sort in SORT_PARAMS.items() if sort == result.sort),
        "sort_choices": form.fields["jarjestys"].choices,
        "search_url": url,
        "expand_param": EXPAND_PARAM,
        "unfiltered_href": address(url, result, {key: [] for key in FACETS}),
    }
    return context


def catalogue_results(request, index_page) -> dict:
    """The catalogue /mallit/ (``index_page``, a PracticeIndexPage): the
    results panel at the catalogue's address, so that its old addresses
    (?teema=…&kohderyhma=…&sivu=…) keep working. Registered with
    practices.catalogue in SearchConfig.ready()."""
    return results_context(request.GET, url=index_page.get_url(request), per_page=index_page.page_size)


def address(url: str, result, changes: dict[str, list[str]]) -> str:
    """The address of ``result``'s query, filters and sort with the facet
    values ``changes`` (``{facet key: codes}``, [] removes the facet) and the
    first page. Built from the cleaned state, so junk in the current address
    is not carried along."""
    pairs = [("q", result.query)] if result.query else []
    for key, facet in FACETS.items():
        pairs += [(facet.param, code) for code in changes.get(key, result.filters.get(key, []))]
    if result.sort != "relevance":
        pairs.append(("jarjestys", next(param for param, sort in SORT_PARAMS.items() if sort == result.sort)))
    if not result.expand:
        pairs.append((EXPAND_PARAM, "ei"))
    return f"{url}?{urlencode(pairs)}" if pairs else url
