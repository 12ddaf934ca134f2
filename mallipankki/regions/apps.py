from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "mallipankki.regions"
    label = "regions"
    verbose_name = "Alueet"
    default_auto_field = "django.db.models.BigAutoField"
