from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "mallipankki.pages"
    label = "pages"
    verbose_name = "Sivut"
