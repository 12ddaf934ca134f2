"""The annex as a Word document (python-docx).

Headings use Word's own heading styles, which the navigation pane and
screen readers read; links are real hyperlinks, which python-docx cannot
make without the small XML helper `_add_link`.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .annex import Annex

# Characters XML 1.0 cannot hold (python-docx would raise on them): what a
# visitor typed may contain them.
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _clean(text: str) -> str:
    return str(text).translate(_CONTROL)


def _add_link(paragraph, text: str, url: str) -> None:
    relationship = paragraph.part.relate_to(_clean(url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    properties.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(underline)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = _clean(text)
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _labelled(document, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(_clean(label) + ": ").bold = True
    paragraph.add_run(_clean(value))


def render_docx(annex: Annex) -> bytes:
    document = Document()
    document.core_properties.title = annex.title
    document.core_properties.language = "fi-FI"
    document.add_heading(annex.title, level=1)
    document.add_paragraph(_("Päivätty %(date)s") % {"date": f"{annex.date.day}.{annex.date.month}.{annex.date.year}"})
    if annex.description or annex.duration or annex.budget:
        document.add_heading(_("Hankkeen kuvaus"), level=2)
        for part in _clean(annex.description).split("\n\n"):
            if part.strip():
                document.add_paragraph(part.strip())
        if annex.duration:
            _labelled(document, _("Kesto"), annex.duration)
        if annex.budget:
            _labelled(document, _("Budjetti"), annex.budget)

    document.add_heading(_("Valitut mallit"), level=2)
    if not annex.chosen:
        document.add_paragraph(_("Muistilistalla ei ole valittuja malleja."))
    for model in annex.chosen:
        document.add_heading(_clean(model.name), level=3)
        paragraph = document.add_paragraph()
        paragraph.add_run(_("Pysyvä osoite") + ": ").bold = True
        _add_link(paragraph, model.url, model.url)
        if model.summary:
            document.add_paragraph(_clean(model.summary))
        _labelled(document, _("Näytön taso"), model.evidence)
        _labelled(document, _("Käyttöönottovalmius"), model.readiness)
        _labelled(document, _("Jatkuvuus"), model.continuity)
        _labelled(document, _("Käyttöönotot"), "; ".join(model.adoptions) if model.adoptions else _("ei ilmoitettu"))
        if model.materials:
            document.add_paragraph().add_run(_("Materiaalit") + ":").bold = True
            for material in model.materials:
                _add_link(document.add_paragraph(style="List Bullet"), material.text, material.url)
        if model.contact or model.contact_email:
            paragraph = document.add_paragraph()
            paragraph.add_run(_("Yhteystiedot") + ": ").bold = True
            paragraph.add_run(
                _clean(", ".join(model.contact)) + (", " if model.contact and model.contact_email else "")
            )
            if model.contact_email:
                _add_link(paragraph, model.contact_email, "mailto:" + model.contact_email)
        if model.note:
            _labelled(document, _("Miten hyödynnämme mallia"), model.note)

    if annex.considered:
        document.add_heading(_("Harkitut mallit, joita ei valittu"), level=2)
        for model in annex.considered:
            paragraph = document.add_paragraph(style="List Bullet")
            _add_link(paragraph, model.name, model.url)
            if model.reason:
                paragraph.add_run(" – " + _clean(model.reason))

    document.add_heading(_("Asteikot"), level=2)
    document.add_paragraph().add_run(_("Näytön taso (0–5):")).bold = True
    for line in annex.evidence_scale:
        document.add_paragraph(line, style="List Bullet")
    for line in annex.readiness_scale:
        document.add_paragraph(line)

    document.add_heading(_("Näin viittaat Mallipankkiin"), level=2)
    document.add_paragraph(annex.citation)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
