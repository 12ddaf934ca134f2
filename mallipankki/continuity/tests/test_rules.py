"""The three continuity rules on a fixed day, at their boundary days."""

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from mallipankki.continuity import rules
from mallipankki.continuity.rules import add_months, ended_without_contact, funding_ending_without_owner, not_confirmed
from mallipankki.practices.models import PracticePage
from mallipankki.vocabularies.models import Region

from .helpers import continuity_practice

TODAY = date(2026, 11, 28)
ENDED = PracticePage.ContinuityStatus.ENDED
IN_PROJECT = PracticePage.ContinuityStatus.IN_PROJECT


def flagged(rule, today=TODAY) -> set[int]:
    return set(rule(today).values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 28), 6, date(2027, 5, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2028, 2, 29), -12, date(2027, 2, 28)),
        (date(2026, 1, 15), -12, date(2025, 1, 15)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
    ],
)
def test_add_months_clamps_to_the_end_of_short_months(day, months, expected):
    assert add_months(day, months) == expected


def test_funding_rule_flags_funding_ending_within_six_months_inclusive(make_practice):
    on_horizon = continuity_practice(make_practice, funding_ends=[date(2027, 5, 28)])
    past_horizon = continuity_practice(make_practice, funding_ends=[date(2027, 5, 29)])
    ends_today = continuity_practice(make_practice, funding_ends=[TODAY])
    ended_long_ago = continuity_practice(make_practice, funding_ends=[date(2023, 12, 31)], status=IN_PROJECT)

    assert flagged(funding_ending_without_owner) == {on_horizon.pk, ends_today.pk, ended_long_ago.pk}
    # One day later the horizon moves onto the next practice.
    assert past_horizon.pk in flagged(funding_ending_without_owner, date(2026, 11, 29))


def test_funding_rule_needs_a_known_end_and_no_owner(make_practice):
    continuity_practice(make_practice, funding_ends=[date(2026, 12, 31)], owner="Rovaniemen kaupunki")
    continuity_practice(make_practice, funding_ends=[date(2025, 1, 1), None])  # one row without an end: running
    continuity_practice(make_practice, funding_ends=[date(2024, 1, 1), date(2028, 1, 1)])  # the latest end counts
    continuity_practice(make_practice)  # no funding rows at all
    continuity_practice(make_practice, funding_ends=[date(2025, 1, 1)], status=ENDED)  # already ended
    continuity_practice(make_practice, funding_ends=[date(2025, 1, 1)], published=False)  # draft

    assert flagged(funding_ending_without_owner) == set()


def test_funding_rule_reports_the_latest_end(make_practice):
    page = continuity_practice(make_practice, funding_ends=[date(2024, 6, 30), date(2027, 1, 31)])
    assert funding_ending_without_owner(TODAY).get(pk=page.pk).funding_ends == date(2027, 1, 31)


def test_confirmation_rule_is_due_twelve_months_to_the_day(make_practice):
    a_year_ago = continuity_practice(make_practice, verified=date(2025, 11, 28), status=IN_PROJECT)
    a_day_short = continuity_practice(make_practice, verified=date(2025, 11, 29), status=IN_PROJECT)
    never = continuity_practice(make_practice, status=IN_PROJECT)
    long_ago = continuity_practice(make_practice, verified=date(2020, 1, 1))

    assert flagged(not_confirmed) == {a_year_ago.pk, never.pk, long_ago.pk}
    assert a_day_short.pk in flagged(not_confirmed, date(2026, 11, 29))


def test_confirmation_rule_skips_ended_and_unpublished_practices(make_practice):
    continuity_practice(make_practice, status=ENDED)
    continuity_practice(make_practice, status=IN_PROJECT, published=False)
    assert flagged(not_confirmed) == set()


def test_ended_rule_wants_somebody_to_ask(make_practice):
    nobody = continuity_practice(make_practice, status=ENDED)
    continuity_practice(make_practice, status=ENDED, contact={"email": "anna@example.org"})
    continuity_practice(make_practice, status=ENDED, contact={"name": "Anna Aalto"})
    continuity_practice(make_practice, status=ENDED, contact={"phone": "040 123 4567"})
    continuity_practice(make_practice, status=ENDED, owner="Kela")
    continuity_practice(make_practice, status=IN_PROJECT)  # not ended

    assert flagged(ended_without_contact) == {nobody.pk}


def test_rules_narrow_to_the_given_practices(make_practice):
    lappi = continuity_practice(make_practice, regions=["FI-10"])
    continuity_practice(make_practice, regions=["FI-18"])
    in_lappi = PracticePage.objects.live().filter(regions__code="FI-10")
    assert set(not_confirmed(TODAY, in_lappi).values_list("pk", flat=True)) == {lappi.pk}


def test_risks_in_region_lists_published_practices_with_their_rules(make_practice):
    lappi = Region.objects.get(code="FI-10")
    both = continuity_practice(
        make_practice, regions=["FI-10"], funding_ends=[date(2026, 12, 31)], name="Bussilla töihin"
    )
    ended = continuity_practice(make_practice, regions=["FI-10"], status=ENDED, name="Aamukahvit")
    continuity_practice(make_practice, regions=["FI-10"], verified=date(2026, 6, 1), status=IN_PROJECT)  # fine
    continuity_practice(make_practice, regions=["FI-18"], status=ENDED)  # another region
    continuity_practice(make_practice, regions=["FI-10"], status=ENDED, published=False)  # draft

    risks = rules.risks_in_region(lappi, TODAY)

    assert [item.practice.pk for item in risks] == [ended.pk, both.pk]  # by name
    assert [rule.code for rule in risks[0].rules] == ["ended"]
    assert [rule.code for rule in risks[1].rules] == ["funding", "unconfirmed"]


def test_region_risks_include_shows_names_and_risks_but_no_people(make_practice, django_assert_max_num_queries):
    lappi = Region.objects.get(code="FI-10")
    for number in range(4):
        continuity_practice(
            make_practice,
            regions=["FI-10"],
            name=f"Lapin malli {number}",
            contact={"name": "Salla Salainen", "email": "salla@example.org", "phone": "040 765 4321"},
        )

    with django_assert_max_num_queries(8):
        html = render_to_string("continuity/includes/region_risks.html", {"region": lappi})

    assert "Lapin malli 0" in html and "Lapin malli 3" in html
    assert "Toiminnan tilaa ei ole vahvistettu vuoteen" in html
    for private in ("Salla", "salla@example.org", "040 765 4321"):
        assert private not in html
    assert 'href="/mallit/' in html


def test_region_risks_include_has_an_empty_state(make_practice):
    continuity_practice(make_practice, regions=["FI-10"], verified=timezone.localdate(), status=IN_PROJECT)
    html = render_to_string("continuity/includes/region_risks.html", {"region": Region.objects.get(code="FI-10")})
    assert "ei ole tiedossa olevia jatkuvuusriskejä" in html
    assert "<li>" not in html
