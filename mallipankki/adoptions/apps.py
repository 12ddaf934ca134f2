from django.apps import AppConfig


class AdoptionsConfig(AppConfig):
    name = "mallipankki.adoptions"
    label = "adoptions"
    verbose_name = "Käyttöönotot"
    default_auto_field = "django.db.models.BigAutoField"
