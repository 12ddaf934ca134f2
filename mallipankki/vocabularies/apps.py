from django.apps import AppConfig


class VocabulariesConfig(AppConfig):
    name = "mallipankki.vocabularies"
    label = "vocabularies"
    verbose_name = "Sanastot"
