from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mallipankki.core"
    label = "core"
    verbose_name = "Mallipankki"
