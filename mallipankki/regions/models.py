"""Regional workers, the regions they serve, and the support requests they handle."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mallipankki.core import references
from mallipankki.core.languages import service_language_field
from mallipankki.vocabularies.models import Region


class RegionalWorker(models.Model):
    """A staff member who supports developers in one or more regions.

    The user's membership of the Aluetyöntekijät group gives the permissions;
    this record says where they apply. Contact details are personal data:
    they appear on public region pages only when `public_contact` is set.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="regional_worker", verbose_name=_("käyttäjä")
    )
    regions = models.ManyToManyField(Region, related_name="regional_workers", verbose_name=_("maakunnat"))
    title = models.CharField(_("tehtävänimike"), max_length=200, blank=True)
    phone = models.CharField(_("puhelin"), max_length=50, blank=True)
    public_contact = models.BooleanField(
        _("yhteystiedot julkisia"),
        default=False,
        help_text=_("Näytetäänkö nimi, nimike, sähköposti ja puhelin alueen julkisella sivulla."),
    )

    class Meta:
        verbose_name = _("aluetyöntekijä")
        verbose_name_plural = _("aluetyöntekijät")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def email(self) -> str:
        return self.user.email

    def region_names(self) -> str:
        return ", ".join(region.name for region in self.regions.all())

    region_names.short_description = _("maakunnat")


REFERENCE_PREFIX = "TUKI"


def new_reference() -> str:
    """E.g. TUKI-2026-K7RM4X: the year and six random characters (see core.references)."""
    return references.new_reference(REFERENCE_PREFIX)


class SupportRequest(models.Model):
    """Someone asks the region's workers for help with taking a practice into use.

    The requester's contact details are personal data: they are shown to the
    staff who handle the request and never on public pages.
    """

    class Status(models.TextChoices):
        NEW = "new", _("Uusi")
        IN_PROGRESS = "in_progress", _("Käsittelyssä")
        DONE = "done", _("Valmis")

    reference = models.CharField(_("viite"), max_length=20, unique=True, default=new_reference, editable=False)
    status = models.CharField(_("tila"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    region = models.ForeignKey(
        Region, verbose_name=_("maakunta"), on_delete=models.PROTECT, related_name="support_requests"
    )
    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("malli"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
    )
    message = models.TextField(_("viesti"))

    # Personal data: staff only.
    name = models.CharField(_("nimi"), max_length=200)
    organisation = models.CharField(_("organisaatio"), max_length=255)
    email = models.EmailField(_("sähköposti"))
    phone = models.CharField(_("puhelin"), max_length=50, blank=True)
    consent_at = models.DateTimeField(_("hyväksyi tietosuojaselosteen"))
    ip_hash = models.CharField(max_length=64, db_index=True, editable=False)
    language = service_language_field()
    # Set when the requester's details were erased on their request
    # (manage.py submitter_data erase); the message and the history stay.
    personal_data_erased_at = models.DateTimeField(_("henkilötiedot poistettu"), null=True, blank=True, editable=False)

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastuuhenkilö"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_support_requests",
    )
    created_at = models.DateTimeField(_("lähetetty"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("päivitetty"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tukipyyntö")
        verbose_name_plural = _("tukipyynnöt")

    def __str__(self):
        return self.reference


class SupportRequestNote(models.Model):
    """One entry in a request's history: an internal note, a status change or an assignment.

    Entries are only ever added, never edited, so that nothing a colleague
    wrote is lost; `save()` refuses to update an existing row.
    """

    class Kind(models.TextChoices):
        NOTE = "note", _("Muistiinpano")
        STATUS = "status", _("Tilan muutos")
        ASSIGNMENT = "assignment", _("Vastuuhenkilön muutos")

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("laji"), max_length=20, choices=Kind.choices, default=Kind.NOTE)
    text = models.TextField(_("teksti"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kirjoittaja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aika"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("tukipyynnön merkintä")
        verbose_name_plural = _("tukipyynnön merkinnät")

    def __str__(self):
        return f"{self.request}: {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("Support request notes are never changed once written.")
        return super().save(*args, **kwargs)
