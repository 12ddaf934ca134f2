"""Swedish and English fields beside a page's Finnish ones, and the editor's tabs for them.

Content is translated by fields on one page tree, not by a tree per locale
(README, "Kielet"): each page keeps one URL under /, /sv/ and /en/, one cache
entry and one search document. `<field>_sv` and `<field>_en` sit beside the
Finnish `<field>`; an empty one falls back to another language
(core.languages.localized), marked with its language.

An app lists its translated fields once (`TranslatedField`), and
`translations_model` makes the abstract model with a column per field and
language; `translated_edit_handler` gives the editor a tab per language. The
editorial pages (pages.PageTranslations) and the catalogue's index page
(practices.PracticeIndexPage) both come from here.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList, TabbedInterface
from wagtail.models import Page

# The languages a Finnish page is translated into, in the order of the editor's tabs.
TRANSLATION_LANGUAGES = ("sv", "en")
TAB_HEADINGS = {"sv": _("Ruotsi"), "en": _("Englanti")}

FALLBACK_HELP = _(
    "Täytä käännetyt kentät. Tyhjän kentän tilalla näytetään suomenkielinen teksti (tai muu olemassa oleva "
    "kieliversio), ja se merkitään kielellään."
)


@dataclass(frozen=True)
class TranslatedField:
    """One Finnish field's translations: its name, its model field class and, per language, its label.

    The labels are whole phrases per language ("otsikko ruotsiksi"), not a
    word and a suffix glued together: Swedish and English put them in another
    order. `help_texts` and `options` (max_length, …) as the model field takes them.
    """

    name: str
    field_class: type[models.Field]
    verbose_names: dict[str, Promise]
    help_texts: dict[str, Promise] = field(default_factory=dict)
    options: dict = field(default_factory=dict)

    def build(self, language: str) -> models.Field:
        options = {"blank": True, **self.options}
        if language in self.help_texts:
            options["help_text"] = self.help_texts[language]
        return self.field_class(self.verbose_names[language], **options)


def translations_model(name: str, fields: Sequence[TranslatedField], *, module: str) -> type[models.Model]:
    """An abstract model with `<field>_<language>` for every field and translation language.

    The columns are exactly what the fields say: the model that inherits it
    keeps the database columns (and migration state) it had when they were
    written out by hand.
    """
    attrs = {"__module__": module, "__qualname__": name, "Meta": type("Meta", (), {"abstract": True})}
    for language in TRANSLATION_LANGUAGES:
        for spec in fields:
            attrs[f"{spec.name}_{language}"] = spec.build(language)
    return type(name, (models.Model,), attrs)


def translation_tab(language: str, names: Sequence[str]) -> ObjectList:
    return ObjectList(
        [HelpPanel(content=FALLBACK_HELP)] + [FieldPanel(f"{name}_{language}") for name in names],
        heading=TAB_HEADINGS[language],
    )


def translated_edit_handler(content_panels, names: Sequence[str]) -> TabbedInterface:
    """Finnish content first, then one tab per translation of `names`, then Wagtail's own tabs."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Sisältö")),
            *(translation_tab(language, names) for language in TRANSLATION_LANGUAGES),
            ObjectList(Page.promote_panels, heading=_("Osoite ja haku")),
            ObjectList(Page.settings_panels, heading=_("Asetukset")),
        ]
    )
