from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils import translation

from .languages import split_language
from .unavailable import database_failure_response, missing_database_response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with a second, relaxed policy for the Wagtail admin.

    The admin's own templates carry inline scripts without nonces; rather than
    dropping CSP there altogether we keep every other directive and only
    loosen script-src/style-src/img-src for those paths.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            parts.update = {**(parts.update or {}), **settings.ADMIN_CSP_DIRECTIVES}
        return parts


class PermissionsPolicyMiddleware:
    """Turns off browser features the service never uses."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """503 instead of 500 when the database cannot serve (see core/unavailable.py).

    A missing SQLite file is caught before anything connects, so a request never
    creates it empty. A view that fails because the database is unreachable or
    not migrated gets the 503 page; the same for middleware is done by the
    handler500 view, core.views.server_error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return missing_database_response(request) or self.get_response(request)

    def process_exception(self, request, exception):
        return database_failure_response(request, exception)


class UrlLanguageMiddleware:
    """Activates the language of the URL's prefix: /sv/… Swedish, /en/… English, else Finnish.

    Only the URL chooses, never a cookie or Accept-Language, so one URL is one
    page in one language and a cache needs no `Vary: Accept-Language`. Django's
    LocaleMiddleware would add that header and read the cookie. It must run
    before URL resolution: i18n_patterns match the prefix of the active language.
    The admin is outside the prefixed URLs and sets each editor's language itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language, _path = split_language(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        return response
