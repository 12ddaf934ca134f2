import sys

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from .page_cache import per_visitor
from .unavailable import database_failure_response


@require_GET
@per_visitor
def csrf_token(request):
    """The visitor's CSRF token, for a form on a page cached for everyone (js/form-token.js)."""
    return JsonResponse({"csrf": get_token(request)})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ehdota/",
        "Disallow: /sv/ehdota/",
        "Disallow: /en/ehdota/",
        f"Sitemap: {settings.BASE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@requires_csrf_token
def server_error(request):
    """handler500: 503 when the failure is the database's, else Django's 500 with 500.html.

    Django calls it while handling the exception, so sys.exc_info() holds it.
    """
    return database_failure_response(request, sys.exc_info()[1]) or defaults.server_error(request)
