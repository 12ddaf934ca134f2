from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """People's personal data from the public forms: export, erasure on request, erasure when retention ends.

    No models of its own: it reads the rows of proposals, adoptions and
    regions, the apps below it.
    """

    name = "mallipankki.privacy"
    label = "privacy"
    verbose_name = "Tietosuoja"
