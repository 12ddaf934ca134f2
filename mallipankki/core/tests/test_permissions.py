"""Region scoping: a RegionalWorker record counts only for members of Aluetyöntekijät.

Tests may build whatever they need, so this test of the lowest layer uses
the regions app's factories.
"""

import pytest
from django.urls import reverse

from mallipankki.adoptions.access import deciders_of
from mallipankki.adoptions.factories import PendingAdoptionFactory
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.regions import services
from mallipankki.regions.factories import RegionalWorkerFactory
from mallipankki.vocabularies.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluator_with_a_record():
    """An evaluator who was given a regional-worker record but is not in Aluetyöntekijät."""
    return RegionalWorkerFactory(user=UserFactory(username="arvioija", role=permissions.EVALUATORS), regions=["FI-10"])


def test_a_record_alone_gives_no_regions(evaluator_with_a_record):
    user = evaluator_with_a_record.user

    assert not permissions.regions_for(user).exists()
    assert not permissions.is_regional_worker(user)


def test_a_group_member_with_a_record_handles_its_regions():
    worker = RegionalWorkerFactory(regions=["FI-10"])

    assert list(permissions.regions_for(worker.user).values_list("code", flat=True)) == ["FI-10"]
    assert permissions.is_regional_worker(worker.user)


def test_a_group_member_without_a_record_handles_no_region_and_is_still_scoped():
    # Fails closed: the group's page permissions never apply unnarrowed.
    user = UserFactory(role=permissions.REGIONAL_WORKERS)

    assert not permissions.regions_for(user).exists()
    assert permissions.is_regional_worker(user)


def test_editors_handle_every_region_and_are_not_scoped():
    editor = UserFactory(role=permissions.EDITORS)
    RegionalWorkerFactory(user=editor, regions=["FI-10"])
    editor.groups.add(*UserFactory(role=permissions.REGIONAL_WORKERS).groups.all())

    assert permissions.regions_for(editor).count() > 1
    assert not permissions.is_regional_worker(editor)


@pytest.mark.parametrize(
    "url_name",
    ["adoptions_admin:index", "regions_admin:index", "continuity_report"],
)
def test_a_record_alone_opens_no_regional_queue(client, evaluator_with_a_record, url_name):
    client.force_login(evaluator_with_a_record.user)

    response = client.get(reverse(url_name))

    # A refused admin view answers 403 with the reason (core.admin_denied).
    assert response.status_code == 403


def test_a_record_alone_receives_no_regional_mail_or_assignment(evaluator_with_a_record, make_practice):
    lappi = region("FI-10")
    colleague = RegionalWorkerFactory(user__username="lapintyontekija", regions=["FI-10"])
    practice = make_practice(name={"fi": "Tunturimalli"}, regions=["FI-10"])

    assert list(services.workers_of(lappi)) == [colleague]
    assert services.recipients_for(lappi) == [colleague.user.email]
    assert evaluator_with_a_record.user not in services.assignable_users(lappi)
    assert deciders_of(PendingAdoptionFactory(practice=practice)) == [colleague.user]
