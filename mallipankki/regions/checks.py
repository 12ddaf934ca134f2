"""System checks of region scoping: `manage.py check` refuses a setting that would undo it."""

from django.conf import settings
from django.core.checks import Error


def admin_search_filtered_check(app_configs, **kwargs):
    """Wagtail's admin page search narrows its results by permission only while this setting is on."""
    if getattr(settings, "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS", True):
        return []
    return [
        Error(
            "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS = False lets the admin's page search list "
            "every page: regional workers would see other regions' practices.",
            hint="Remove the setting (Wagtail's default is True).",
            id="mallipankki.E001",
        )
    ]
