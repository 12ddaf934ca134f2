"""Signed, expiring confirmation links.

A token is `django.core.signing.dumps({"p": practice id, "r": reminder id})`
with this module's salt, timestamped when it is made. It needs no storage:
the signature proves the server made it, the timestamp says how old it is.
The salt keeps these tokens from being accepted anywhere else that signs
with the same SECRET_KEY.
"""

from dataclasses import dataclass

from django.core import signing

from . import conf
from .models import ContinuityReminder

SALT = "mallipankki.continuity.confirmation"


def make_token(reminder: ContinuityReminder) -> str:
    return signing.dumps({"p": reminder.practice_id, "r": reminder.pk}, salt=SALT, compress=True)


class InvalidToken(Exception):
    """Tampered with, cut short, or naming a reminder that does not exist."""


@dataclass
class TokenResult:
    reminder: ContinuityReminder
    expired: bool


def read_token(token: str) -> TokenResult:
    """The reminder a token names, and whether the link has expired.

    An expired token is still checked for its signature: only a link the
    server really sent gets the "expired" page (which names the practice).
    """
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(payload, dict) or not isinstance(payload.get("r"), int) or not isinstance(payload.get("p"), int):
        raise InvalidToken
    reminder = (
        ContinuityReminder.objects.select_related("practice").filter(pk=payload["r"], practice_id=payload["p"]).first()
    )
    if reminder is None:
        raise InvalidToken
    try:
        signing.loads(token, salt=SALT, max_age=conf.link_max_age())
    except signing.SignatureExpired:
        return TokenResult(reminder, expired=True)
    return TokenResult(reminder, expired=False)
