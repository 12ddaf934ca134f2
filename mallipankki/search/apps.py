from django.apps import AppConfig


class SearchConfig(AppConfig):
    # "search" is free: Wagtail's own search app is labelled "wagtailsearch".
    name = "mallipankki.search"
    label = "search"
    verbose_name = "Haku"

    def ready(self):
        from . import signals

        signals.connect()
