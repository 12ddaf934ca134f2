"""What every public form of the service shares: the house pattern of /ehdota/.

The proposal form, the adoption report ("Käytämme tätä mallia") and the
support request ("Pyydä tukea") all

- say in Finnish what to do (`required` builds the usual message);
- carry a honeypot field (`HoneypotField`, named "website"), hidden from
  people by CSS and filled in by naive bots: a filled one is answered as a
  success and nothing is stored or sent (`is_spam`);
- describe each input by its help and error ids (aria-describedby,
  aria-invalid: `set_aria`), and start with an error summary that links to
  each field with an error, in form order (`error_links`, rendered by
  includes/error_summary.html);
- are rate limited per address, counted as a keyed hash of the address
  (`ip_hash`), so that the stored rows hold nothing that gives the address back.

The field templates are public_forms/field.html (label, help, error, input)
and public_forms/choices.html (a group of checkboxes in a fieldset).
"""

import datetime as dt
import hashlib
import hmac

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"
DEFAULT_RATE_LIMIT = (5, dt.timedelta(hours=1))


def required(message) -> dict:
    """The error messages of a required field whose only message is `message`."""
    return {"required": message}


class HoneypotField(forms.CharField):
    """Left empty by people (CSS hides it, .form-hp), filled in by naive bots."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Jätä tämä kenttä tyhjäksi"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # Browsers must not fill it in, and keyboard users must not land in it.
        return {**super().widget_attrs(widget), "autocomplete": "off", "tabindex": "-1"}


# Widgets rendered as a group in a fieldset: the fieldset carries the
# description (see public_forms/choices.html), not each box.
GROUP_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


class PublicFormMixin:
    """The honeypot check, the aria attributes and the error summary, for a django Form."""

    # Shorter names for the error summary than the fields' labels, by field name.
    summary_labels = {"consent": _("Tietosuojaseloste")}

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def set_aria(self) -> None:
        """aria-describedby (help and error ids) and aria-invalid on each input."""
        for name, field in self.fields.items():
            bound = self[name]
            attrs = field.widget.attrs
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}_help")
            if bound.errors:
                ids.append(f"{bound.auto_id}_error")
                attrs["aria-invalid"] = "true"
            else:
                attrs.pop("aria-invalid", None)
            if isinstance(field.widget, GROUP_WIDGETS):
                attrs.pop("aria-describedby", None)
                attrs.pop("aria-invalid", None)
                continue
            if ids:
                attrs["aria-describedby"] = " ".join(ids)
            else:
                attrs.pop("aria-describedby", None)

    def summary_label(self, name: str, field) -> str:
        """The field's name in the error summary."""
        return str(self.summary_labels.get(name, field.label))

    def error_links(self) -> list[dict]:
        """The error summary: a link to each field with an error, in form order."""
        links = []
        for name, field in self.fields.items():
            bound = self[name]
            if not bound.errors:
                continue
            group = isinstance(field.widget, GROUP_WIDGETS)
            links.append(
                {
                    "href": f"{bound.auto_id}_0" if group else bound.id_for_label,
                    "label": self.summary_label(name, field),
                    "message": bound.errors[0],
                }
            )
        return links


# --- per-address rate limits ----------------------------------------------------------


def client_ip(request) -> str:
    """The client address; behind N trusted proxies (PROPOSAL_TRUSTED_PROXIES), from X-Forwarded-For."""
    proxies = getattr(settings, "PROPOSAL_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def ip_hash(request) -> str:
    """A keyed hash of the address: enough to count, not to recover it."""
    return hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256).hexdigest()


def rate_limit_setting(name: str, default: tuple[int, dt.timedelta] = DEFAULT_RATE_LIMIT) -> tuple[int, dt.timedelta]:
    """At most <name>_RATE_LIMIT submissions within <name>_RATE_WINDOW_SECONDS (settings), else `default`."""
    limit, window = default
    return (
        getattr(settings, f"{name}_RATE_LIMIT", limit),
        dt.timedelta(seconds=getattr(settings, f"{name}_RATE_WINDOW_SECONDS", window.total_seconds())),
    )


def rate_limited(queryset, request, limit: tuple[int, dt.timedelta]) -> bool:
    """True when `queryset` holds `limit` rows from the request's address within its window.

    The rows have an `ip_hash` (see `ip_hash`) and a `created_at`.
    """
    count, window = limit
    recent = queryset.filter(ip_hash=ip_hash(request), created_at__gte=timezone.now() - window)
    return recent.count() >= count
