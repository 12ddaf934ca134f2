"""The fixed value lists of a practice, also the enumerations of the
interchange format (formats/practices-v1.schema.json).

They live outside the models package so that the code the practice page
itself calls (scaling.py) can name the stages without importing the page
model; the model offers them as before, as PracticePage.ScalingStage etc.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceLevel(models.IntegerChoices):
    NOT_ASSESSED = 0, _("0 – ei arvioitu")
    DESCRIBED = 1, _("1 – vaikutus kuvattu selkeästi")
    DATA = 2, _("2 – aineisto osoittaa muutoksen")
    COMPARISON = 3, _("3 – vertailuryhmä osoittaa vaikutuksen")
    REPLICATED = 4, _("4 – toistettu riippumattomasti")
    AT_SCALE = 5, _("5 – toistettu laajasti, vaikutus säilynyt")


class ScalingStage(models.TextChoices):
    PILOT = "pilot", _("Kokeilu")
    LOCAL = "local", _("Paikallinen")
    REGIONAL = "regional", _("Alueellinen")
    NATIONAL = "national", _("Valtakunnallinen")
    INTERNATIONAL = "international", _("Kansainvälinen")


class ContinuityStatus(models.TextChoices):
    IN_PROJECT = "in_project", _("Hankkeessa")
    EMBEDDED = "embedded", _("Vakiintunut pysyvään toimintaan")
    ENDED = "ended", _("Päättynyt")
    UNKNOWN = "unknown", _("Ei tiedossa")


class Status(models.TextChoices):
    DRAFT = "draft", _("Luonnos")
    SUBMITTED = "submitted", _("Ehdotettu")
    IN_REVIEW = "in_review", _("Arvioitavana")
    PUBLISHED = "published", _("Julkaistu")
    ARCHIVED = "archived", _("Arkistoitu")
    REJECTED = "rejected", _("Hylätty")
