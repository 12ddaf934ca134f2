from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "mallipankki.practices"
    label = "practices"
    verbose_name = "Mallit"
