"""The pieces every public form shares: the honeypot, the aria attributes, the error summary, the address hash."""

import datetime as dt
import logging

import pytest
from django import forms
from django.test import RequestFactory
from django.utils import timezone

from mallipankki.core import public_forms
from mallipankki.core.checks import trusted_proxies_check
from mallipankki.core.public_forms import HoneypotField, PublicFormMixin, required


class ExampleForm(PublicFormMixin, forms.Form):
    name = forms.CharField(label="Nimi", help_text="Koko nimi.", error_messages=required("Kirjoita nimesi."))
    colours = forms.MultipleChoiceField(
        label="Värit", choices=[("r", "Punainen"), ("g", "Vihreä")], widget=forms.CheckboxSelectMultiple
    )
    consent = forms.BooleanField(label="Hyväksyn pitkän tietosuojatekstin.")
    website = HoneypotField()


def test_the_honeypot_is_optional_unfocusable_and_marks_spam():
    form = ExampleForm({"name": "Maija", "colours": ["r"], "consent": "on", "website": "http://spam.example"})
    assert form.is_spam
    assert 'autocomplete="off"' in str(form["website"]) and 'tabindex="-1"' in str(form["website"])
    assert not ExampleForm({"website": ""}).is_spam
    assert not form.fields["website"].required


def test_aria_attributes_and_the_error_summary_follow_the_errors():
    form = ExampleForm({"website": ""})
    assert not form.is_valid()
    form.set_aria()
    name = str(form["name"])
    assert 'aria-describedby="id_name_help id_name_error"' in name and 'aria-invalid="true"' in name
    # A group of boxes is described on its fieldset, not on each box.
    assert "aria-describedby" not in str(form["colours"])
    assert form.error_links() == [
        {"href": "id_name", "label": "Nimi", "message": "Kirjoita nimesi."},
        {"href": "id_colours_0", "label": "Värit", "message": "Tämä kenttä on pakollinen."},
        {"href": "id_consent", "label": "Tietosuojaseloste", "message": "Tämä kenttä on pakollinen."},
    ]
    valid = ExampleForm({"name": "Maija", "colours": ["r"], "consent": "on"})
    assert valid.is_valid()
    valid.set_aria()
    assert 'aria-describedby="id_name_help"' in str(valid["name"]) and "aria-invalid" not in str(valid["name"])
    assert valid.error_links() == []


# A visitor at VISITOR who sends "X-Forwarded-For: FORGED" of their own. Each
# proxy appends the address it received the request from (nginx:
# proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for), so the header
# reaching the app ends with the proxies' entries and starts with the forgery.
VISITOR = "203.0.113.5"
FORGED = "198.51.100.66"
NGINX = "127.0.0.1"  # on the same host, the app bound to 127.0.0.1
CDN = "192.0.2.10"  # a second proxy in front of nginx


