from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """The import pipeline and the full export of the interchange format; no models of its own."""

    name = "mallipankki.imports"
    label = "imports"
