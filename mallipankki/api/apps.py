from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mallipankki.api"
    label = "api"
    verbose_name = "Avoin data"
