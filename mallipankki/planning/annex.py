"""The annex for a funding application: "Aiemmin kehitetyt mallit hankkeen pohjana".

`build_annex` gathers what the annex says from the shortlist and the
description, as plain data; annex_pdf.py and annex_docx.py lay the same data
out as PDF and DOCX, so the two cannot say different things. Only public
contact details are included (a practice's contact only when marked public).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from mallipankki.practices.choices import ContinuityStatus, EvidenceLevel
from mallipankki.practices.interchange import public_url
from mallipankki.search.snippets import plain_text

from .forms import BUDGETS, DURATIONS
from .shortlist import ANNEX_RELATED, Shortlist, practices_by_id

TITLE = "Aiemmin kehitetyt mallit hankkeen pohjana"


@dataclass
class Link:
    text: str
    url: str


@dataclass
class AnnexModel:
    name: str
    url: str
    summary: str
    evidence: str
    readiness: str
    continuity: str
    adoptions: list[str] = field(default_factory=list)
    materials: list[Link] = field(default_factory=list)
    contact: list[str] = field(default_factory=list)
    contact_email: str = ""
    note: str = ""
    page_id: int | None = None


@dataclass
class ConsideredModel:
    name: str
    url: str
    reason: str


@dataclass
class Annex:
    title: str
    description: str
    date: dt.date
    chosen: list[AnnexModel]
    considered: list[ConsideredModel]
    evidence_scale: list[str]
    readiness_scale: list[str]
    citation: str
    site_url: str
    # The planned duration and budget band as the planner picked them
    # (labels, not codes), or "" when not given.
    duration: str = ""
    budget: str = ""


def _readiness(page) -> str:
    if page.readiness_total is None:
        return _("ei ilmoitettu")
    parts = []
    if page.readiness_materials is not None:
        parts.append(_("materiaalit %(points)s/3") % {"points": page.readiness_materials})
    if page.readiness_training is not None:
        parts.append(_("koulutus ja tuki %(points)s/2") % {"points": page.readiness_training})
    if page.readiness_fidelity is not None:
        parts.append(_("mallin mukaisuuden välineet %(points)s/3") % {"points": page.readiness_fidelity})
    return _("%(total)s/8 pistettä (%(parts)s)") % {"total": page.readiness_total, "parts": ", ".join(parts)}


def _continuity(page) -> str:
    parts = [ContinuityStatus(page.continuity_status).label if page.continuity_status else _("ei ilmoitettu")]
    if page.continuity_owner:
        parts.append(_("jatkaja: %(owner)s") % {"owner": page.continuity_owner})
    if page.continuity_funding:
        parts.append(_("jatkorahoitus: %(funding)s") % {"funding": page.continuity_funding})
    return "; ".join(str(part) for part in parts)


def _adoptions(page) -> list[str]:
    lines = []
    for adoption in page.adoptions.all():
        where = [adoption.organisation]
        if adoption.region_id:
            where.append(adoption.region.name)
        if adoption.year:
            where.append(str(adoption.year))
        lines.append(", ".join(part for part in where if part))
    return lines


def _materials(page) -> list[Link]:
    links = []
    for resource in page.resources.all():
        url = resource.absolute_url()
        if url:
            links.append(Link(resource.title or url, url))
    return links


def _contact(page) -> tuple[list[str], str]:
    if not page.contact_public or not page.contact_name:
        return [], ""
    lines = [", ".join(part for part in (page.contact_name, page.contact_organisation) if part)]
    if page.contact_phone:
        lines.append(page.contact_phone)
    return lines, page.contact_email


def model_of(page, note: str = "") -> AnnexModel:
    contact, email = _contact(page)
    return AnnexModel(
        name=page.name,
        url=public_url(page),
        summary=page.summary or plain_text(page.description)[:600],
        evidence=str(EvidenceLevel(page.evidence_level).label)
        if page.evidence_level is not None
        else _("ei ilmoitettu"),
        readiness=_readiness(page),
        continuity=_continuity(page),
        adoptions=_adoptions(page),
        materials=_materials(page),
        contact=contact,
        contact_email=email,
        note=note,
        page_id=page.pk,
    )


def _label(choices, code) -> str:
    """The label of ``code`` among a form's choices, or "" for no pick or a code not offered."""
    if not code or not isinstance(code, str):
        return ""
    return next((str(label) for value, label in choices if value and value == code), "")


def build_annex(
    shortlist: Shortlist,
    description: str = "",
    today: dt.date | None = None,
    duration: str = "",
    budget: str = "",
) -> Annex:
    practices = practices_by_id(shortlist.ids, ANNEX_RELATED)
    today = today or timezone.localdate()
    chosen = [model_of(practices[item["id"]], item["note"]) for item in shortlist.chosen if item["id"] in practices]
    considered = [
        ConsideredModel(practices[item["id"]].name, public_url(practices[item["id"]]), item["reason"])
        for item in shortlist.considered
        if item["id"] in practices
    ]
    site = settings.BASE_URL + "/"
    return Annex(
        title=TITLE,
        description=description,
        date=today,
        chosen=chosen,
        considered=considered,
        evidence_scale=[str(label) for _value, label in EvidenceLevel.choices],
        readiness_scale=[
            _("Käyttöönottovalmius on kolmen osan summa, enintään 8 pistettä:"),
            _("materiaalit 0–3: onko mallista käyttöönottoon riittävät kuvaukset, oppaat ja lomakkeet;"),
            _("koulutus ja tuki 0–2: saako käyttöönottoon koulutusta tai tukea;"),
            _("mallin mukaisuuden välineet 0–3: voiko mallin mukaista toteutusta seurata ja arvioida."),
        ],
        citation=_(
            "Mallipankki – hyviä käytänteitä ja malleja työllisyyden edistämiseen. Yhteiskunnallisten yritysten "
            "osaamiskeskus. %(url)s (luettu %(date)s)."
        )
        % {"url": site, "date": f"{today.day}.{today.month}.{today.year}"},
        site_url=site,
        duration=_label(DURATIONS, duration),
        budget=_label(BUDGETS, budget),
    )
