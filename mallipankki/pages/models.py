"""Editorial pages: home, themes, articles and standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mallipankki.core.memo import KnownRoutes, KnownViewRestrictions, public
from mallipankki.practices.listing import newest_practices, practices_of_theme

# Content is translated by fields on one page tree, not by a tree per locale
# (README, "Kielet"): each page keeps one URL under /, /sv/ and /en/, one
# cache entry and one search document. `<field>_sv` and `<field>_en` sit
# beside the Finnish `<field>`; an empty one falls back to another language
# (core.languages.localized), marked with its language.
TRANSLATED_FIELDS = ("title", "seo_title", "search_description", "intro", "body")
TRANSLATION_LANGUAGES = ("sv", "en")


class PageTranslations(models.Model):
    """The Swedish and English versions of a page's title, search texts, intro and body."""

    title_sv = models.CharField(
        _("otsikko ruotsiksi"), max_length=255, blank=True, help_text=_("Sivun otsikko ruotsinkielisellä sivustolla.")
    )
    seo_title_sv = models.CharField(
        _("otsikko hakukoneille ruotsiksi"),
        max_length=255,
        blank=True,
        help_text=_("Selaimen välilehdellä ja hakutuloksissa näkyvä otsikko, jos se on eri kuin sivun otsikko."),
    )
    search_description_sv = models.TextField(
        _("hakukoneiden kuvaus ruotsiksi"),
        blank=True,
        help_text=_("Lyhyt kuvaus, jonka hakukoneet ja jaetut linkit näyttävät."),
    )
    intro_sv = models.TextField(_("ingressi ruotsiksi"), blank=True)
    body_sv = RichTextField(_("sisältö ruotsiksi"), blank=True)
    title_en = models.CharField(
        _("otsikko englanniksi"),
        max_length=255,
        blank=True,
        help_text=_("Sivun otsikko englanninkielisellä sivustolla."),
    )
    seo_title_en = models.CharField(
        _("otsikko hakukoneille englanniksi"),
        max_length=255,
        blank=True,
        help_text=_("Selaimen välilehdellä ja hakutuloksissa näkyvä otsikko, jos se on eri kuin sivun otsikko."),
    )
    search_description_en = models.TextField(
        _("hakukoneiden kuvaus englanniksi"),
        blank=True,
        help_text=_("Lyhyt kuvaus, jonka hakukoneet ja jaetut linkit näyttävät."),
    )
    intro_en = models.TextField(_("ingressi englanniksi"), blank=True)
    body_en = RichTextField(_("sisältö englanniksi"), blank=True)

    translation_search_fields = [
        index.SearchField(f"{name}_{lang}") for lang in TRANSLATION_LANGUAGES for name in ("title", "intro", "body")
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title


FALLBACK_HELP = _(
    "Täytä käännetyt kentät. Tyhjän kentän tilalla näytetään suomenkielinen teksti (tai muu olemassa oleva "
    "kieliversio), ja se merkitään kielellään."
)


def translation_tab(lang: str, heading) -> ObjectList:
    return ObjectList(
        [HelpPanel(content=FALLBACK_HELP)] + [FieldPanel(f"{name}_{lang}") for name in TRANSLATED_FIELDS],
        heading=heading,
    )


def translated_edit_handler(content_panels) -> TabbedInterface:
    """Finnish content first, then one tab per translation, then Wagtail's own tabs."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Sisältö")),
            translation_tab("sv", _("Ruotsi")),
            translation_tab("en", _("Englanti")),
            ObjectList(Page.promote_panels, heading=_("Osoite ja haku")),
            ObjectList(Page.settings_panels, heading=_("Asetukset")),
        ]
    )


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
