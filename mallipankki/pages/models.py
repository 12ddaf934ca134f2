"""Editorial pages: home, themes, articles and standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mallipankki.core.memo import KnownRoutes, KnownViewRestrictions, public
from mallipankki.core.translated_fields import TRANSLATION_LANGUAGES, TranslatedField, translations_model
from mallipankki.core.translated_fields import translated_edit_handler as translated_edit_handler_of
from mallipankki.practices.listing import newest_practices, practices_of_theme

# Content is translated by fields on one page tree (core.translated_fields):
# `<field>_sv` and `<field>_en` beside the Finnish `<field>`.
SEO_TITLE_HELP = _("Selaimen välilehdellä ja hakutuloksissa näkyvä otsikko, jos se on eri kuin sivun otsikko.")
SEARCH_DESCRIPTION_HELP = _("Lyhyt kuvaus, jonka hakukoneet ja jaetut linkit näyttävät.")
PAGE_TRANSLATIONS = (
    TranslatedField(
        "title",
        models.CharField,
        {"sv": _("otsikko ruotsiksi"), "en": _("otsikko englanniksi")},
        help_texts={
            "sv": _("Sivun otsikko ruotsinkielisellä sivustolla."),
            "en": _("Sivun otsikko englanninkielisellä sivustolla."),
        },
        options={"max_length": 255},
    ),
    TranslatedField(
        "seo_title",
        models.CharField,
        {"sv": _("otsikko hakukoneille ruotsiksi"), "en": _("otsikko hakukoneille englanniksi")},
        help_texts={"sv": SEO_TITLE_HELP, "en": SEO_TITLE_HELP},
        options={"max_length": 255},
    ),
    TranslatedField(
        "search_description",
        models.TextField,
        {"sv": _("hakukoneiden kuvaus ruotsiksi"), "en": _("hakukoneiden kuvaus englanniksi")},
        help_texts={"sv": SEARCH_DESCRIPTION_HELP, "en": SEARCH_DESCRIPTION_HELP},
    ),
    TranslatedField("intro", models.TextField, {"sv": _("ingressi ruotsiksi"), "en": _("ingressi englanniksi")}),
    TranslatedField("body", RichTextField, {"sv": _("sisältö ruotsiksi"), "en": _("sisältö englanniksi")}),
)
TRANSLATED_FIELDS = tuple(spec.name for spec in PAGE_TRANSLATIONS)


class PageTranslations(translations_model("PageTranslationFields", PAGE_TRANSLATIONS, module=__name__)):
    """The Swedish and English versions of a page's title, search texts, intro and body."""

    translation_search_fields = [
        index.SearchField(f"{name}_{lang}") for lang in TRANSLATION_LANGUAGES for name in ("title", "intro", "body")
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title


def translated_edit_handler(content_panels) -> TabbedInterface:
    """Finnish content first, then the Swedish and English tabs, then Wagtail's own tabs."""
    return translated_edit_handler_of(content_panels, TRANSLATED_FIELDS)


class HomePage(KnownRoutes, KnownViewRestrictions, Page, PageTranslations):
    intro = models.TextField(_("ingressi"), blank=True, help_text=_("Lyhyt kuvaus palvelun tehtävästä."))
    body = RichTextField(_("sisältö"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    edit_handler = translated_edit_handler(content_panels)
    search_fields = Page.search_fields + PageTranslations.translation_search_fields
    subpage_types = ["pages.ThemePage", "pages.StandardPage", "pages.ArticlePage", "practices.PracticeIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("etusivu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The theme sections come from {% theme_sections %} in the template.
        context["newest_practices"] = newest_practices(limit=6)
        return context


class ThemePage(KnownViewRestrictions, Page, PageTranslations):
    """One of the six sections; its practices are those tagged with `theme`."""

    theme = models.OneToOneField(
        "vocabularies.Theme",
        verbose_name=_("teema"),
        on_delete=models.PROTECT,
        related_name="page",
        help_text=_("Sivulla näytetään tämän teeman julkaistut mallit."),
    )
    intro = models.TextField(_("ingressi"), blank=True)
    body = RichTextField(_("johdanto"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("featured_practices", label=_("Nostettu malli"), heading=_("Nostetut mallit")),
    ]
    edit_handler = translated_edit_handler(content_panels)
    search_fields = (
        Page.search_fields
        + [index.SearchField("intro"), index.SearchField("body")]
        + PageTranslations.translation_search_fields
    )
    subpage_types = ["pages.ArticlePage"]
    parent_page_types = ["pages.HomePage"]

    class Meta:
        verbose_name = _("teemasivu")

    def read_also(self):
        return public(ArticlePage.objects.child_of(self).live()).specific().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = [item.practice for item in self.featured_practices.select_related("practice") if item.practice.live]
        context["read_also"] = self.read_also()
        context["featured"], context["practices"], context["practices_total"] = practices_of_theme(
            self.theme_id, featured
        )
        return context


class FeaturedPractice(Orderable):
    page = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="featured_practices")
    practice = models.ForeignKey(
        "practices.PracticePage", verbose_name=_("malli"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("practice")]


class ArticlePage(KnownViewRestrictions, Page, PageTranslations):
    """A short "read also" article."""

    intro = models.TextField(_("ingressi"), blank=True)
    body = RichTextField(_("sisältö"))
    date = models.DateField(_("päivämäärä"), null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("date"), FieldPanel("body")]
    edit_handler = translated_edit_handler(content_panels)
    search_fields = (
        Page.search_fields
        + [index.SearchField("intro"), index.SearchField("body")]
        + PageTranslations.translation_search_fields
    )
    subpage_types = []

    class Meta:
        verbose_name = _("artikkeli")


class StandardPage(KnownViewRestrictions, Page, PageTranslations):
    """Accessibility statement, privacy notice, about: plain editable text."""

    intro = models.TextField(_("ingressi"), blank=True)
    body = RichTextField(_("sisältö"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    edit_handler = translated_edit_handler(content_panels)
    search_fields = Page.search_fields + [index.SearchField("body")] + PageTranslations.translation_search_fields
    subpage_types = []

    class Meta:
        verbose_name = _("vakiosivu")
