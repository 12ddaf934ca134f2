from django.http import JsonResponse
from django.urls import path, re_path
from django.views.decorators.http import require_safe

from . import open_data
from .feeds import PracticeFeed
from .views import api


def api_not_found(request, rest=""):
    # Anything under /api/v1/ that no operation matches is a JSON 404, not
    # the site's HTML error page.
    return JsonResponse({"detail": "Not Found"}, status=404)


# Machine-readable addresses: one address each, never under a language prefix
# (the API chooses its language with ?lang= instead).
urlpatterns = [
    # Before api.urls: ninja's own root view answers with the HTML 404 page.
    path("api/v1/", api_not_found),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", api_not_found),
    path("avoin-data/dcat.jsonld", open_data.dcat_jsonld, name="open_data_dcat"),
    path("avoin-data/practices-v1.schema.json", open_data.schema_file, name="open_data_schema"),
]

# Pages people read: mallipankki.urls puts these under i18n_patterns, so the
# feed and the open-data page exist at /, /sv/ and /en/.
localized_urlpatterns = [
    path("syotteet/mallit.atom", require_safe(PracticeFeed()), name="practice_feed"),
    path("avoin-data/", open_data.open_data, name="open_data"),
]
