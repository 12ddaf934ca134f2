"""/haku/: the old address of the search page, now the catalogue's.

/haku/ and the catalogue /mallit/ were two screens for one job. Now the
catalogue is the one search-and-filter page, and /haku/ answers with a
permanent redirect to it that keeps the whole query string (q, the facet
parameters of facets.FACETS, jarjestys, sivu), so every bookmarked or shared
search address gives the same results there. A site without a live
catalogue (being set up), and an address too long to redirect to, still get
this page, with the same panel.

All state is in the query string, so every result page can be bookmarked
and shared. The page works without JavaScript; static/js/search.js only
fetches the same URLs and swaps the results in place (see presentation.py).
"""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import MAX_URL_REDIRECT_LENGTH
from django.views.decorators.http import require_safe

from mallipankki.practices.listing import catalogue_url

from .presentation import results_context

PER_PAGE = 20


@require_safe
def search_view(request):
    catalogue = catalogue_url(request)
    if catalogue is not None:
        # Rebuilt from the parsed parameters, not copied: the Location header
        # then holds only percent-encoded ASCII whatever the request sent.
        query = request.GET.urlencode()
        target = f"{catalogue}?{query}" if query else catalogue
        # Django refuses to redirect to longer addresses (a 400): such a
        # query is answered here, with the same panel posting to the catalogue.
        if len(target) <= MAX_URL_REDIRECT_LENGTH:
            return HttpResponsePermanentRedirect(target)
    url = catalogue or reverse("search:search")
    context = results_context(request.GET, url=url, per_page=PER_PAGE)
    return render(request, "search/search.html", context)
