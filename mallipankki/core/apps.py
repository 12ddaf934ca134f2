from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mallipankki.core"
    label = "core"
    verbose_name = "Mallipankki"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
