import re

from django.utils import timezone

from mallipankki.core.references import REFERENCE_ALPHABET, new_reference


def test_a_reference_is_the_prefix_the_year_and_six_unambiguous_characters():
    reference = new_reference("TEST")
    prefix, year, code = reference.split("-")
    assert (prefix, year) == ("TEST", str(timezone.localdate().year))
    assert re.fullmatch(f"[{REFERENCE_ALPHABET}]{{6}}", code)
    # One of each look-alike pair (0/O, 1/I, 2/Z, G/6) is left out.
    assert not set("0O1I2ZG") & set(REFERENCE_ALPHABET)
