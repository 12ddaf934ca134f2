"""The continuity risks of a user's regions, on the admin dashboard and as a count on the menu item.

A practice is at risk when any of the report's rules (rules.RULES) flags it;
regional workers see their regions' live practices, editors all
(views.practices_for). Counted once however many rules flag it.
"""

from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mallipankki.core.dashboard_panels import DashboardListPanel
from mallipankki.core.permissions import handles_all_regions

from .rules import RULES
from .views import practices_for


def practices_at_risk(user, today=None):
    """`user`'s live practices that any rule flags, longest unconfirmed first; each says which rules.

    Each rule is one uncorrelated `pk IN (…)` (the rules run once, not once
    per practice), and the count leaves the per-row flags out.
    """
    today = today or timezone.localdate()
    practices = practices_for(user)
    flagged = {rule.code: Q(pk__in=rule.check(today, practices).values("pk")) for rule in RULES}
    at_risk = Q()
    for condition in flagged.values():
        at_risk |= condition
    flags = {
        f"risk_{code}": ExpressionWrapper(condition, output_field=BooleanField()) for code, condition in flagged.items()
    }
    return (
        practices.filter(at_risk)
        .annotate(**flags)
        .only("pk", "title", "continuity_verified_on")
        .order_by(F("continuity_verified_on").asc(nulls_first=True), "title", "pk")
    )


def risk_count(user) -> int:
    return practices_at_risk(user).count()


def risk_label(count: int) -> str:
    """What the menu item's count means, for screen readers: "3 mallia, joiden jatkuvuus on epävarma"."""
    return ngettext(
        "%(count)s malli, jonka jatkuvuus on epävarma", "%(count)s mallia, joiden jatkuvuus on epävarma", count
    ) % {"count": count}


def risk_row(page) -> dict:
    return {
        "title": page.title,
        "url": reverse("continuity_report")
        + "#jatkuvuus-"
        + next(rule.code for rule in RULES if getattr(page, f"risk_{rule.code}")),
        "detail": "; ".join(str(rule.title) for rule in RULES if getattr(page, f"risk_{rule.code}")),
        "date": page.continuity_verified_on,
    }


def risks_panel(user, practices) -> DashboardListPanel:
    """`practices` from practices_at_risk(user)."""
    return DashboardListPanel(
        "continuity-risks",
        _("Jatkuvuusriskit") if handles_all_regions(user) else _("Jatkuvuusriskit alueillasi"),
        practices,
        risk_row,
        _("Ei malleja, joiden jatkuvuus on epävarma."),
        _("Tila vahvistettu"),
        order=160,
        all_url=reverse("continuity_report"),
        queue_label=_("Avaa jatkuvuusraportti"),
    )
