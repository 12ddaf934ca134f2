"""/haku/: the search page, a thin shell around service.search().

All state is in the query string (q, the facet parameters of facets.FACETS,
jarjestys, sivu), so every result page can be bookmarked and shared. The
page works without JavaScript; static/js/search.js only fetches the same
URLs and swaps the results in place. The catalogue /mallit/ shows the same
results panel (see presentation.py).
"""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .presentation import results_context

PER_PAGE = 20


@require_safe
def search_view(request):
    context = results_context(request.GET, url=reverse("search:search"), per_page=PER_PAGE)
    return render(request, "search/search.html", context)
