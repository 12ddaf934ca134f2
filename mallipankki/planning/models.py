"""How often each practice is shortlisted and put into an annex, per month.

Counts only: nothing about who did it, not even a session key. The centre
sees which models planners build on; the visitors stay unknown.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeInterest(models.Model):
    practice = models.ForeignKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("malli")
    )
    month = models.DateField(_("kuukausi"), help_text=_("Kuukauden ensimmäinen päivä."))
    shortlisted = models.PositiveIntegerField(_("lisätty muistilistalle"), default=0)
    annexed = models.PositiveIntegerField(_("mukana liitteessä"), default=0)

    class Meta:
        verbose_name = _("kiinnostus malliin")
        verbose_name_plural = _("kiinnostus malleihin")
        constraints = [models.UniqueConstraint(fields=["practice", "month"], name="planning_interest_unique")]
        ordering = ["-month", "practice"]

    def __str__(self):
        return f"{self.practice_id} {self.month:%Y-%m}"
