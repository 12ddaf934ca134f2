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
  (`ip_hash`), so that the stored rows hold nothing that gives the address back;
  the count and the insert are one step (`within_rate_limit`), so parallel
  posts from one address cannot get past the limit.

The field templates are public_forms/field.html (label, help, error, input)
and public_forms/choices.html (a group of checkboxes in a fieldset).
"""

import contextlib
import datetime as dt
import hashlib
import hmac
import logging

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import RateLimitLock

logger = logging.getLogger(__name__)

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
#
# The client address. Behind N reverse proxies (PROPOSAL_TRUSTED_PROXIES = N)
# each proxy appends the address it received the request from to
# X-Forwarded-For (nginx: $proxy_add_x_forwarded_for), so the last N entries
# were written by our proxies and the N-th from the right is the visitor's
# address; everything left of it came from the visitor and may be forged.
# With 0 the socket address (REMOTE_ADDR) is used and the header is ignored.
# A header with fewer than N entries did not come through all the proxies:
# then REMOTE_ADDR is used, never an entry the visitor may have written, so a
# forged header can neither escape the limit nor spend another address's.
# Safe only when the app cannot be reached except through the proxies (README,
# "Production deployment"): a request sent to the app directly could name any
# address in the header.

_proxy_warning_given = False


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind N trusted proxies the N-th address from the right of X-Forwarded-For."""
    global _proxy_warning_given
    proxies = getattr(settings, "PROPOSAL_TRUSTED_PROXIES", 0)
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0:
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
        logger.warning(
            "X-Forwarded-For has %d address(es), PROPOSAL_TRUSTED_PROXIES is %d: using REMOTE_ADDR for the rate limit",
            len(forwarded),
            proxies,
        )
    elif header and not _proxy_warning_given:
        _proxy_warning_given = True
        logger.warning(
            "A request came with X-Forwarded-For but PROPOSAL_TRUSTED_PROXIES is 0: behind a proxy every visitor "
            "shares the proxy's address and one rate limit. Set PROPOSAL_TRUSTED_PROXIES to the number of proxies."
        )
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


def _recent(queryset, address_hash: str, limit: tuple[int, dt.timedelta]) -> bool:
    count, window = limit
    recent = queryset.filter(ip_hash=address_hash, created_at__gte=timezone.now() - window)
    return recent.count() >= count


def rate_limited(queryset, request, limit: tuple[int, dt.timedelta]) -> bool:
    """True when `queryset` holds `limit` rows from the request's address within its window.

    The rows have an `ip_hash` (see `ip_hash`) and a `created_at`. A quick
    look before a form is validated, so that a visitor over the limit hears
    it at once; it holds no lock, so only `within_rate_limit` can promise
    that no more than the limit gets stored.
    """
    return _recent(queryset, ip_hash(request), limit)


class RateLimited(Exception):
    """The address has sent its limit of submissions within the window; nothing was stored."""


# Lock rows per form: the addresses' hashes are spread over this many, so
# submissions from different addresses seldom wait for each other.
LOCK_SHARDS = 256


def _lock(scope: str, address_hash: str) -> None:
    """Writes the lock row of (scope, the address's shard); the lock is held until the transaction ends.

    An upsert (INSERT ... ON CONFLICT DO UPDATE), so the row need not exist.
    PostgreSQL: a second transaction writing the same row waits here until the
    first commits or rolls back. SQLite: a transaction whose first statement
    writes takes the database's write lock at once (waiting for it as long as
    the connection's timeout), exactly as BEGIN IMMEDIATE would, so it does not
    matter whether the connection begins transactions DEFERRED or IMMEDIATE.
    """
    RateLimitLock.objects.bulk_create(
        [RateLimitLock(scope=scope, shard=int(address_hash[:8] or "0", 16) % LOCK_SHARDS, used_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["scope", "shard"],
        update_fields=["used_at"],
    )


@contextlib.contextmanager
def within_rate_limit(queryset, address_hash: str, limit: tuple[int, dt.timedelta]):
    """A transaction in which a submission is stored only while its address is under `limit`.

        with public_forms.within_rate_limit(Proposal.objects.all(), address_hash, rate_limit()):
            Proposal.objects.create(..., ip_hash=address_hash)

    Takes the address's lock row (see `_lock`), counts the address's rows of
    `queryset` within the window and raises RateLimited when there are
    `limit` of them; otherwise the block runs in the same transaction, which
    commits (and releases the lock) after the block. Concurrent submissions
    from one address thus count and insert one after another: exactly `limit`
    get stored, whatever the number of processes, threads or databases' read
    snapshots (each statement of PostgreSQL's READ COMMITTED sees what
    committed before it started, and the count starts after the lock is held).

    Enter it outside any transaction: on SQLite the lock must be the
    transaction's first statement (after an earlier read the write could fail
    with "database is locked"; it still never lets more than `limit` through).
    """
    scope = queryset.model._meta.label_lower
    with transaction.atomic():
        _lock(scope, address_hash)
        if _recent(queryset, address_hash, limit):
            raise RateLimited(scope)
        yield
