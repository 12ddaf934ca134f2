from django.apps import AppConfig
from django.core.checks import register

from .checks import admin_search_filtered_check


class RegionsConfig(AppConfig):
    name = "mallipankki.regions"
    label = "regions"
    verbose_name = "Alueet"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Before any admin view asks the registry: Wagtail refuses a policy registered late.
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .page_scope import RegionScopedPagePermissionPolicy

        register_permission_policy(Page, RegionScopedPagePermissionPolicy())
        register(admin_search_filtered_check)
