"""Controlled vocabularies shared by the interchange format and the site.

The codes are contracts (they appear in import files, API filters and URLs);
the names are editable by admins in three languages.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class VocabularyTerm(models.Model):
    code = models.CharField(_("tunnus"), max_length=100, unique=True)
    name_fi = models.CharField(_("nimi suomeksi"), max_length=200)
    name_sv = models.CharField(_("nimi ruotsiksi"), max_length=200, blank=True)
    name_en = models.CharField(_("nimi englanniksi"), max_length=200, blank=True)
    sort_order = models.PositiveIntegerField(_("järjestys"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language, falling back to Finnish."""
        language = (translation.get_language() or "fi")[:2]
        return getattr(self, f"name_{language}", "") or self.name_fi

    def names(self) -> dict[str, str]:
        return {lang: value for lang in ("fi", "sv", "en") if (value := getattr(self, f"name_{lang}"))}


class Theme(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("teema")
        verbose_name_plural = _("teemat")


class TargetGroup(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("kohderyhmä")
        verbose_name_plural = _("kohderyhmät")


class Region(VocabularyTerm):
    """A Finnish region (maakunta), coded ISO 3166-2:FI.

    Finnish inflects the name where other languages put a preposition before
    it ("Lapin maakunta", "Malleja Lapissa", "Uudellamaalla", not "maakunnan
    Lappi"), and the forms cannot be derived by rule, so each region keeps its
    own (loaded from vocabularies/data/region_case_forms_fi.json). The
    `name_*` properties give them in Finnish and the plain name in other
    languages, whose translations put the preposition in the sentence.
    """

    slug = models.SlugField(_("osoitteen osa"), max_length=100, unique=True)
    genitive_fi = models.CharField(_("genetiivi (kenen? esim. Lapin)"), max_length=200, blank=True)
    where_fi = models.CharField(_("missä? (esim. Lapissa, Uudellamaalla)"), max_length=200, blank=True)
    from_fi = models.CharField(_("mistä? (esim. Lapista, Uudeltamaalta)"), max_length=200, blank=True)
    to_fi = models.CharField(_("mihin? (esim. Lappiin, Uudellemaalle)"), max_length=200, blank=True)

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("maakunta")
        verbose_name_plural = _("maakunnat")

    def _case_form(self, field: str) -> str:
        if (translation.get_language() or "fi")[:2] == "fi":
            return getattr(self, field) or self.name_fi
        return self.name

    @property
    def name_genitive(self) -> str:
        """ "Lapin" in Finnish, e.g. "Lapin maakunnan aluetyöntekijät"."""
        return self._case_form("genitive_fi")

    @property
    def name_where(self) -> str:
        """ "Lapissa", "Uudellamaalla" in Finnish: where something is."""
        return self._case_form("where_fi")

    @property
    def name_from(self) -> str:
        """ "Lapista", "Uudeltamaalta" in Finnish: where something comes from."""
        return self._case_form("from_fi")

    @property
    def name_to(self) -> str:
        """ "Lappiin", "Uudellemaalle" in Finnish: where something goes."""
        return self._case_form("to_fi")


class Country(VocabularyTerm):
    """A country, coded ISO 3166-1 alpha-2."""

    class Meta(VocabularyTerm.Meta):
        ordering = ["name_fi"]
        verbose_name = _("maa")
        verbose_name_plural = _("maat")
