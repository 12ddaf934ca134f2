"""Reference codes people can read out and type: EHD-2025-K7RM4X, TUKI-2026-K7RM4X.

A prefix naming the kind of thing, the year, and six characters chosen at
random from an alphabet without look-alikes, so that a code read over the
phone or copied by hand comes out right.
"""

import secrets

from django.utils import timezone

REFERENCE_ALPHABET = "ABCDEFHJKLMNPRSTUVWXY3456789"  # no 0/O, 1/I, 2/Z, G/6 look-alikes
CODE_LENGTH = 6


def new_reference(prefix: str) -> str:
    """E.g. new_reference("EHD") == "EHD-2025-K7RM4X": the prefix, this year and a random code."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{prefix}-{timezone.localdate().year}-{code}"
