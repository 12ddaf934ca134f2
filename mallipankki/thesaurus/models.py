"""The domain thesaurus: concepts of employment promotion with Finnish,
Swedish and English labels.

Search widens a query with a matched concept's other labels (see
mallipankki.search.expansion); editors keep the concepts as snippets. The
seed data is in data/concepts/*.json (see loading.py).
"""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin

LANGUAGES = ("fi", "sv", "en")

GROUPS = [
    ("kohderyhmat", _("Kohderyhmät")),
    ("palvelut", _("Palvelut ja toimenpiteet")),
    ("saadokset-ja-etuudet", _("Säädökset ja etuudet")),
    ("organisaatiot", _("Organisaatiot ja toimijat")),
    ("menetelmat", _("Menetelmät ja toimintatavat")),
    ("tyoelama-ja-osaaminen", _("Työelämä, osaaminen ja koulutus")),
    ("terveys-ja-toimintakyky", _("Terveys, hyvinvointi ja toimintakyky")),
    ("ammatit-ja-toimialat", _("Ammatit, alat ja työtehtävät")),
]

YSO_CREDIT = "YSO – Yleinen suomalainen ontologia, Kansalliskirjasto / Finto, CC BY 4.0"

LABELS_HELP = _(
    "Yksi nimike riville, perusmuodossa. Ensimmäinen on ensisijainen nimike, jonka hakusivu näyttää; "
    "muut ovat synonyymejä, muunnelmia ja lyhenteitä. Älä lisää hyvin yleistä yksittäistä sanaa "
    "(”työ”, ”tuki”, ”palvelu”): se laajentaisi lähes jokaisen haun."
)


def split_labels(text: str) -> list[str]:
    """The labels of one language, in order, without blanks or repeats."""
    return list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))


class Concept(RevisionMixin, models.Model):
    slug = models.SlugField(
        _("tunniste"), max_length=100, unique=True, help_text=_("Pysyvä tunniste (ASCII), esim. palkkatuki.")
    )
    group = models.CharField(_("ryhmä"), max_length=40, choices=GROUPS)
    labels_fi = models.TextField(_("nimikkeet suomeksi"), help_text=LABELS_HELP)
    labels_sv = models.TextField(_("nimikkeet ruotsiksi"), help_text=LABELS_HELP)
    labels_en = models.TextField(_("nimikkeet englanniksi"), help_text=LABELS_HELP)
    yso_uri = models.URLField(
        _("YSO-käsite"),
        blank=True,
        help_text=_(
            "Vastaavan YSO-käsitteen osoite (http://www.yso.fi/onto/yso/p…), vain jos se on tarkistettu. "
            "Lähde: YSO – Yleinen suomalainen ontologia, Kansalliskirjasto / Finto, CC BY 4.0."
        ),
    )
    # Fingerprint of the content as last loaded from the data files: a
    # concept whose content still has it is untouched by editors, so
    # load_thesaurus may update it; otherwise it is left as the editor made it.
    loaded_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # Other processes notice an edit by this (see search.expansion).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("käsite")
        verbose_name_plural = _("käsitteet")
        ordering = ["group", "slug"]

    def __str__(self) -> str:
        return self.preferred_label("fi") or self.slug

    def labels(self, lang: str) -> list[str]:
        return split_labels(getattr(self, f"labels_{lang}", ""))

    def preferred_label(self, lang: str) -> str:
        labels = self.labels(lang)
        return labels[0] if labels else ""

    def all_labels(self) -> list[tuple[str, str]]:
        """(language, label) for every label, preferred labels first within each language."""
        return [(lang, label) for lang in LANGUAGES for label in self.labels(lang)]

    def clean(self):
        errors = {}
        for lang in LANGUAGES:
            if not self.labels(lang):
                errors[f"labels_{lang}"] = _("Anna vähintään yksi nimike.")
        # A label that belongs to two concepts would widen a query with both.
        own = {label.casefold() for _lang, label in self.all_labels()}
        for other in Concept.objects.exclude(pk=self.pk).only("slug", "labels_fi", "labels_sv", "labels_en"):
            shared = own & {label.casefold() for _lang, label in other.all_labels()}
            if shared:
                errors.setdefault("labels_fi", []).append(
                    _("Nimike ”%(label)s” on jo käsitteellä %(other)s.") % {"label": sorted(shared)[0], "other": other}
                )
        if errors:
            raise ValidationError(errors)

    def fingerprint(self) -> str:
        return content_fingerprint(self.group, {lang: self.labels(lang) for lang in LANGUAGES}, self.yso_uri or None)


def content_fingerprint(group: str, labels: dict[str, list[str]], yso: str | None) -> str:
    content = json.dumps([group, [labels.get(lang, []) for lang in LANGUAGES], yso or ""], ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()
