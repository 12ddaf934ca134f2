"""The catalogue's pages: the index at /mallit/ and a page per practice.

A PracticePage carries every field of the interchange format
(formats/practices-v1.schema.json). Multilingual texts are stored as one
column per language so that editors see them as ordinary fields and an import
round-trips exactly; `interchange.py` is the single mapping between the two.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from mallipankki.core.memo import KnownViewRestrictions, public
from mallipankki.core.permissions import RegionScopedPermissionTester
from mallipankki.core.publishing import PublishOnlyThroughWorkflow
from mallipankki.core.translated_fields import TranslatedField, translated_edit_handler, translations_model
from mallipankki.vocabularies.models import Country, Region, TargetGroup, Theme

from .. import choices
from ..catalogue import catalogue_context
from ..scaling import scaling_guidance
from .text import lines, localized, validate_http_urls

# The catalogue page's Swedish and English title, search description and introduction (core.translated_fields).
INDEX_TRANSLATIONS = (
    TranslatedField(
        "title",
        models.CharField,
        {"sv": _("otsikko ruotsiksi"), "en": _("otsikko englanniksi")},
        options={"max_length": 255},
    ),
    TranslatedField(
        "search_description",
        models.TextField,
        {"sv": _("hakukoneiden kuvaus ruotsiksi"), "en": _("hakukoneiden kuvaus englanniksi")},
    ),
    TranslatedField("intro", RichTextField, {"sv": _("johdanto ruotsiksi"), "en": _("johdanto englanniksi")}),
)


class PracticeIndexPage(
    KnownViewRestrictions, Page, translations_model("PracticeIndexTranslations", INDEX_TRANSLATIONS, module=__name__)
):
    """The catalogue at /mallit/: every published practice, filterable."""

    intro = RichTextField(_("johdanto"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = translated_edit_handler(content_panels, [spec.name for spec in INDEX_TRANSLATIONS])
    subpage_types = ["practices.PracticePage"]
    parent_page_types = ["pages.HomePage"]
    max_count = 1
    page_size = 20

    class Meta:
        verbose_name = _("malliluettelo")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context


class PracticePage(KnownViewRestrictions, PublishOnlyThroughWorkflow, RoutablePageMixin, Page):
    EvidenceLevel = choices.EvidenceLevel
    ScalingStage = choices.ScalingStage
    ContinuityStatus = choices.ContinuityStatus
    Status = choices.Status

    # Texts. `title` holds the name in the primary language for Wagtail.
    name_fi = models.CharField(_("nimi suomeksi"), max_length=255, blank=True)
    name_sv = models.CharField(_("nimi ruotsiksi"), max_length=255, blank=True)
    name_en = models.CharField(_("nimi englanniksi"), max_length=255, blank=True)
    summary_fi = models.TextField(_("tiivistelmä"), max_length=1000, blank=True)
    summary_sv = models.TextField(_("tiivistelmä ruotsiksi"), max_length=1000, blank=True)
    summary_en = models.TextField(_("tiivistelmä englanniksi"), max_length=1000, blank=True)
    description_fi = models.TextField(
        _("kuvaus"), blank=True, help_text=_("Markdown: kappaleet, luettelot, linkit, korostus. Ei HTML:ää.")
    )
    description_sv = models.TextField(_("kuvaus ruotsiksi"), blank=True)
    description_en = models.TextField(_("kuvaus englanniksi"), blank=True)

    # Classification
    themes = ParentalManyToManyField(Theme, verbose_name=_("teemat"), related_name="practices")
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("kohderyhmät"), related_name="practices", blank=True
    )
    countries = ParentalManyToManyField(Country, verbose_name=_("maat"), related_name="practices", blank=True)
    regions = ParentalManyToManyField(Region, verbose_name=_("maakunnat"), related_name="practices", blank=True)
    keywords = models.TextField(_("asiasanat"), blank=True, help_text=_("Yksi asiasana riville."))

    # Evidence and readiness
    evidence_level = models.PositiveSmallIntegerField(
        _("näytön taso"), choices=EvidenceLevel.choices, null=True, blank=True
    )
    evidence_summary_fi = models.TextField(_("tulokset ja näyttö"), blank=True)
    evidence_summary_sv = models.TextField(_("tulokset ja näyttö ruotsiksi"), blank=True)
    evidence_summary_en = models.TextField(_("tulokset ja näyttö englanniksi"), blank=True)
    evidence_sources = models.TextField(
        _("näytön lähteet"), blank=True, validators=[validate_http_urls], help_text=_("Yksi osoite riville.")
    )
    readiness_materials = models.PositiveSmallIntegerField(
        _("materiaalit (0–3)"), null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    readiness_training = models.PositiveSmallIntegerField(
        _("koulutus ja tuki (0–2)"), null=True, blank=True, validators=[MaxValueValidator(2)]
    )
    readiness_fidelity = models.PositiveSmallIntegerField(
        _("mallin mukaisuuden välineet (0–3)"), null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    cost_per_participant_eur = models.DecimalField(
        _("kustannus osallistujaa kohden (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost_notes_fi = models.TextField(_("kustannuksista"), blank=True)
    cost_notes_sv = models.TextField(_("kustannuksista ruotsiksi"), blank=True)
    cost_notes_en = models.TextField(_("kustannuksista englanniksi"), blank=True)

    # Scaling and continuity
    scaling_stage = models.CharField(_("levinneisyys"), max_length=20, choices=ScalingStage.choices, blank=True)
    continuity_owner = models.CharField(
        _("jatkaja hankkeen jälkeen"),
        max_length=255,
        blank=True,
        help_text=_("Kuka ylläpitää mallia rahoituksen päätyttyä."),
    )
    continuity_funding = models.CharField(_("jatkorahoitus"), max_length=255, blank=True)
    scaling_plan_fi = models.TextField(_("levittämissuunnitelma"), blank=True)
    scaling_plan_sv = models.TextField(_("levittämissuunnitelma ruotsiksi"), blank=True)
    scaling_plan_en = models.TextField(_("levittämissuunnitelma englanniksi"), blank=True)
    continuity_status = models.CharField(
        _("toiminnan tila"), max_length=20, choices=ContinuityStatus.choices, blank=True
    )
    continuity_verified_on = models.DateField(_("tila vahvistettu"), null=True, blank=True)

    # Contact: personal data, private unless marked public.
    contact_name = models.CharField(_("yhteyshenkilö"), max_length=255, blank=True)
    contact_organisation = models.CharField(_("yhteyshenkilön organisaatio"), max_length=255, blank=True)
    contact_email = models.EmailField(_("sähköposti"), blank=True)
    contact_phone = models.CharField(_("puhelin"), max_length=50, blank=True)
    contact_public = models.BooleanField(
        _("yhteystiedot julkisia"), default=False, help_text=_("Vain luvan kanssa: näkyy sivulla ja avoimessa datassa.")
    )

    status = models.CharField(_("käsittelyn tila"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    content_updated_at = models.DateTimeField(
        _("sisältö päivitetty"), null=True, blank=True, help_text=_("Tyhjä: viimeisin julkaisuaika.")
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary_fi"),
        index.SearchField("description_fi"),
        index.SearchField("keywords"),
    ]

    content_panels = [
        FieldPanel("title", heading=_("Nimi")),
        FieldPanel("summary_fi"),
        FieldPanel("description_fi"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("keywords"),
    ]
    where_panels = [
        FieldPanel("countries"),
        FieldPanel("regions"),
        InlinePanel("organisations", label=_("Organisaatiot"), heading=_("Organisaatiot ja roolit")),
        InlinePanel("funding", label=_("Rahoitus"), heading=_("Rahoitus ja hankkeet")),
        InlinePanel("adoptions", label=_("Käyttöönotto"), heading=_("Missä mallia käytetään")),
    ]
    material_panels = [InlinePanel("resources", label=_("Materiaali"), heading=_("Linkit ja PDF-tiedostot"))]
    evidence_panels = [
        FieldPanel("evidence_level"),
        FieldPanel("evidence_summary_fi"),
        FieldPanel("evidence_sources"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("readiness_materials"),
                        FieldPanel("readiness_training"),
                        FieldPanel("readiness_fidelity"),
                    ]
                )
            ],
            heading=_("Käyttöönottovalmius"),
        ),
        MultiFieldPanel(
            [FieldPanel("cost_per_participant_eur"), FieldPanel("cost_notes_fi")], heading=_("Kustannukset")
        ),
    ]
    continuity_panels = [
        FieldPanel("scaling_stage"),
        FieldPanel("continuity_status"),
        FieldPanel("continuity_verified_on"),
        FieldPanel("continuity_owner"),
        FieldPanel("continuity_funding"),
        FieldPanel("scaling_plan_fi"),
        InlinePanel("builds_on_links", label=_("Pohjautuu malliin"), heading=_("Mihin malliin tämä pohjautuu")),
    ]
    contact_panels = [
        FieldPanel("contact_name"),
        FieldPanel("contact_organisation"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("contact_public"),
    ]
    translation_panels = [
        MultiFieldPanel([FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Nimi")),
        MultiFieldPanel([FieldPanel("summary_sv"), FieldPanel("summary_en")], heading=_("Tiivistelmä")),
        MultiFieldPanel([FieldPanel("description_sv"), FieldPanel("description_en")], heading=_("Kuvaus")),
        MultiFieldPanel(
            [
                FieldPanel("evidence_summary_sv"),
                FieldPanel("evidence_summary_en"),
                FieldPanel("cost_notes_sv"),
                FieldPanel("cost_notes_en"),
                FieldPanel("scaling_plan_sv"),
                FieldPanel("scaling_plan_en"),
            ],
            heading=_("Muut tekstit"),
        ),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("status"), FieldPanel("content_updated_at")]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Mikä malli on")),
            ObjectList(where_panels, heading=_("Toimijat, rahoitus ja alueet")),
            ObjectList(material_panels, heading=_("Materiaalit")),
            ObjectList(evidence_panels, heading=_("Tulokset ja arviointi")),
            ObjectList(continuity_panels, heading=_("Jatkuvuus ja levittäminen")),
            ObjectList(contact_panels, heading=_("Yhteystiedot")),
            ObjectList(translation_panels, heading=_("Käännökset")),
            ObjectList(promote_panels, heading=_("Julkaisu")),
        ]
    )

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("malli")
        verbose_name_plural = _("mallit")

    def clean(self):
        super().clean()
        # The slug is the practice id of the interchange format.
        if self.slug and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,99}", self.slug):
            raise ValidationError(
                {"slug": _("Tunnuksessa saa olla vain pieniä kirjaimia a–z, numeroita ja väliviivoja.")}
            )
        if self.title and not (self.name_fi or self.name_sv or self.name_en):
            self.name_fi = self.title

    def save(self, *args, **kwargs):
        if self.title and not (self.name_fi or self.name_sv or self.name_en):
            self.name_fi = self.title
        return super().save(*args, **kwargs)

    # Display helpers, in the reader's language.
    @property
    def name(self) -> str:
        return localized(self, "name") or self.title

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def evidence_summary(self) -> str:
        return localized(self, "evidence_summary")

    @property
    def scaling_plan(self) -> str:
        return localized(self, "scaling_plan")

    @property
    def cost_notes(self) -> str:
        return localized(self, "cost_notes")

    @property
    def practice_id(self) -> str:
        return self.slug

    @property
    def keyword_list(self) -> list[str]:
        return lines(self.keywords)

    @property
    def evidence_source_list(self) -> list[str]:
        return lines(self.evidence_sources)

    @property
    def readiness_total(self) -> int | None:
        parts = [self.readiness_materials, self.readiness_training, self.readiness_fidelity]
        if all(part is None for part in parts):
            return None
        return sum(part or 0 for part in parts)

    @property
    def updated_at(self):
        return self.content_updated_at or self.last_published_at or self.latest_revision_created_at

    @cached_property
    def card_target_groups(self) -> list:
        """The target groups a card lists; listing.with_card_data loads them for a whole listing at once."""
        return list(self.target_groups.all())

    @cached_property
    def card_regions(self) -> list:
        """The regions a card names; listing.with_card_data loads them for a whole listing at once."""
        return list(self.regions.all())

    @cached_property
    def card_countries(self) -> list:
        """The countries a card names when it has no regions; loaded like card_regions."""
        return list(self.countries.all())

    CARD_PLACES_SHOWN = 3

    @property
    def card_places(self) -> dict | None:
        """Where the practice is used, as a card says it: its regions, or
        without them its countries (a region already says the country). The
        first few by name and how many more ("ja 4 muuta" reads better than a
        card-long list; never "ja 1 muu", which takes the room of the name).
        None when it names neither."""
        places = self.card_regions or self.card_countries
        if not places:
            return None
        if self.card_regions:
            label = _("Maakunnat") if len(places) > 1 else _("Maakunta")
        else:
            label = _("Maat") if len(places) > 1 else _("Maa")
        shown = places if len(places) <= self.CARD_PLACES_SHOWN + 1 else places[: self.CARD_PLACES_SHOWN]
        return {"label": label, "names": [place.name for place in shown], "more": len(places) - len(shown)}

    @cached_property
    def resource_kind(self) -> str:
        """The card badge: 'pdf' when the main material is a PDF, else 'link'."""
        if "first_resource_kind" in self.__dict__:  # annotated by listing.with_card_data
            kind = self.first_resource_kind
        else:
            first = next(iter(self.resources.all()), None)
            kind = first.kind if first else None
        return "pdf" if kind == "pdf" else "link"

    def built_upon_by(self):
        """Published practices that name this one in their builds-on links."""
        return public(PracticePage.objects.live()).filter(builds_on_links__target=self).distinct().order_by("title")

    def permissions_for_user(self, user):
        # Regional workers edit only the practices of their own regions.
        return RegionScopedPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        # A real cycle: lineage.py queries PracticePage and BuildsOnLink, so it
        # imports this package at its top and cannot be imported while the
        # package loads. By the time a page is shown, both are loaded.
        from ..lineage import direct_lineage

        context = super().get_context(request, *args, **kwargs)
        lineage = direct_lineage(self)
        context["builds_on"] = lineage.builds_on
        context["built_upon_by"] = lineage.built_upon_by
        if self.pk:
            # The guidance and the page's funding list read the same rows: one query.
            # The JSON-LD in the head and the facts on the page read the same terms.
            prefetch_related_objects(
                [self],
                "funding",
                "resources",
                "organisations",
                "adoptions",
                "themes",
                "target_groups",
                "countries",
                "regions",
            )
        context["scaling"] = scaling_guidance(self)
        return context

    @path("sukupuu/", name="family")
    def family_page(self, request):
        """The whole family tree of practices linked by builds-on links.

        A route of the practice page rather than a view of its own: Wagtail then
        serves it only while the practice is live, applies the same privacy
        rules, and the address follows the page (/mallit/<id>/sukupuu/).
        """
        from ..lineage import family_context  # function-level for the cycle explained in get_context

        context = Page.get_context(self, request)
        context.update(family_context(self))
        return TemplateResponse(request, "practices/practice_family_page.html", context)
