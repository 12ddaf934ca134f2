from csp.middleware import CSPMiddleware
from django.conf import settings


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
