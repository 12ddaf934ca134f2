from django.apps import AppConfig


class ContinuityConfig(AppConfig):
    name = "mallipankki.continuity"
    label = "continuity"
    verbose_name = "Jatkuvuus"
    default_auto_field = "django.db.models.BigAutoField"
