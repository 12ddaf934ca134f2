"""What a page of search results shows: shared by /haku/ and the catalogue /mallit/.

Both pages are the same engine behind the same query string (q, the facet
parameters of facets.FACETS, jarjestys, sivu) and the same templates
(templates/search/panel.html and its includes); they differ only in their
address, their heading and how facet values are chosen (see `results_context`).
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils import translation

from .facets import FACETS
from .forms import SORT_PARAMS, SearchForm, search_arguments
from .service import search


def results_context(params: QueryDict, *, url: str, per_page: int, facet_links: bool = False) -> dict:
    """Template context for one page of results for the query string ``params``.

    ``url`` is the page's own address (the form's action and the base of
    every link). ``facet_links`` shows each facet value as a link that
    selects that one value (the catalogue's browsing filters, which keep
    their old addresses such as ?teema=…); otherwise values are checkboxes
    that combine (the search page).
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
        if facet_links:
            for value in facet["values"]:
                value["href"] = address(url, result, {facet["key"]: [value["code"]]})
            facet["clear_href"] = address(url, result, {facet["key"]: []})
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
        "unfiltered_href": address(url, result, {key: [] for key in FACETS}),
        "facet_links": facet_links,
    }
    return context


def catalogue_results(request, index_page) -> dict:
    """The catalogue /mallit/ (``index_page``, a PracticeIndexPage): the
    results panel with the catalogue's link filters, so that its addresses
    (?teema=…&kohderyhma=…&sivu=…) keep working and gain q. Registered with
    practices.catalogue in SearchConfig.ready()."""
    return results_context(
        request.GET, url=index_page.get_url(request), per_page=index_page.page_size, facet_links=True
    )


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
    return f"{url}?{urlencode(pairs)}" if pairs else url
