"""core.mail: one way to render and send the service's emails."""

import pytest

from mallipankki.core import mail

TEMPLATE = "example"


@pytest.fixture(autouse=True)
def templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {
                            "example_subject.txt": "\nAsia {{ code }}\n",
                            "example.txt": "Hei {{ name }}: {{ BASE_URL }}/\n",
                        },
                    )
                ]
            },
        }
    ]


def test_renders_the_pair_with_the_base_url(settings):
    settings.BASE_URL = "https://mallipankki.example"
    subject, body = mail.render_message(TEMPLATE, {"code": "X-1", "name": "Maija"})
    assert (subject, body) == ("Asia X-1", "Hei Maija: https://mallipankki.example/\n")


def test_sends_one_email_to_the_addresses(mailoutbox, settings):
    settings.BASE_URL = "https://mallipankki.example"
    assert mail.send_templated(TEMPLATE, {"code": "X-1"}, ["b@example.org", "", "a@example.org", "b@example.org"])
    [message] = mailoutbox
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert (message.subject, message.body) == ("Asia X-1", "Hei : https://mallipankki.example/\n")


def test_no_addresses_no_email(mailoutbox):
    assert not mail.send_templated(TEMPLATE, {}, ["", ""])
    assert mailoutbox == []


def test_a_mail_outage_is_logged_not_raised(mailoutbox, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(mail, "send_mail", broken)
    assert not mail.send_templated(TEMPLATE, {}, ["a@example.org"], about="test")
    assert "Sending the example email failed (test)" in caplog.text
    assert "a@example.org" not in caplog.text
