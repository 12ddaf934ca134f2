"""The test factories (each app's factories.py) make what the tests take them to make."""

import pytest
from wagtail.models import Site

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.pages.models import HomePage
from mallipankki.practices.factories import PracticeFactory, PracticeIndexPageFactory, PracticeRecordFactory
from mallipankki.regions.factories import RegionalWorkerFactory
from mallipankki.vocabularies.factories import region

pytestmark = pytest.mark.django_db


def test_a_user_has_a_role_an_address_and_no_usable_password():
    user = UserFactory(username="toimittaja", role=permissions.EDITORS)
    assert (user.email, user.first_name) == ("toimittaja@example.org", "Toimittaja")
    assert list(user.groups.values_list("name", flat=True)) == [permissions.EDITORS]
    assert not user.has_usable_password()
    assert not UserFactory().groups.exists()


def test_the_default_site_is_updated_not_added():
    sites = Site.objects.count()
    site = DefaultSiteFactory()
    assert Site.objects.count() == sites
    assert Site.objects.get(is_default_site=True) == site
    assert isinstance(site.root_page, HomePage) and site.root_page.url == "/"


def test_a_regional_worker_takes_regions_by_code_slug_or_object():
    worker = RegionalWorkerFactory(regions=["FI-10", "uusimaa", region("kainuu")])
    assert set(worker.regions.values_list("code", flat=True)) == {"FI-10", "FI-18", "FI-05"}
    assert worker.user.groups.get().name == permissions.REGIONAL_WORKERS


def test_practices_are_imported_and_never_share_an_id_with_a_record(home_page):
    index = PracticeIndexPageFactory(parent=home_page)
    record = PracticeRecordFactory()
    page = PracticeFactory(parent=index, record__status="draft")
    assert page.slug != record["id"]
    assert not page.live and page.revisions.count() == 1
