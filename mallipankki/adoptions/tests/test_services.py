"""The register without HTTP: report, route, confirm, reject, list."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from wagtail.models import PageLogEntry

from mallipankki.adoptions import access, emails, services
from mallipankki.adoptions.models import PendingAdoption
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.evaluation.workflow import start_workflow
from mallipankki.practices.listing import published_practices, with_card_data
from mallipankki.practices.models import Adoption, PracticePage
from mallipankki.regions.factories import RegionalWorkerFactory
from mallipankki.vocabularies.factories import country, region

from .helpers import LAPPI, UUSIMAA, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(make_practice):
    return make_practice(id="tyovalmennus", name={"fi": "Työhönvalmennus"})


def refreshed(page) -> PracticePage:
    return PracticePage.objects.get(pk=page.pk)


def test_a_report_is_stored_and_changes_nothing_public(practice):
    revisions = practice.revisions.count()
    pending = report(practice)
    assert pending.status == PendingAdoption.Status.PENDING
    page = refreshed(practice)
    assert list(page.adoptions.all()) == []
    assert page.revisions.count() == revisions
    assert not page.has_unpublished_changes


def test_a_lappi_worker_confirms_lappi_adoption_and_it_is_published_in_their_name(practice):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    # Regional workers may not publish pages themselves: confirming does it for them.
    assert not practice.permissions_for_user(worker).can_publish()
    pending = report(practice)

    adoption = services.confirm(pending.pk, worker)

    page = refreshed(practice)
    assert page.live and not page.has_unpublished_changes
    assert [a.organisation for a in page.adoptions.all()] == ["Rovaniemen kaupunki"]
    assert adoption.region.code == LAPPI and adoption.year == 2024
    assert page.live_revision == page.latest_revision
    assert page.live_revision.user == worker
    assert [item["organisation"] for item in page.live_revision.content["adoptions"]] == ["Rovaniemen kaupunki"]
    published = PageLogEntry.objects.filter(page=page, action="wagtail.publish").order_by("-timestamp", "-pk").first()
    assert published.user == worker and published.revision == page.live_revision
    pending.refresh_from_db()
    assert pending.status == PendingAdoption.Status.CONFIRMED
    assert pending.decided_by == worker and pending.decided_at is not None
    assert pending.adoption == adoption


def test_a_worker_of_another_region_cannot_confirm(practice):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    pending = report(practice, region=region(UUSIMAA), organisation="Espoon kaupunki")
    with pytest.raises(PermissionDenied):
        services.confirm(pending.pk, worker)
    with pytest.raises(PermissionDenied):
        services.reject(pending.pk, worker, "Ei kuulu minulle.")
    assert list(refreshed(practice).adoptions.all()) == []


def test_a_report_without_finnish_region_is_for_editors_only(practice):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    pending = report(practice, region=None, country=country("EE"), organisation="Tallinna")
    assert not access.may_decide(worker, pending)
    assert pending not in access.queue_for(worker)
    assert access.may_decide(UserFactory(username="toimittaja", role=permissions.EDITORS), pending)


def test_queues_are_scoped_by_region(practice):
    lappi = report(practice)
    uusimaa = report(practice, region=region(UUSIMAA), organisation="Espoon kaupunki")
    abroad = report(practice, region=None, organisation="Tallinna")
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    assert list(access.queue_for(worker)) == [lappi]
    assert set(access.queue_for(editor)) == {lappi, uusimaa, abroad}
    nobody = UserFactory(username="tavallinen")
    assert not access.may_use_queue(nobody)
    assert list(access.queue_for(nobody)) == []


def test_confirming_twice_or_an_unpublished_practice_is_refused(practice, make_practice):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    pending = report(practice)
    services.confirm(pending.pk, worker)
    with pytest.raises(services.DecisionError):
        services.confirm(pending.pk, worker)
    assert refreshed(practice).adoptions.count() == 1

    draft = make_practice(status="draft")
    waiting = report(draft)
    with pytest.raises(services.DecisionError):
        services.confirm(waiting.pk, worker)
    waiting.refresh_from_db()
    assert waiting.status == PendingAdoption.Status.PENDING
    assert not Adoption.objects.filter(practice=draft).exists()


def test_an_editors_draft_is_kept_and_gets_the_adoption_too(practice):
    page = refreshed(practice)
    draft = page.get_latest_revision_as_object()
    draft.summary_fi = "Luonnoksen uusi tiivistelmä."
    draft.save_revision(user=UserFactory(username="toimittaja2", role=permissions.EDITORS))
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user

    services.confirm(report(practice).pk, worker)

    page = refreshed(practice)
    # Live: the published summary plus the adoption.
    assert page.summary_fi != "Luonnoksen uusi tiivistelmä."
    assert [a.organisation for a in page.adoptions.all()] == ["Rovaniemen kaupunki"]
    assert page.live_revision.user == worker
    # Latest: the editor's draft, with the adoption, still unpublished.
    assert page.has_unpublished_changes
    latest = page.get_latest_revision_as_object()
    assert latest.summary_fi == "Luonnoksen uusi tiivistelmä."
    assert [a.organisation for a in latest.adoptions.all()] == ["Rovaniemen kaupunki"]
    # Publishing the draft later keeps the adoption row.
    page.get_latest_revision().publish(user=UserFactory(username="toimittaja3", role=permissions.EDITORS))
    assert [a.organisation for a in refreshed(practice).adoptions.all()] == ["Rovaniemen kaupunki"]


def test_a_practice_in_the_workflow_stays_in_it(practice):
    page = refreshed(practice)
    draft = page.get_latest_revision_as_object()
    draft.summary_fi = "Arvioitava muutos."
    draft.save_revision()
    state = start_workflow(refreshed(practice), user=None)
    assert state is not None

    services.confirm(report(practice).pk, RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user)

    page = refreshed(practice)
    assert page.workflow_in_progress
    assert [a.organisation for a in page.adoptions.all()] == ["Rovaniemen kaupunki"]
    assert page.get_latest_revision_as_object().summary_fi == "Arvioitava muutos."


def test_rejecting_needs_a_reason_and_tells_the_reporter(practice, django_capture_on_commit_callbacks):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    pending = report(practice)
    with pytest.raises(services.DecisionError):
        services.reject(pending.pk, worker, "   ")
    with django_capture_on_commit_callbacks(execute=True):
        services.reject(pending.pk, worker, "Organisaatio ei käytä mallia vielä.")
    pending.refresh_from_db()
    assert pending.status == PendingAdoption.Status.REJECTED and pending.decided_by == worker
    assert refreshed(practice).adoptions.count() == 0
    assert [message.to for message in mail.outbox] == [["liisa@rovaniemi.example"]]
    assert "Organisaatio ei käytä mallia vielä." in mail.outbox[0].body


def test_confirmation_is_emailed_to_the_reporter(practice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm(report(practice).pk, RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user)
    assert [message.to for message in mail.outbox] == [["liisa@rovaniemi.example"]]
    assert "/mallit/tyovalmennus/" in mail.outbox[0].body


def test_new_reports_go_to_the_regions_workers_else_to_editors(practice):
    RegionalWorkerFactory(user__username="lappi", regions=[LAPPI])
    RegionalWorkerFactory(user__username="lappi2", regions=[LAPPI, UUSIMAA])
    RegionalWorkerFactory(user__username="uusimaa", regions=[UUSIMAA])
    UserFactory(username="toimittaja", role=permissions.EDITORS)
    assert emails.handler_addresses(report(practice)) == ["lappi2@example.org", "lappi@example.org"]
    kainuu = report(practice, region=region("FI-05"))
    assert emails.handler_addresses(kainuu) == ["toimittaja@example.org"]
    abroad = report(practice, region=None)
    assert emails.handler_addresses(abroad) == ["toimittaja@example.org"]


def test_adopted_in_lists_published_practices_with_confirmed_adoptions_there(practice, make_practice):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    other = make_practice(name={"fi": "Aina ensin"})
    only_pending = make_practice()
    services.confirm(report(practice).pk, worker)
    services.confirm(report(other).pk, worker)
    report(only_pending)
    elsewhere = report(other, region=region(UUSIMAA))
    services.confirm(elsewhere.pk, UserFactory(username="toimittaja", role=permissions.EDITORS))

    assert [p.pk for p in services.adopted_in(region(LAPPI))] == [other.pk, practice.pk]
    assert [p.pk for p in services.adopted_in(UUSIMAA)] == [other.pk]
    assert list(services.adopted_in("FI-05")) == []
    assert list(services.adopted_in("XX-99")) == []
    refreshed(other).unpublish()
    assert [p.pk for p in services.adopted_in(LAPPI)] == [practice.pk]


def test_cards_carry_the_confirmed_adoption_count(practice, make_practice):
    other = make_practice()
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    services.confirm(report(practice).pk, worker)
    services.confirm(report(practice, organisation="Kemin kaupunki").pk, worker)
    report(other)  # pending: not counted
    counts = {page.pk: page.adoption_count for page in with_card_data(published_practices())}
    assert counts[practice.pk] == 2
    assert counts[other.pk] == 0


def test_contacts_are_public_only_when_consented_and_confirmed(practice):
    worker = RegionalWorkerFactory(user__username="lappi", regions=[LAPPI]).user
    shown = report(practice, contact_public=True)
    hidden = report(practice, organisation="Kemin kaupunki")
    services.confirm(shown.pk, worker)
    services.confirm(hidden.pk, worker)
    shown.refresh_from_db()
    hidden.refresh_from_db()
    waiting = report(practice, contact_public=True, organisation="Tornio")
    contacts = services.public_contacts([shown.adoption_id, hidden.adoption_id, waiting.adoption_id])
    assert list(contacts) == [shown.adoption_id]
    assert contacts[shown.adoption_id].contact_email == "liisa@rovaniemi.example"


def test_removing_the_adoption_from_the_page_keeps_the_report(practice):
    pending = report(practice)
    services.confirm(pending.pk, UserFactory(username="toimittaja", role=permissions.EDITORS))
    page = refreshed(practice)
    page.adoptions = []
    page.save_revision().publish()
    pending.refresh_from_db()
    assert pending.status == PendingAdoption.Status.CONFIRMED and pending.adoption is None
