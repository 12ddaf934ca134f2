from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "mallipankki.evaluation"
    label = "evaluation"
    verbose_name = "Arviointi"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401
        from .notifications import replace_wagtail_notifiers
        from .roles import sync_admin_permissions

        replace_wagtail_notifiers()

        post_migrate.connect(sync_admin_permissions, dispatch_uid="evaluation_sync_admin_permissions")
