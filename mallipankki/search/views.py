"""/haku/: the search page, a thin shell around engine.search().

All state is in the query string (q, the facet parameters of facets.FACETS,
jarjestys, sivu), so every result page can be bookmarked and shared. The
page works without JavaScript; static/js/search.js only fetches the same
URLs and swaps the results in place.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from mallipankki.practices.listing import theme_sections

from .engine import search
from .facets import FACETS
from .forms import SORT_PARAMS, SearchForm, search_arguments

PER_PAGE = 20


@require_safe
def search_view(request):
    result = search(**search_arguments(request.GET), per_page=PER_PAGE, language=translation.get_language())
    # The box shows the query as searched: cleaned, not as typed in the URL.
    form = SearchForm(initial={"q": result.query})
    # A Django Page over the count alone drives includes/pagination.html.
    page_obj = Paginator(range(result.count), result.per_page).get_page(result.page)
    facets = [
        {"key": key, "param": facet.param, "label": facet.label, "values": result.facets.get(key, [])}
        for key, facet in FACETS.items()
    ]
    context = {
        "form": form,
        "result": result,
        "page_obj": page_obj,
        "facets": [facet for facet in facets if facet["values"]],
        "has_filters": any(result.filters.values()),
        "sort_param": next(param for param, sort in SORT_PARAMS.items() if sort == result.sort),
        "sort_choices": form.fields["jarjestys"].choices,
    }
    if not result.count:
        context["theme_sections"] = theme_sections()
    return render(request, "search/search.html", context)
