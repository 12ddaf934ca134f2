"""The pieces every public form shares: the honeypot, the aria attributes, the error summary, the address hash."""

import datetime as dt

from django import forms
from django.test import RequestFactory

from mallipankki.core import public_forms
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


def test_client_address_behind_trusted_proxies(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.2")
    assert public_forms.client_ip(request) == "10.0.0.2"  # by default the header is not trusted
    settings.PROPOSAL_TRUSTED_PROXIES = 1
    assert public_forms.client_ip(request) == "198.51.100.2"
    settings.PROPOSAL_TRUSTED_PROXIES = 2
    assert public_forms.client_ip(request) == "203.0.113.5"
    settings.PROPOSAL_TRUSTED_PROXIES = 3  # fewer entries than proxies: fall back to the socket address
    assert public_forms.client_ip(request) == "10.0.0.2"


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
