"""Regional workers and the regions they serve."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
