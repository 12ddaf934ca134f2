"""Wagtail's page types report, narrowed for regional workers (see page_scope), at Wagtail's own URLs.

mallipankki.urls includes these ahead of the admin's URLs, so the names the
admin uses (wagtailadmin_reports:page_types_usage and its results) lead
here. Decorated as the admin decorates its own views.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .page_scope import PageTypesUsageReportView

urlpatterns = [
    path("page-types-usage/", PageTypesUsageReportView.as_view()),
    path("page-types-usage/results/", PageTypesUsageReportView.as_view(results_only=True)),
]
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
