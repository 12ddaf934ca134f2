"""Scaling guidance: what a practice needs before it can spread one stage further.

A practice moves pilot → local → regional → national → international. Spreading
fails most often when nobody has planned for "what if it works": nobody runs
the practice after the project, nothing pays for it, or newcomers cannot take
it up without its developers. So for the next stage the guidance checks five
things — a continuity owner, continuity funding, and the three readiness parts
scored in the evaluation (materials 0–3, training 0–2, fidelity tools 0–3) —
and says, for each one missing, the next step in plain Finnish.

The readiness a stage needs grows with the distance from the developers: a
neighbouring unit can ask them (training 1) from a written description
(materials 1) when the core is named (fidelity 1); a region needs a handbook
and a checklist; the whole country needs a ready toolkit and organised
training; other countries also need systematic fidelity monitoring. The steps
follow the wording of the published readiness scale
(evaluation/migrations/0003_framework_defaults.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .choices import ScalingStage as Stage

if TYPE_CHECKING:
    # Only named in annotations: the practice page calls this module, so this
    # module does not import the page model when it runs.
    from .models import PracticePage

STAGES = [Stage.PILOT, Stage.LOCAL, Stage.REGIONAL, Stage.NATIONAL, Stage.INTERNATIONAL]

# Readiness each stage needs: (materials, training, fidelity). The last stage
# has no next one; a practice there keeps to what it needs itself.
NEEDED = {
    Stage.LOCAL: (1, 1, 1),
    Stage.REGIONAL: (2, 1, 2),
    Stage.NATIONAL: (3, 2, 2),
    Stage.INTERNATIONAL: (3, 2, 3),
}
MAXIMUM = {"materials": 3, "training": 2, "fidelity": 3}


def _materials_step(level: int) -> str:
    return {
        1: _("Kirjoita mallista kuvaus: mitä se tekee, kenelle ja miten."),
        2: _("Kokoa mallista käsikirja tai opas, jonka avulla uusi toteuttaja pääsee alkuun."),
        3: _("Viimeistele työvälinepaketti: käsikirjan lisäksi lomakkeet, työkalut ja esimerkit valmiiksi käyttöön."),
    }[level]


def _training_step(level: int) -> str:
    return {
        1: _("Kerro, keneltä käyttöönottajat saavat neuvoa, ja sovi, kuka vastaa heidän kysymyksiinsä."),
        2: _("Järjestä käyttöönottajille säännöllistä koulutusta, työnohjausta tai mentorointia."),
    }[level]


def _fidelity_step(level: int) -> str:
    return {
        1: _("Kuvaa mallin ydinosat: mitkä osat ovat välttämättömiä ja mitä saa soveltaa."),
        2: _("Laadi tarkistuslista, jolla toteutusta voi verrata malliin."),
        3: _("Seuraa mallin mukaisuutta järjestelmällisesti mittarein tai auditoinnein."),
    }[level]


@dataclass(frozen=True)
class Requirement:
    """One thing the next stage needs: in place or not, and the step if not."""

    key: str  # owner, funding, materials, training, fidelity
    label: str
    in_place: bool
    value: str = ""  # what there is: the owner, the funding, or the score "2/3"
    next_step: str = ""
    assessed: bool = True  # False: a readiness part nobody has scored yet
    needed: str = ""  # a readiness part's score the next stage needs, "2/3"


@dataclass(frozen=True)
class ScalingGuidance:
    stage: str  # "" when the practice has not said
    next_stage: str  # "" at the last stage
    readiness_total: int | None
    requirements: list[Requirement] = field(default_factory=list)
    readiness_maximum: int = sum(MAXIMUM.values())

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label if self.stage else ""

    @property
    def next_stage_label(self) -> str:
        return Stage(self.next_stage).label if self.next_stage else ""

    @property
    def in_place(self) -> list[Requirement]:
        return [item for item in self.requirements if item.in_place]

    @property
    def missing(self) -> list[Requirement]:
        return [item for item in self.requirements if not item.in_place]

    @property
    def short(self) -> list[Requirement]:
        """Missing and known to fall short: a readiness part scored below what the stage needs."""
        return [item for item in self.missing if item.value]

    @property
    def unknown(self) -> list[Requirement]:
        """Missing because nobody has said: no owner or funding given, or a
        readiness part not scored yet. Told apart from `short` on the page: a
        reader must not take "not told" for "known to be lacking"."""
        return [item for item in self.missing if not item.value]

    @property
    def next_steps(self) -> list[str]:
        steps = [item.next_step for item in self.missing]
        if not self.stage:
            steps.insert(
                0, _("Kerro, missä mallia käytetään nyt: kokeiluna, paikallisesti, alueellisesti vai laajemmin.")
            )
        if any(not item.assessed for item in self.requirements):
            steps.append(_("Pyydä mallille arviointi, niin käyttöönottovalmius saadaan näkyviin."))
        return steps


def next_stage(stage: str) -> str:
    """The stage after `stage`; "" after the last stage or when it is not known."""
    if not stage:
        return ""
    position = STAGES.index(Stage(stage))
    return STAGES[position + 1].value if position + 1 < len(STAGES) else ""


def _project_funding_end(page: PracticePage) -> dt.date | None:
    """When the last project funding ends, if every funding row says."""
    ends = [row.end for row in page.funding.all()]
    if not ends or None in ends:
        return None
    return max(ends)


def _funding_step(page: PracticePage, today: dt.date) -> str:
    end = _project_funding_end(page)
    if end is None:
        return _("Sovi, millä rahoituksella malli jatkuu hankkeen jälkeen, ja kirjaa se malliin.")
    date = formats.date_format(end, "j.n.Y")
    if end < today:
        return _("Hankerahoitus päättyi %(date)s: sovi, millä rahoituksella malli jatkuu, ja kirjaa se malliin.") % {
            "date": date
        }
    return _("Hankerahoitus päättyy %(date)s: sovi ennen sitä, millä rahoituksella malli jatkuu.") % {"date": date}


def _readiness(key: str, label: str, score: int | None, needed: int, step) -> Requirement:
    value = f"{score}/{MAXIMUM[key]}" if score is not None else ""
    wanted = f"{needed}/{MAXIMUM[key]}"
    if score is not None and score >= needed:
        return Requirement(key, label, True, value, needed=wanted)
    return Requirement(key, label, False, value, step(needed), assessed=score is not None, needed=wanted)


def scaling_guidance(page: PracticePage, today: dt.date | None = None) -> ScalingGuidance:
    """What `page` has in place and what it still needs for its next stage.

    A practice with no stage is treated as heading for a pilot's next step
    (local use), the smallest step anyone can take. At the last stage the
    guidance checks what staying there needs, the same as reaching it.
    """
    today = today or timezone.localdate()
    stage = page.scaling_stage or ""
    following = next_stage(stage)
    materials, training, fidelity = NEEDED[Stage(following or stage or Stage.LOCAL)]

    requirements = []
    if page.continuity_owner.strip():
        requirements.append(Requirement("owner", _("Jatkaja hankkeen jälkeen"), True, page.continuity_owner.strip()))
    else:
        requirements.append(
            Requirement(
                "owner",
                _("Jatkaja hankkeen jälkeen"),
                False,
                next_step=_("Nimeä, kuka jatkaa mallin ylläpitoa hankkeen jälkeen."),
            )
        )
    if page.continuity_funding.strip():
        requirements.append(Requirement("funding", _("Jatkorahoitus"), True, page.continuity_funding.strip()))
    else:
        requirements.append(Requirement("funding", _("Jatkorahoitus"), False, next_step=_funding_step(page, today)))
    requirements += [
        _readiness("materials", _("Materiaalit"), page.readiness_materials, materials, _materials_step),
        _readiness("training", _("Koulutus ja tuki"), page.readiness_training, training, _training_step),
        _readiness("fidelity", _("Mallin mukaisuuden välineet"), page.readiness_fidelity, fidelity, _fidelity_step),
    ]
    return ScalingGuidance(
        stage=stage,
        next_stage=following,
        readiness_total=page.readiness_total,
        requirements=requirements,
    )