def arriving(remote_addr: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().post("/", REMOTE_ADDR=remote_addr, **extra)


@pytest.mark.parametrize(
    ("proxies", "request_", "address"),
    [
        # No trusted proxy: the socket address, whatever the header says. Behind
        # nginx that is nginx's own address for every visitor (one shared limit).
        (0, arriving(VISITOR, FORGED), VISITOR),
        (0, arriving(NGINX, f"{FORGED}, {VISITOR}"), NGINX),
        # One proxy (nginx): the last entry, which nginx wrote; the forgery before it is ignored.
        (1, arriving(NGINX, VISITOR), VISITOR),
        (1, arriving(NGINX, f"{FORGED}, {VISITOR}"), VISITOR),
        (1, arriving(NGINX, f" {FORGED} ,, {VISITOR} "), VISITOR),
        # Two proxies (a CDN, then nginx): the second entry from the right, which the CDN wrote.
        (2, arriving(NGINX, f"{VISITOR}, {CDN}"), VISITOR),
        (2, arriving(NGINX, f"{FORGED}, {VISITOR}, {CDN}"), VISITOR),
        # Fewer entries than proxies: the request did not pass all the proxies.
        # REMOTE_ADDR, never an entry the visitor may have written.
        (1, arriving(VISITOR), VISITOR),
        (1, arriving(VISITOR, " , "), VISITOR),
        (2, arriving(NGINX, VISITOR), NGINX),
        (3, arriving(NGINX, f"{VISITOR}, {CDN}"), NGINX),
    ],
)
def test_the_client_address_with_n_trusted_proxies(settings, proxies, request_, address):
    settings.PROPOSAL_TRUSTED_PROXIES = proxies
    assert public_forms.client_ip(request_) == address


def test_the_header_is_trusted_only_as_far_as_the_setting_says(settings):
    """Why the README says: set exactly the number of proxies, and let nothing reach the app past them."""
    # Too many: with one real proxy, 2 takes the visitor's own forgery.
    settings.PROPOSAL_TRUSTED_PROXIES = 2
    assert public_forms.client_ip(arriving(NGINX, f"{FORGED}, {VISITOR}")) == FORGED
    # The app reached directly, past the proxy: the visitor writes the "last" entry.
    settings.PROPOSAL_TRUSTED_PROXIES = 1
    assert public_forms.client_ip(arriving(VISITOR, FORGED)) == FORGED


def test_a_misconfigured_proxy_setting_is_logged(settings, caplog, monkeypatch):
    monkeypatch.setattr(public_forms, "_proxy_warning_given", False)
    settings.PROPOSAL_TRUSTED_PROXIES = 0
    with caplog.at_level(logging.WARNING, logger="mallipankki.core.public_forms"):
        public_forms.client_ip(arriving(NGINX, VISITOR))
        public_forms.client_ip(arriving(NGINX, VISITOR))
    assert len(caplog.records) == 1  # once per process
    assert "PROPOSAL_TRUSTED_PROXIES is 0" in caplog.records[0].getMessage()
    caplog.clear()
    settings.PROPOSAL_TRUSTED_PROXIES = 2
    with caplog.at_level(logging.WARNING, logger="mallipankki.core.public_forms"):
        assert public_forms.client_ip(arriving(NGINX, VISITOR)) == NGINX
    assert "X-Forwarded-For has 1 address(es), PROPOSAL_TRUSTED_PROXIES is 2" in caplog.text


def test_deploy_check_warns_when_behind_a_proxy_the_proxies_are_not_trusted(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.PROPOSAL_TRUSTED_PROXIES = 0
    assert [warning.id for warning in trusted_proxies_check(None)] == ["mallipankki.W002"]
    settings.PROPOSAL_TRUSTED_PROXIES = 1
    assert trusted_proxies_check(None) == []
    settings.SECURE_PROXY_SSL_HEADER = None  # development: no proxy assumed
    settings.PROPOSAL_TRUSTED_PROXIES = 0
    assert trusted_proxies_check(None) == []


def test_the_address_hash_keeps_the_address_out():
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    digest = public_forms.ip_hash(request)
    assert len(digest) == 64 and "192.0.2.1" not in digest
    assert digest == public_forms.ip_hash(RequestFactory().get("/", REMOTE_ADDR="192.0.2.1"))
    assert digest != public_forms.ip_hash(RequestFactory().post("/", REMOTE_ADDR="192.0.2.2"))


def test_rate_limit_settings_fall_back_to_a_default(settings):
    settings.EXAMPLE_RATE_LIMIT = 3
    assert public_forms.rate_limit_setting("EXAMPLE") == (3, dt.timedelta(hours=1))
    assert public_forms.rate_limit_setting("OTHER", default=(3, dt.timedelta(minutes=5))) == (
        3,
        dt.timedelta(minutes=5),
    )


@pytest.mark.django_db
def test_within_rate_limit_stores_until_the_limit_and_then_runs_nothing():
    from mallipankki.core.models import RateLimitLock
    from mallipankki.regions.factories import SupportRequestFactory
    from mallipankki.regions.models import SupportRequest

    address_hash = "ab" * 32
    limit = (2, dt.timedelta(hours=1))
    SupportRequestFactory(ip_hash=address_hash)
    SupportRequest.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))  # outside the window
    for _ in range(2):
        with public_forms.within_rate_limit(SupportRequest.objects.all(), address_hash, limit):
            SupportRequestFactory(ip_hash=address_hash)
    ran = []
    with pytest.raises(public_forms.RateLimited):
        with public_forms.within_rate_limit(SupportRequest.objects.all(), address_hash, limit):
            ran.append(True)
    assert ran == [] and SupportRequest.objects.count() == 3
    # Another address is counted apart.
    with public_forms.within_rate_limit(SupportRequest.objects.all(), "cd" * 32, limit):
        SupportRequestFactory(ip_hash="cd" * 32)
    # The lock rows: one per form and shard, and nothing of the address.
    assert list(RateLimitLock.objects.order_by("shard").values_list("scope", "shard")) == [
        ("regions.supportrequest", int("abababab", 16) % public_forms.LOCK_SHARDS),
        ("regions.supportrequest", int("cdcdcdcd", 16) % public_forms.LOCK_SHARDS),
    ]
