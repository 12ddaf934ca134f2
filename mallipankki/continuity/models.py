"""Reminders sent to practice contacts and the answers they gave.

Both are history: nothing here is edited after it is written. A reminder
is answered at most once (the one-to-one field makes a second answer to the
same link impossible even when two submissions race).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mallipankki.practices.models import PracticePage


class ContinuityReminder(models.Model):
    """One email asking a practice's contact to confirm its status."""

    practice = models.ForeignKey(
        PracticePage, on_delete=models.CASCADE, related_name="continuity_reminders", verbose_name=_("malli")
    )
    # Personal data: kept so that an editor can see where the link went.
    recipient = models.EmailField(_("vastaanottaja"))
    sent_at = models.DateTimeField(_("lähetetty"), db_index=True)

    class Meta:
        verbose_name = _("jatkuvuusmuistutus")
        verbose_name_plural = _("jatkuvuusmuistutukset")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return f"{self.practice} {self.sent_at:%Y-%m-%d}"


class ContinuityConfirmation(models.Model):
    """An answer given through a reminder's link."""

    class Answer(models.TextChoices):
        RUNNING = "running", _("Toiminta jatkuu ennallaan")
        CHANGED = "changed", _("Toiminta jatkuu, mutta tiedot ovat muuttuneet")
        ENDED = "ended", _("Toiminta on päättynyt")

    practice = models.ForeignKey(
        PracticePage, on_delete=models.CASCADE, related_name="continuity_confirmations", verbose_name=_("malli")
    )
    reminder = models.OneToOneField(
        ContinuityReminder, on_delete=models.CASCADE, related_name="confirmation", verbose_name=_("muistutus")
    )
    answer = models.CharField(_("vastaus"), max_length=20, choices=Answer.choices)
    note = models.TextField(_("lisätieto"), blank=True)
    # What the answer wrote onto the practice; blank when left as it was.
    continuity_status = models.CharField(
        _("toiminnan tila"), max_length=20, choices=PracticePage.ContinuityStatus.choices
    )
    continuity_owner = models.CharField(_("uusi jatkaja"), max_length=255, blank=True)
    continuity_funding = models.CharField(_("uusi jatkorahoitus"), max_length=255, blank=True)
    answered_at = models.DateTimeField(_("vastattu"), db_index=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("julkaistu versio"),
    )

    class Meta:
        verbose_name = _("jatkuvuuden vahvistus")
        verbose_name_plural = _("jatkuvuuden vahvistukset")
        ordering = ["-answered_at", "-pk"]

    def __str__(self):
        return f"{self.practice}: {self.get_answer_display()}"
