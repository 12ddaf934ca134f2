"""The continuity rules: which practices are at risk of being lost.

Each rule is a plain function `rule(today, practices=None)` returning a
queryset of the practices it flags; `practices` narrows the candidates (a
region, a user's regions) and defaults to every live practice. `today` is
passed in rather than read from the clock so that the admin report, the
reminder command, the public region page and the tests all decide the same
way on the same day.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from mallipankki.core.memo import public
from mallipankki.links.report import materials_lost
from mallipankki.practices.models import Funding, PracticePage

ENDED = PracticePage.ContinuityStatus.ENDED

# The thresholds: funding ending within six months without a named
# continuity owner, and a status older than twelve months.
FUNDING_HORIZON_MONTHS = 6
CONFIRM_EVERY_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to the month's end (31.8. + 6 → 28/29.2.)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _candidates(practices: QuerySet | None) -> QuerySet:
    return PracticePage.objects.live() if practices is None else practices


def funding_ending_without_owner(today: date, practices: QuerySet | None = None) -> QuerySet:
    """Funding has ended, or ends within six months, and no continuity owner is named.

    The funding's end is the latest end date of its funding rows. A row
    without an end date counts as funding still running (there is nothing to
    warn about), and a practice with no dated funding is not flagged: the
    rule is about a known end. Ended practices are left to
    `ended_without_contact`: they are no longer at risk of ending.
    """
    horizon = add_months(today, FUNDING_HORIZON_MONTHS)
    rows = Funding.objects.filter(practice=OuterRef("pk"))
    last_end = rows.filter(end__isnull=False).order_by("-end").values("end")[:1]
    return (
        _candidates(practices)
        .filter(continuity_owner="")
        .exclude(continuity_status=ENDED)
        .exclude(Exists(rows.filter(end__isnull=True)))
        .annotate(funding_ends=Subquery(last_end))
        .filter(funding_ends__lte=horizon)
    )


def not_confirmed(today: date, practices: QuerySet | None = None) -> QuerySet:
    """The status was last confirmed twelve months ago or earlier, or never.

    Confirmed on 28.11.2025 is due again on 28.11.2026. Ended practices are
    not asked again: there is nothing left to keep current.
    """
    cutoff = add_months(today, -CONFIRM_EVERY_MONTHS)
    return (
        _candidates(practices)
        .exclude(continuity_status=ENDED)
        .filter(Q(continuity_verified_on__isnull=True) | Q(continuity_verified_on__lte=cutoff))
    )


def ended_without_contact(today: date, practices: QuerySet | None = None) -> QuerySet:
    """Ended, and nobody is named to ask about it: no contact person and no owner.

    Does not depend on the date; it takes `today` like the other rules.
    """
    return _candidates(practices).filter(
        continuity_status=ENDED, continuity_owner="", contact_name="", contact_email="", contact_phone=""
    )


def materials_broken(today: date, practices: QuerySet | None = None) -> QuerySet:
    """Every material is a broken link and none has a public copy: the model can no longer be used.

    The link checker decides what is broken (links/rules.py: three failed
    checks at least three days apart); `today` is taken like the other rules.
    """
    return materials_lost(_candidates(practices))


@dataclass(frozen=True)
class Rule:
    code: str
    check: object  # one of the functions above
    title: str  # the admin report's heading
    public_label: str  # what the public region page says; never personal data


RULES = (
    Rule(
        "funding",
        funding_ending_without_owner,
        _("Rahoitus päättynyt tai päättymässä, jatkajaa ei nimetty"),
        _("Rahoitus päättyy, eikä jatkajaa ole nimetty"),
    ),
    Rule(
        "unconfirmed",
        not_confirmed,
        _("Tilaa ei vahvistettu 12 kuukauteen"),
        _("Toiminnan tilaa ei ole vahvistettu vuoteen"),
    ),
    Rule(
        "ended",
        ended_without_contact,
        _("Päättynyt, eikä ketään ole nimetty kysyttäväksi"),
        _("Toiminta on päättynyt, eikä yhteyshenkilöä ole"),
    ),
    Rule(
        "materials",
        materials_broken,
        _("Kaikkien materiaalien linkit rikki, eikä julkista kopiota ole"),
        _("Mallin materiaalit eivät ole enää saatavilla"),
    ),
)


@dataclass
class PracticeRisks:
    practice: PracticePage
    rules: list[Rule]


def risks_in_region(region, today: date) -> list[PracticeRisks]:
    """The region's published practices that any rule flags, by name.

    For the public region page: only live, publicly viewable practices, and
    only the rule's public label; one query per rule and one for the pages.
    """
    in_region = public(PracticePage.objects.live()).filter(regions=region)
    hits: dict[int, list[Rule]] = {}
    for rule in RULES:
        for pk in rule.check(today, in_region).values_list("pk", flat=True):
            hits.setdefault(pk, []).append(rule)
    pages = PracticePage.objects.filter(pk__in=hits).order_by("title", "pk")
    return [PracticeRisks(page, hits[page.pk]) for page in pages]
