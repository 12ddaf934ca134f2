"""Region names read as Finnish: every region has its case forms, and they are what the pages say."""

import pytest
from django.utils import translation

from mallipankki.vocabularies.loading import CASE_FORM_FIELDS, read_region_case_forms, read_vocabulary_file
from mallipankki.vocabularies.models import Region


def test_the_case_forms_file_covers_every_region_of_the_vocabulary_file():
    codes = {row["code"] for row in read_vocabulary_file()["regions"]}
    forms = read_region_case_forms()
    assert set(forms) == codes
    for code, fields in forms.items():
        assert set(fields) == set(CASE_FORM_FIELDS.values()), code
        assert all(value.strip() for value in fields.values()), code


@pytest.mark.django_db
def test_every_region_has_its_case_forms_after_migrating():
    regions = list(Region.objects.all())
    assert len(regions) == 19
    for region in regions:
        assert region.genitive_fi and region.where_fi and region.from_fi and region.to_fi, region.code


@pytest.mark.django_db
def test_forms_follow_finnish_usage_not_a_rule():
    lappi, uusimaa = Region.objects.get(code="FI-10"), Region.objects.get(code="FI-18")
    with translation.override("fi"):
        assert (lappi.name_genitive, lappi.name_where, lappi.name_from, lappi.name_to) == (
            "Lapin", "Lapissa", "Lapista", "Lappiin",
        )  # fmt: skip
        assert (uusimaa.name_genitive, uusimaa.name_where) == ("Uudenmaan", "Uudellamaalla")


@pytest.mark.django_db
def test_other_languages_get_the_plain_name_for_their_prepositions():
    lappi = Region.objects.get(code="FI-10")
    with translation.override("sv"):
        assert lappi.name_where == "Lappland"
    lappi.where_fi = ""
    with translation.override("fi"):
        assert lappi.name_where == "Lappi"
