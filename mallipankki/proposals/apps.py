from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "mallipankki.proposals"
    label = "proposals"
    verbose_name = "Ehdotukset"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
