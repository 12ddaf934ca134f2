from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThesaurusConfig(AppConfig):
    name = "mallipankki.thesaurus"
    label = "thesaurus"
    verbose_name = _("Tesaurus")
    default_auto_field = "django.db.models.BigAutoField"
