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


def _paragraph(document, text: str = "", style_id: str | None = None):
    """A paragraph in the style with id ``style_id`` (e.g. "Heading2", "ListBullet").

    python-docx looks a style named in ``add_paragraph(style=...)`` up among
    all the template's styles, every time; setting the style id directly
    halves the time of a 10-model annex. The ids are those of python-docx's
    default template, which Word shows as "Heading 2", "List Bullet".
    """
    paragraph = document.add_paragraph(_clean(text))
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def _heading(document, text: str, level: int):
    return _paragraph(document, text, f"Heading{level}")


def _labelled(document, label: str, value: str) -> None:
    paragraph = _paragraph(document)
    paragraph.add_run(_clean(label) + ": ").bold = True
    paragraph.add_run(_clean(value))


def render_docx(annex: Annex) -> bytes:
    document = Document()
    document.core_properties.title = annex.title
    document.core_properties.language = "fi-FI"
    _heading(document, annex.title, 1)
    _paragraph(document, _("Päivätty %(date)s") % {"date": f"{annex.date.day}.{annex.date.month}.{annex.date.year}"})
    if annex.description or annex.duration or annex.budget:
        _heading(document, _("Hankkeen kuvaus"), 2)
        for part in _clean(annex.description).split("\n\n"):
            if part.strip():
                _paragraph(document, part.strip())
        if annex.duration:
            _labelled(document, _("Kesto"), annex.duration)
        if annex.budget:
            _labelled(document, _("Budjetti"), annex.budget)

    _heading(document, _("Valitut mallit"), 2)
    if not annex.chosen:
        _paragraph(document, _("Muistilistalla ei ole valittuja malleja."))
    for model in annex.chosen:
        _heading(document, _clean(model.name), 3)
        paragraph = _paragraph(document)
        paragraph.add_run(_("Pysyvä osoite") + ": ").bold = True
        _add_link(paragraph, model.url, model.url)
        if model.summary:
            _paragraph(document, _clean(model.summary))
        _labelled(document, _("Näytön taso"), model.evidence)
        _labelled(document, _("Käyttöönottovalmius"), model.readiness)
        _labelled(document, _("Jatkuvuus"), model.continuity)
        _labelled(document, _("Käyttöönotot"), "; ".join(model.adoptions) if model.adoptions else _("ei ilmoitettu"))
        if model.materials:
            _paragraph(document).add_run(_("Materiaalit") + ":").bold = True
            for material in model.materials:
                _add_link(_paragraph(document, style_id="ListBullet"), material.text, material.url)
        if model.contact or model.contact_email:
            paragraph = _paragraph(document)
            paragraph.add_run(_("Yhteystiedot") + ": ").bold = True
            paragraph.add_run(
                _clean(", ".join(model.contact)) + (", " if model.contact and model.contact_email else "")
            )
            if model.contact_email:
                _add_link(paragraph, model.contact_email, "mailto:" + model.contact_email)
        if model.note:
            _labelled(document, _("Miten hyödynnämme mallia"), model.note)

    if annex.considered:
        _heading(document, _("Harkitut mallit, joita ei valittu"), 2)
        for model in annex.considered:
            paragraph = _paragraph(document, style_id="ListBullet")
            _add_link(paragraph, model.name, model.url)
            if model.reason:
                paragraph.add_run(" – " + _clean(model.reason))

    _heading(document, _("Asteikot"), 2)
    _paragraph(document).add_run(_("Näytön taso (0–5):")).bold = True
    for line in annex.evidence_scale:
        _paragraph(document, line, "ListBullet")
    for line in annex.readiness_scale:
        _paragraph(document, line)

    _heading(document, _("Näin viittaat Mallipankkiin"), 2)
    _paragraph(document, annex.citation)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
