"""Our Finnish overlay of the admin's strings (mallipankki/locale) is built and wins over Wagtail's."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_catalogue_is_built_from_the_current_po(domain):
    po = LOCALE_DIR / "fi" / "LC_MESSAGES" / f"{domain}.po"
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make messages` (needs msgfmt from Debian's gettext)"
    assert mo.stat().st_mtime >= po.stat().st_mtime, f"{mo} is older than {po}: run `make messages`"


@pytest.mark.parametrize(
    ("english", "finnish"),
    [
        ("Search all pages…", "Hae kaikilta sivuilta…"),
        ("Task submitted by", "Tehtävän lähettäjä"),
        ("Exploring", "Selataan"),
        ("Close dialog", "Sulje ikkuna"),
    ],
)
def test_wagtail_strings_left_in_english_read_in_finnish(english, finnish):
    with translation.override("fi"):
        assert translation.gettext(english) == finnish


def test_plural_forms_follow_the_count():
    msgid = "%(num_parent_objects)d page"
    plural = "%(num_parent_objects)d pages"
    with translation.override("fi"):
        assert translation.ngettext(msgid, plural, 1) % {"num_parent_objects": 1} == "1 sivu"
        assert translation.ngettext(msgid, plural, 3) % {"num_parent_objects": 3} == "3 sivua"


def test_the_admins_javascript_catalogue_includes_ours(admin_client):
    response = admin_client.get(reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    assert "Tallennetaan automaattisesti" in response.content.decode()
