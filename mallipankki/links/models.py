"""What the link checker knows: each address once, every check of it, and the
copies kept of the documents behind it.

A link is keyed by its address, not by the practice row that mentions it:
one project site linked from ten practices is checked once, and its history
survives an editor re-saving a practice (which may recreate its rows).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from mallipankki.practices.models import PracticePage


class Link(models.Model):
    class Status(models.TextChoices):
        UNCHECKED = "unchecked", _("Tarkistamatta")
        OK = "ok", _("Toimii")
        FAILING = "failing", _("Ei vastannut")
        BROKEN = "broken", _("Ei toimi")

    url = models.URLField(_("osoite"), max_length=1000, unique=True)
    host = models.CharField(_("palvelin"), max_length=255, db_index=True)
    status = models.CharField(_("tila"), max_length=10, choices=Status.choices, default=Status.UNCHECKED)
    # The three-strikes rule (rules.py): failed checks counted at least three days apart.
    strikes = models.PositiveSmallIntegerField(_("epäonnistumisia"), default=0)
    last_strike_at = models.DateTimeField(_("viimeksi laskettu epäonnistuminen"), null=True, blank=True)
    checked_at = models.DateTimeField(_("tarkistettu"), null=True, blank=True)
    next_check_at = models.DateTimeField(_("seuraava tarkistus"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("linkki")
        verbose_name_plural = _("linkit")

    def __str__(self):
        return self.url


class LinkCheck(models.Model):
    """One check of one link, kept as history."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField(_("tarkistettu"), db_index=True)
    ok = models.BooleanField(_("toimi"))
    status_code = models.PositiveSmallIntegerField(_("HTTP-tila"), null=True, blank=True)
    error = models.CharField(_("virhe"), max_length=40, blank=True)
    final_url = models.URLField(_("lopullinen osoite"), max_length=1000, blank=True)
    content_type = models.CharField(_("sisältötyyppi"), max_length=255, blank=True)
    size = models.BigIntegerField(_("koko (tavua)"), null=True, blank=True)

    class Meta:
        verbose_name = _("linkin tarkistus")
        verbose_name_plural = _("linkkien tarkistukset")
        ordering = ["-checked_at", "-pk"]

    def __str__(self):
        return f"{self.link_id} {self.checked_at:%Y-%m-%d %H:%M} {'ok' if self.ok else self.error}"


class ArchiveStorage(FileSystemStorage):
    """Copies under LINK_ARCHIVE_ROOT (default DATA_DIR/arkisto), never served by URL.

    Copies are staff-only until someone with the right allows republishing,
    so they are served only through the permission-checked copy view
    (views.py), never from MEDIA_URL.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(getattr(settings, "LINK_ARCHIVE_ROOT", None) or Path(settings.DATA_DIR) / "arkisto")

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Archived copies are served by the copy view only.")


_archive_storage = ArchiveStorage()


def archive_storage():
    """STORAGES["archive"] when configured (e.g. a private bucket), else local private files."""
    if "archive" in settings.STORAGES:
        return storages["archive"]
    return _archive_storage


def _copy_path(instance, filename):
    return f"{instance.sha256[:2]}/{instance.sha256}/{filename}"


class ArchivedCopy(models.Model):
    """A document as it was retrieved from a link. A changed document gets a new row beside the old."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="copies")
    file = models.FileField(_("tiedosto"), upload_to=_copy_path, storage=archive_storage, max_length=300)
    file_name = models.CharField(_("tiedostonimi"), max_length=200)
    # Of the stored file, which is what visitors download: PDFs are stored as
    # rewritten without active content, as uploads are (core/pdf.py).
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    # Of the bytes as retrieved: what tells a changed document from the same one.
    source_sha256 = models.CharField(_("lähteen SHA-256"), max_length=64)
    source_url = models.URLField(_("lähde"), max_length=1000)
    retrieved_at = models.DateTimeField(_("haettu"))
    last_seen_at = models.DateTimeField(_("viimeksi nähty"))
    content_type = models.CharField(_("sisältötyyppi"), max_length=100)
    size = models.BigIntegerField(_("koko (tavua)"))

    class Meta:
        verbose_name = _("arkistoitu kopio")
        verbose_name_plural = _("arkistoidut kopiot")
        ordering = ["-retrieved_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["link", "source_sha256"], name="links_copy_once_per_version")]

    def __str__(self):
        return f"{self.file_name} ({self.retrieved_at:%Y-%m-%d})"


class CopyPermission(models.Model):
    """Whether a practice's copies of one material may be shown to everyone.

    Decided per material (practice and address) by editors, or granted by the
    practice's confirmed owner in the continuity confirmation. Without a row,
    copies are for staff only: republishing someone's document needs the
    right to do so.
    """

    class Source(models.TextChoices):
        EDITOR = "editor", _("Toimittaja")
        OWNER = "owner", _("Mallin omistaja jatkuvuuden vahvistuksessa")

    practice = models.ForeignKey(PracticePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("malli"))
    url = models.URLField(_("osoite"), max_length=1000)
    public = models.BooleanField(_("julkinen"), default=False)
    source = models.CharField(_("päätti"), max_length=10, choices=Source.choices, default=Source.EDITOR)
    decided_at = models.DateTimeField(_("päätetty"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kopion julkaisulupa")
        verbose_name_plural = _("kopioiden julkaisuluvat")
        constraints = [models.UniqueConstraint(fields=["practice", "url"], name="links_one_permission_per_material")]

    def __str__(self):
        return f"{self.practice_id} {self.url}: {'public' if self.public else 'staff'}"
