"""Support requests and region listings as plain functions, without HTTP."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from mallipankki.adoptions.services import adopted_in
from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.core.permissions import can_handle, regions_for
from mallipankki.core.public_forms import ip_hash
from mallipankki.regions import listing, services
from mallipankki.regions.factories import RegionalWorkerFactory, SupportRequestFactory
from mallipankki.regions.forms import SupportRequestForm
from mallipankki.regions.models import SupportRequest, SupportRequestNote
from mallipankki.vocabularies.factories import region

from .helpers import fake_request, support_post

pytestmark = pytest.mark.django_db


# --- who receives and handles a request -------------------------------------------------------


def test_new_request_goes_to_the_regions_workers_only():
    RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"])
    RegionalWorkerFactory(user__username="uusimaalainen", regions=["uusimaa"])
    UserFactory(username="toimittaja", role=permissions.EDITORS)
    assert services.recipients_for(region("lappi")) == ["lappilainen@example.org"]


def test_new_request_goes_to_editors_when_the_region_has_no_worker():
    RegionalWorkerFactory(user__username="uusimaalainen", regions=["uusimaa"])
    UserFactory(username="toimittaja", role=permissions.EDITORS)
    UserFactory(username="arvioija", role=permissions.EVALUATORS)
    assert services.recipients_for(region("lappi")) == ["toimittaja@example.org"]


def test_inactive_worker_is_not_a_recipient():
    worker = RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"])
    worker.user.is_active = False
    worker.user.save()
    UserFactory(username="toimittaja", role=permissions.EDITORS)
    assert services.recipients_for(region("lappi")) == ["toimittaja@example.org"]


def test_assignable_users_are_the_regions_workers_and_editors():
    lapland = RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"]).user
    RegionalWorkerFactory(user__username="uusimaalainen", regions=["uusimaa"])
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    UserFactory(username="arvioija", role=permissions.EVALUATORS)
    assert set(services.assignable_users(region("lappi"))) == {lapland, editor}


def test_queue_access_and_visibility_follow_the_regions():
    lapland = RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"]).user
    both = RegionalWorkerFactory(user__username="kahden", regions=["lappi", "uusimaa"]).user
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    evaluator = UserFactory(username="arvioija", role=permissions.EVALUATORS)
    grouped_without_regions = UserFactory(username="alueeton", role=permissions.REGIONAL_WORKERS)
    in_lapland, in_uusimaa = (
        SupportRequestFactory(region=region("lappi")),
        SupportRequestFactory(region=region("uusimaa")),
    )

    assert set(services.visible_requests(lapland)) == {in_lapland}
    assert set(services.visible_requests(both)) == {in_lapland, in_uusimaa}
    assert set(services.visible_requests(editor)) == {in_lapland, in_uusimaa}
    assert not services.visible_requests(evaluator).exists()
    assert [services.can_use_queue(user) for user in (lapland, editor, evaluator, grouped_without_regions)] == [
        True,
        True,
        False,
        False,
    ]
    assert can_handle(lapland, [region("lappi")]) and not can_handle(lapland, [region("uusimaa")])
    assert list(regions_for(lapland)) == [region("lappi")]


# --- arrival -------------------------------------------------------------------------------------


def test_create_stores_the_request_and_emails_the_workers(make_practice):
    RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"])
    practice = make_practice(regions=["FI-10"])
    form = SupportRequestForm(support_post(practice=practice.slug))
    assert form.is_valid(), form.errors
    support_request = services.create_support_request(form, fake_request())

    assert support_request.region == region("lappi")
    assert support_request.practice.pk == practice.pk
    assert support_request.status == SupportRequest.Status.NEW
    assert support_request.reference.startswith(f"TUKI-{timezone.localdate().year}-")
    assert support_request.consent_at is not None and len(support_request.ip_hash) == 64
    assert "192.0.2.1" not in support_request.ip_hash
    receipt, message = mail.outbox
    assert message.to == ["lappilainen@example.org"]
    assert support_request.reference in message.subject
    assert f"/admin/tukipyynnot/{support_request.pk}/" in message.body
    # The requester's message and contact stay in the admin, not in the mail.
    assert "pyytaja@example.org" not in message.body
    # The requester's receipt: the reference, where it went, no admin link.
    assert receipt.to == ["pyytaja@example.org"] and support_request.reference in receipt.subject
    assert f"Viitenumero: {support_request.reference}" in receipt.body
    assert "välittäneet sen Lapin maakunnan aluetyöntekijöille" in receipt.body
    assert f'Pyyntö koskee mallia "{practice.title}"' in receipt.body
    assert "/admin/" not in receipt.body


def test_form_drops_an_unpublished_or_unknown_practice(make_practice):
    draft = make_practice(status="draft", regions=["FI-10"])
    for value in (draft.slug, "ei-tallaista", "x\x00y", "a" * 500):
        form = SupportRequestForm(support_post(practice=value))
        assert form.is_valid(), form.errors
        assert form.cleaned_data["practice"] is None


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "", "Kirjoita nimesi."),
        ("organisation", "", "Kirjoita organisaatiosi nimi."),
        ("email", "ei-osoite", "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi."),
        ("phone", "soita illalla", "Kirjoita puhelinnumero numeroina"),
        ("region", "", "Valitse maakunta, jonka aluetyöntekijöiltä pyydät tukea."),
        ("region", "FI-99", "Valitse maakunta luettelosta."),
        ("region", "FI\x0010", "Valitse maakunta luettelosta."),
        ("message", "", "Kerro, mihin tarvitset tukea."),
        ("message", "x" * 5001, "Viesti on liian pitkä"),
        ("consent", None, "Hyväksy tietosuojaseloste"),
    ],
)
def test_form_errors_are_finnish_and_say_what_to_do(field, value, message):
    form = SupportRequestForm(support_post(**{field: value}))
    assert not form.is_valid()
    assert message in form.errors[field][0]


def test_phone_is_optional():
    assert SupportRequestForm(support_post(phone="")).is_valid()


def test_rate_limit_counts_requests_per_address(settings):
    settings.SUPPORT_REQUEST_RATE_LIMIT = 2
    request = fake_request("198.51.100.7")
    SupportRequestFactory(ip_hash=ip_hash(request))
    assert not services.rate_limited(request)
    SupportRequestFactory(ip_hash=ip_hash(request))
    assert services.rate_limited(request)
    assert not services.rate_limited(fake_request("198.51.100.8"))
    # Old requests no longer count.
    SupportRequest.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
    assert not services.rate_limited(request)


def test_rate_limit_defaults_to_the_proposals_limit():
    assert services.rate_limit() == (5, dt.timedelta(hours=1))


# --- handling ------------------------------------------------------------------------------------


def test_status_change_is_recorded_and_emailed_to_the_requester():
    worker = RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"]).user
    support_request = SupportRequestFactory()
    assert services.change_status(support_request, SupportRequest.Status.IN_PROGRESS, worker)
    support_request.refresh_from_db()
    assert support_request.status == "in_progress"
    entry = support_request.notes.get()
    assert entry.kind == SupportRequestNote.Kind.STATUS and entry.author == worker
    assert entry.text == "Tila: Uusi → Käsittelyssä"
    assert [message.to for message in mail.outbox] == [["pyytaja@example.org"]]
    assert "Käsittelyssä" in mail.outbox[0].subject and support_request.reference in mail.outbox[0].subject
    assert "Hei Pyytäjä Esimerkki" in mail.outbox[0].body

    # Setting the same status again is no change: no entry, no email.
    assert not services.change_status(support_request, SupportRequest.Status.IN_PROGRESS, worker)
    assert support_request.notes.count() == 1 and len(mail.outbox) == 1

    assert services.change_status(support_request, SupportRequest.Status.DONE, worker)
    assert len(mail.outbox) == 2 and "Valmis" in mail.outbox[1].subject


STATUS_TEXTS = {
    "in_progress": "Aluetyöntekijä on ottanut pyyntösi käsittelyyn",
    "done": "Pyyntösi on käsitelty.",
    "new": "Pyyntösi odottaa jälleen käsittelyä.",
}


@pytest.mark.parametrize("status", ["in_progress", "done", "new"])
def test_a_status_email_says_the_current_status_and_nothing_else(status):
    support_request = SupportRequestFactory(status="in_progress" if status == "new" else "new")
    assert services.change_status(support_request, status, None)
    body = mail.outbox[-1].body
    assert f"Uusi tila: {support_request.get_status_display()}" in body
    assert STATUS_TEXTS[status] in body
    for other, text in STATUS_TEXTS.items():
        if other != status:
            assert text not in body, (status, other)


def test_a_new_request_email_says_where_it_comes_from_in_finnish():
    RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"])
    form = SupportRequestForm(support_post())
    assert form.is_valid(), form.errors
    support_request = services.create_support_request(form, fake_request())
    assert f"tukipyyntö {support_request.reference} Lapista." in mail.outbox[1].body


def test_unknown_status_is_refused():
    with pytest.raises(ValueError):
        services.change_status(SupportRequestFactory(), "lost", None)


def test_internal_note_is_kept_and_not_emailed():
    worker = RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"]).user
    support_request = SupportRequestFactory()
    first = services.add_note(support_request, "Soitin, ei vastannut.", worker)
    services.add_note(support_request, "Sovittu tapaaminen maanantaille.", worker)
    assert [entry.text for entry in support_request.notes.all()] == [
        "Soitin, ei vastannut.",
        "Sovittu tapaaminen maanantaille.",
    ]
    assert mail.outbox == []
    first.text = "Muutettu jälkikäteen"
    with pytest.raises(ValueError):
        first.save()
    assert SupportRequestNote.objects.get(pk=first.pk).text == "Soitin, ei vastannut."


def test_assign_to_a_worker_of_the_region_or_an_editor():
    lapland = RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"]).user
    uusimaa = RegionalWorkerFactory(user__username="uusimaalainen", regions=["uusimaa"]).user
    editor = UserFactory(username="toimittaja", role=permissions.EDITORS)
    support_request = SupportRequestFactory()

    assert services.assign(support_request, lapland, editor)
    support_request.refresh_from_db()
    assert support_request.assigned_to == lapland
    assert [message.to for message in mail.outbox] == [["lappilainen@example.org"]]
    assert support_request.notes.get().kind == SupportRequestNote.Kind.ASSIGNMENT

    with pytest.raises(ValueError):
        services.assign(support_request, uusimaa, editor)
    support_request.refresh_from_db()
    assert support_request.assigned_to == lapland

    assert services.assign(support_request, editor, editor)  # taking it oneself: no email to oneself
    assert services.assign(support_request, None, editor)
    assert len(mail.outbox) == 1
    assert [entry.text for entry in support_request.notes.all()] == [
        "Vastuuhenkilö: Lappilainen Työntekijä",
        "Vastuuhenkilö: Toimittaja",
        "Vastuuhenkilö: ei ketään",
    ]


# --- public listings -----------------------------------------------------------------------------


def test_region_lists_hold_published_practices_only(make_practice):
    developed = make_practice(regions=["FI-10"])
    make_practice(status="draft", regions=["FI-10"], adoptions=[{"organisation": "Kunta", "region": "FI-10"}])
    adopted = make_practice(regions=["FI-18"], adoptions=[{"organisation": "Rovaniemi", "region": "FI-10"}])
    both = make_practice(
        regions=["FI-10"],
        adoptions=[{"organisation": "Kemi", "region": "FI-10"}, {"organisation": "Tornio", "region": "FI-10"}],
    )
    lapland = region("lappi")

    assert {p.pk for p in listing.developed_in(lapland)} == {developed.pk, both.pk}
    assert {p.pk for p in adopted_in(lapland)} == {adopted.pk, both.pk}

    rows = {row["region"].slug: row for row in listing.region_overview()}
    assert len(rows) == 19
    assert (rows["lappi"]["developed"], rows["lappi"]["adopted"]) == (2, 2)
    assert (rows["uusimaa"]["developed"], rows["uusimaa"]["adopted"]) == (1, 0)
    assert (rows["kainuu"]["developed"], rows["kainuu"]["adopted"]) == (0, 0)


def test_public_workers_are_those_who_agreed():
    public = RegionalWorkerFactory(user__username="julkinen", regions=["lappi"], public_contact=True)
    RegionalWorkerFactory(user__username="yksityinen", regions=["lappi"], public_contact=False)
    gone = RegionalWorkerFactory(user__username="lahtenyt", regions=["lappi"], public_contact=True)
    gone.user.is_active = False
    gone.user.save()
    RegionalWorkerFactory(user__username="muualla", regions=["uusimaa"], public_contact=True)
    assert list(listing.public_workers(region("lappi"))) == [public]
