from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "mallipankki.planning"
    label = "planning"
    verbose_name = "Suunnittelu"
