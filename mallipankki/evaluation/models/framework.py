"""The published evaluation framework, edited by admins as snippets and shown at /arviointi/.

- `EvaluationCriterion`: a criterion scored 0–3, with what each score means;
- `ScaleLevel`: one step of the evidence scale (0–5) or of a readiness part.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

SCORE_CHOICES = [(0, "0"), (1, "1"), (2, "2"), (3, "3")]


class EvaluationCriterion(models.Model):
    """A criterion scored 0–3, with what each score means."""

    name = models.CharField(_("nimi"), max_length=200)
    description = models.TextField(_("kuvaus"), help_text=_("Mitä arvioidaan ja miksi."))
    scale_0 = models.CharField(_("0 pistettä"), max_length=500)
    scale_1 = models.CharField(_("1 piste"), max_length=500)
    scale_2 = models.CharField(_("2 pistettä"), max_length=500)
    scale_3 = models.CharField(_("3 pistettä"), max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    active = models.BooleanField(
        _("käytössä"), default=True, help_text=_("Vain käytössä olevat kriteerit pisteytetään ja näytetään.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("scale_0"), FieldPanel("scale_1"), FieldPanel("scale_2"), FieldPanel("scale_3")],
            heading=_("Asteikko 0–3"),
        ),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("active")]),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("arviointikriteeri")
        verbose_name_plural = _("arviointikriteerit")

    def __str__(self):
        return self.name

    @property
    def scale(self) -> list[tuple[int, str]]:
        return [(value, getattr(self, f"scale_{value}")) for value in range(4)]


class ScaleLevel(models.Model):
    """One step of the evidence scale (0–5) or of a readiness part."""

    class Scale(models.TextChoices):
        EVIDENCE = "evidence", _("Näytön taso (0–5)")
        MATERIALS = "materials", _("Materiaalit (0–3)")
        TRAINING = "training", _("Koulutus ja tuki (0–2)")
        FIDELITY = "fidelity", _("Mallin mukaisuuden välineet (0–3)")

    MAXIMUM = {"evidence": 5, "materials": 3, "training": 2, "fidelity": 3}

    scale = models.CharField(_("asteikko"), max_length=20, choices=Scale.choices)
    value = models.PositiveSmallIntegerField(_("arvo"), validators=[MaxValueValidator(5)])
    title = models.CharField(_("otsikko"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)

    panels = [FieldRowPanel([FieldPanel("scale"), FieldPanel("value")]), FieldPanel("title"), FieldPanel("description")]

    class Meta:
        ordering = ["scale", "value"]
        constraints = [models.UniqueConstraint(fields=["scale", "value"], name="evaluation_scalelevel_unique")]
        verbose_name = _("asteikon taso")
        verbose_name_plural = _("asteikkojen tasot")

    def __str__(self):
        return f"{self.get_scale_display()}: {self.value} – {self.title}"

    def clean(self):
        maximum = self.MAXIMUM.get(self.scale)
        if maximum is not None and self.value is not None and self.value > maximum:
            raise ValidationError({"value": _("Tämän asteikon suurin arvo on %(max)s.") % {"max": maximum}})
