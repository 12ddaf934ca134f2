"""Shared test data for the proposal and evaluation tests: form posts, PDF uploads, a files directory.

Users, the site and stored proposals come from the factories
(core, pages, practices and proposals `factories.py`).
"""

import shutil
import tempfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from .pdfs import minimal_pdf


def pdf_upload(name: str = "kasikirja.pdf", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, minimal_pdf() if data is None else data, content_type="application/pdf")


def proposal_data(**overrides) -> dict:
    """A valid POST of the proposal form (without files)."""
    data = {
        "name": "Työkokeilu osatyökykyisille",
        "summary": "Malli tukee osatyökykyisten työllistymistä työkokeilun ja valmennuksen avulla.",
        "description": "Valmentaja ja työnantaja sopivat kokeilusta. Kokeilu kestää kolme kuukautta.",
        "themes": ["yhteistyo", "yksilollinen-tuki"],
        "target_groups": ["osatyokykyiset"],
        "countries": ["FI"],
        "regions": ["FI-18"],
        "org1_name": "Esimerkkikaupunki",
        "org1_role": "developer",
        "org1_url": "https://esimerkki.fi",
        "funding1_programme": "ESR+",
        "funding1_project_code": "S12345",
        "funding1_start": "2023-01-01",
        "funding1_end": "31.12.2024",
        "link1_title": "Mallin kuvaus",
        "link1_url": "https://esimerkki.fi/malli",
        "achievements": "Kahdeksankymmentä osallistujaa, joista puolet työllistyi.",
        "continuity_owner": "Esimerkkikaupungin työllisyyspalvelut",
        "submitter_name": "Maija Meikäläinen",
        "submitter_organisation": "Esimerkkikaupunki",
        "submitter_email": "maija@example.org",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class PrivateFilesMixin:
    """Attachments go to a temporary directory for the test class."""

    @classmethod
    def setUpClass(cls):
        cls._files_dir = tempfile.mkdtemp(prefix="mallipankki-ehdotukset-")
        cls._files_override = override_settings(PROPOSAL_FILES_ROOT=cls._files_dir)
        cls._files_override.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls._files_override.disable()
        shutil.rmtree(cls._files_dir, ignore_errors=True)
