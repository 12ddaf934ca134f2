"""Reports from the public that an organisation uses a practice.

A report is a PendingAdoption until the region's regional worker (or an
editor) decides on it. Only confirming it makes anything public: it then
becomes an `Adoption` row of the practice page, published as a new revision
(see services.confirm). The reporter's contact details stay here, private;
they are shown next to the adoption on the practice page only when the
reporter asked for that (`contact_public`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mallipankki.core import references
from mallipankki.core.languages import service_language_field
from mallipankki.vocabularies.models import Country, Region

REFERENCE_PREFIX = "KAY"


def new_reference() -> str:
    """E.g. KAY-2026-K7RM4X: the year and six random characters (see core.references).

    KAY, not KÄY: a code typed on any keyboard or read over the phone comes out the same.
    """
    return references.new_reference(REFERENCE_PREFIX)


class PendingAdoption(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Odottaa vahvistusta")
        CONFIRMED = "confirmed", _("Vahvistettu")
        REJECTED = "rejected", _("Hylätty")

    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("malli"),
        on_delete=models.CASCADE,
        related_name="pending_adoptions",
    )
    reference = models.CharField(_("viite"), max_length=20, unique=True, default=new_reference, editable=False)
    status = models.CharField(_("tila"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)

    # What becomes the public Adoption once confirmed.
    organisation = models.CharField(_("organisaatio"), max_length=255)
    country = models.ForeignKey(
        Country, verbose_name=_("maa"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("maakunta"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("käyttöönottovuosi"))
    note = models.TextField(_("mitä muutettiin"), max_length=2000, blank=True)

    # Personal data: private unless `contact_public`.
    contact_name = models.CharField(_("yhteyshenkilö"), max_length=200)
    contact_email = models.EmailField(_("sähköposti"))
    contact_phone = models.CharField(_("puhelin"), max_length=50, blank=True)
    contact_public = models.BooleanField(
        _("yhteystiedot saa näyttää"),
        default=False,
        help_text=_("Ilmoittaja antoi luvan näyttää yhteystiedot mallin sivulla vahvistetun käyttöönoton yhteydessä."),
    )
    consent_at = models.DateTimeField(_("hyväksyi tietosuojaselosteen"))
    ip_hash = models.CharField(max_length=64, db_index=True, editable=False)
    language = service_language_field()
    # Set when the contact details were erased on the reporter's request
    # (manage.py submitter_data erase); the report itself stays.
    personal_data_erased_at = models.DateTimeField(_("henkilötiedot poistettu"), null=True, blank=True, editable=False)

    created_at = models.DateTimeField(_("lähetetty"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("päätös tehty"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("päättäjä"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("hylkäyksen perustelu"), blank=True)
    # The page row created on confirmation; NULL again if an editor later
    # removes the adoption from the page.
    adoption = models.ForeignKey(
        "practices.Adoption",
        verbose_name=_("käyttöönotto mallin sivulla"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("käyttöönottoilmoitus")
        verbose_name_plural = _("käyttöönottoilmoitukset")

    def __str__(self):
        return f"{self.organisation} – {self.practice_id}"

    @property
    def place(self) -> str:
        """Region and/or country as one line, e.g. "Lappi, Suomi"."""
        return ", ".join(term.name for term in (self.region, self.country) if term is not None)
