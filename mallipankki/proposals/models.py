"""A proposal as the public submitted it, kept as it was submitted.

The proposal becomes a draft PracticePage in the workflow "Arviointi ja
julkaisu"; the two are linked. The submitter's name, organisation and email
also become the practice's contact (so that continuity reminders reach its
owner), shown publicly only when `contact_public` says they allowed it.
Attachments are stored outside MEDIA_ROOT (see `PrivateStorage`) and served
only to staff through a permission-checked admin view; the ones the editors
choose (`ProposalAttachment.publish`) are copied into public documents when
the practice is approved (see `approval.py`), the rest stay private.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from mallipankki.core import references
from mallipankki.core.languages import service_language_field


class PrivateStorage(FileSystemStorage):
    """Files under PROPOSAL_FILES_ROOT (default DATA_DIR/private), never served by URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(getattr(settings, "PROPOSAL_FILES_ROOT", None) or Path(settings.DATA_DIR) / "private")

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Proposal attachments have no public URL.")


_private_storage = PrivateStorage()


def private_storage():
    """STORAGES["proposals"] when configured (e.g. a private bucket), else local private files."""
    if "proposals" in settings.STORAGES:
        return storages["proposals"]
    return _private_storage


REFERENCE_PREFIX = "EHD"


def new_reference() -> str:
    """E.g. EHD-2025-K7RM4X: the year and six random characters (see core.references)."""
    return references.new_reference(REFERENCE_PREFIX)


def attachment_path(instance, filename):
    # The stored name is random: the original name is kept in the database only.
    return f"ehdotukset/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.pdf"


class Proposal(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Vastaanotettu")
        PUBLISHED = "published", _("Julkaistu")
        REJECTED = "rejected", _("Hylätty")

    reference = models.CharField(_("viite"), max_length=20, unique=True, default=new_reference, editable=False)
    status = models.CharField(_("tila"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    data = models.JSONField(_("ehdotus sellaisenaan"), help_text=_("Lomakkeen kentät sellaisina kuin ne lähetettiin."))
    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("malli"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )

    # Personal data. Copied into the practice's contact, shown publicly only with contact_public.
    submitter_name = models.CharField(_("ehdottajan nimi"), max_length=200)
    submitter_organisation = models.CharField(_("ehdottajan organisaatio"), max_length=255, blank=True)
    submitter_email = models.EmailField(_("ehdottajan sähköposti"))
    consent_at = models.DateTimeField(_("hyväksyi tietosuojaselosteen"))
    ip_hash = models.CharField(max_length=64, db_index=True, editable=False)
    language = service_language_field()
    contact_public = models.BooleanField(_("yhteystiedot saa näyttää mallin sivulla"), default=False)

    created_at = models.DateTimeField(_("lähetetty"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("päätös tehty"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_reason = models.TextField(_("päätöksen perustelu"), blank=True)
    # The submitted regions as a relation, so that a regional worker's list
    # can be filtered in the database (JSON containment is not portable to SQLite).
    regions = models.ManyToManyField(
        "vocabularies.Region", blank=True, related_name="proposals", verbose_name=_("maakunnat")
    )
    personal_data_erased_at = models.DateTimeField(_("henkilötiedot poistettu"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ehdotus")
        verbose_name_plural = _("ehdotukset")

    def __str__(self):
        return f"{self.reference}: {self.name}"

    @property
    def name(self) -> str:
        return (self.data or {}).get("name", "")

    @cached_property
    def attachment_list(self):
        return list(self.attachments.all())


class ProposalAttachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=200)
    original_name = models.CharField(_("tiedoston nimi"), max_length=255)
    size = models.PositiveIntegerField(_("koko"))
    sha256 = models.CharField(max_length=64)
    # Every stored attachment has passed core.pdf's check, so the default is
    # to publish it; editors untick what must stay private.
    publish = models.BooleanField(_("julkaistaan mallin mukana"), default=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("julkaistu tiedosto"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("liite")
        verbose_name_plural = _("liitteet")

    def __str__(self):
        return self.original_name
