"""Shared test data for the proposal and evaluation tests."""

import shutil
import tempfile

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.models import Page, Site

from mallipankki.core import permissions

from .pdfs import minimal_pdf


def make_site():
    """A home page as the default site's root, with the practice index under it."""
    from mallipankki.pages.models import HomePage
    from mallipankki.practices.models import PracticeIndexPage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Mallipankki", slug="testikoti"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    index = home.add_child(instance=PracticeIndexPage(title="Mallit", slug="mallit"))
    return home, index


def make_user(username: str, role: str | None = None, **extra):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=None,  # force_login needs none; hashing one costs time
        first_name=username.capitalize(),
        **extra,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_role_users() -> dict:
    """One user per role, a superuser and a logged-in user with no role."""
    return {
        "editor": make_user("toimittaja", permissions.EDITORS),
        "evaluator": make_user("arvioija", permissions.EVALUATORS),
        "evaluator2": make_user("arvioija2", permissions.EVALUATORS),
        "regional": make_user("aluetyontekija", permissions.REGIONAL_WORKERS),
        "admin": make_user("yllapitaja", permissions.ADMINS),
        "nobody": make_user("tavallinen"),
    }


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
