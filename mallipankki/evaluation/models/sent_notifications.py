"""The log of emails sent about the editorial process (see evaluation.notifications)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentNotification(models.Model):
    """One email sent about one event to one recipient; a second is never sent.

    The recipient is a key ("user:12", "submitter:34"), not an address, so the
    log holds no personal data of its own: erasing a submitter's data leaves
    it as it is.
    """

    kind = models.CharField(max_length=40)
    object_key = models.CharField(max_length=60)
    recipient_key = models.CharField(max_length=60)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_key", "recipient_key"], name="evaluation_sentnotification_once"
            )
        ]
        verbose_name = _("lähetetty ilmoitus")
        verbose_name_plural = _("lähetetyt ilmoitukset")

    def __str__(self):
        return f"{self.kind} {self.object_key} → {self.recipient_key}"
