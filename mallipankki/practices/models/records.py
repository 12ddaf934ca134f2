"""The rows a practice page owns, edited inline on its admin tabs: the
organisations behind it, its funding, its materials, where it is in use, and
the practices it builds on."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from mallipankki.vocabularies.models import Country, Region

from .pages import PracticePage
from .text import LANGS, localized


class Organisation(Orderable):
    class Role(models.TextChoices):
        DEVELOPER = "developer", _("Kehittäjä")
        OWNER = "owner", _("Omistaja")
        MAINTAINER = "maintainer", _("Ylläpitäjä")
        FUNDER = "funder", _("Rahoittaja")
        PARTNER = "partner", _("Kumppani")

    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("nimi"), max_length=255)
    role = models.CharField(_("rooli"), max_length=20, choices=Role.choices)
    url = models.URLField(_("verkkosivu"), blank=True, max_length=500)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisaatio")


class Funding(Orderable):
    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="funding")
    programme = models.CharField(_("rahoitusohjelma"), max_length=255, help_text=_("Esim. ESR+, STEA, kunta."))
    project_code = models.CharField(_("hankekoodi"), max_length=100, blank=True)
    project_name = models.CharField(_("hankkeen nimi"), max_length=500, blank=True)
    start = models.DateField(_("alkoi"), null=True, blank=True)
    end = models.DateField(_("päättyi"), null=True, blank=True)

    panels = [
        FieldPanel("programme"),
        FieldPanel("project_code"),
        FieldPanel("project_name"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("rahoitus")

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Päättymispäivä on ennen alkamispäivää.")})


class Resource(Orderable):
    """A material: an external link, or a PDF uploaded to the document library."""

    class Kind(models.TextChoices):
        LINK = "link", _("Linkki")
        PDF = "pdf", _("PDF")
        VIDEO = "video", _("Video")
        OTHER = "other", _("Muu")

    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(_("tyyppi"), max_length=10, choices=Kind.choices, default=Kind.LINK)
    title_fi = models.CharField(_("otsikko"), max_length=500, blank=True)
    title_sv = models.CharField(_("otsikko ruotsiksi"), max_length=500, blank=True)
    title_en = models.CharField(_("otsikko englanniksi"), max_length=500, blank=True)
    url = models.URLField(_("osoite"), max_length=1000, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF-tiedosto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("kieli"), max_length=2, choices=[(code, code) for code in LANGS], blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title_fi"),
        FieldPanel("url"),
        FieldPanel("document"),
        FieldPanel("language"),
        FieldPanel("title_sv"),
        FieldPanel("title_en"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("materiaali")

    def clean(self):
        if bool(self.url) == bool(self.document_id):
            raise ValidationError(_("Anna joko verkko-osoite tai PDF-tiedosto, ei molempia."))
        if not (self.title_fi or self.title_sv or self.title_en):
            raise ValidationError({"title_fi": _("Anna materiaalille otsikko.")})
        if self.document_id:
            self.kind = self.Kind.PDF

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def href(self) -> str:
        return self.document.url if self.document_id else self.url

    def absolute_url(self) -> str:
        if self.document_id:
            return settings.BASE_URL + self.document.url
        return self.url


class Adoption(Orderable):
    """Where the practice is in use besides its origin."""

    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="adoptions")
    organisation = models.CharField(_("organisaatio"), max_length=255)
    country = models.ForeignKey(
        Country, verbose_name=_("maa"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("maakunta"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(
        _("vuosi"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    note = models.TextField(_("mitä muutettiin"), blank=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("country"),
        FieldPanel("region"),
        FieldPanel("year"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("käyttöönotto")


class BuildsOnLink(Orderable):
    """This practice refines or adapts `target`; the note says what changed."""

    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="builds_on_links")
    target = models.ForeignKey(PracticePage, verbose_name=_("malli"), on_delete=models.CASCADE, related_name="+")
    adaptation_note = models.TextField(_("mitä muutettiin"), blank=True)

    panels = [FieldPanel("target"), FieldPanel("adaptation_note")]

    class Meta(Orderable.Meta):
        verbose_name = _("pohjautuu malliin")

    def clean(self):
        if self.practice_id and self.target_id == self.practice_id:
            raise ValidationError({"target": _("Malli ei voi pohjautua itseensä.")})
