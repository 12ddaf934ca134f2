"""Demo content: the site tree, theme introductions, articles and eight practices.

`load_demo_content()` creates whatever is missing and leaves existing pages
alone, so a second run changes nothing and never overwrites an editor's
changes to a demo page. Pages are looked up by their parent and slug (the
home page, the catalogue and theme pages by their unique model or theme).
The practices come from `demo/practices.json`, an ordinary interchange file,
and are created through the same mapping as an import
(`practices.interchange.upsert_practice`).

The texts are based on the public description of the centre's work; they are
demo content for editors to replace, and their resource URLs on example.org
are illustrative.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import Page, Site

from mallipankki.core.publishing import publishing_blocked
from mallipankki.imports.validation import validate_file
from mallipankki.practices.interchange import VocabularyIndex, link_builds_on, upsert_practice
from mallipankki.practices.models import PracticeIndexPage, PracticePage
from mallipankki.vocabularies.models import Theme

from . import demo_translations
from .demo_translations import translation_fields
from .models import (
    TRANSLATION_LANGUAGES,
    ArticlePage,
    FeaturedPractice,
    HomePage,
    StandardPage,
    ThemePage,
)

DEMO_DIR = Path(__file__).resolve().parent / "demo"
PRACTICES_FILE = DEMO_DIR / "practices.json"


class DemoContentError(Exception):
    """The demo content cannot be loaded into this database as it is."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)  # "Kind: title" of each page created
    changes: list[str] = field(default_factory=list)  # other changes: site root, featured practices
    skipped: bool = False  # --if-empty on a site that already has a home page

    @property
    def changed(self) -> bool:
        return bool(self.created or self.changes)


# --- the interchange file ------------------------------------------------------


def demo_file_problems(path: Path = PRACTICES_FILE) -> list[str]:
    """What the importer would reject in the demo file, as "place: message" lines.

    The demo practices go through the same validation as any import: the
    schema, then the vocabulary codes and builds-on references.
    """
    problems, _count = validate_file(lambda: open(path, "rb"))
    return [str(problem) for problem in problems]


def read_demo_practices(path: Path = PRACTICES_FILE) -> list[dict]:
    problems = demo_file_problems(path)
    if problems:
        raise DemoContentError(
            f"{path} ei kelpaa (aja migrate tai load_vocabularies, jos sanastoista puuttuu koodeja):\n"
            + "\n".join(problems)
        )
    with open(path, encoding="utf-8") as fp:
        return json.load(fp)["practices"]


def _check_theme_pages(vocabularies: VocabularyIndex) -> None:
    missing = sorted(spec["theme"] for spec in THEME_PAGES if vocabularies.get("themes", spec["theme"]) is None)
    if missing:
        raise DemoContentError("Sanastoista puuttuu teemoja (aja migrate tai load_vocabularies): " + ", ".join(missing))


# --- the builder -------------------------------------------------------------


def load_demo_content(*, if_empty: bool = False, say: Callable[[str], None] | None = None) -> LoadReport:
    """Builds the demo site; `say` receives one progress line per change.

    With `if_empty`, does nothing when the site already has a home page.
    Everything happens in one transaction: a failure leaves the site as it was.
    """
    say = say or (lambda line: None)
    report = LoadReport()
    if if_empty and HomePage.objects.exists():
        report.skipped = True
        # A site loaded before the demo had translations gets them; nothing else changes.
        with transaction.atomic():
            add_missing_translations(_Builder(report, say))
        return report

    records = read_demo_practices()
    vocabularies = VocabularyIndex()
    _check_theme_pages(vocabularies)
    builder = _Builder(report, say)

    with transaction.atomic():
        home = builder.home_page()
        builder.default_site(home)
        new_theme_pages = []
        for spec in THEME_PAGES:
            theme_page, created = builder.theme_page(home, spec)
            if created:
                new_theme_pages.append(theme_page)
            for article in spec["articles"]:
                builder.child_page(theme_page, ArticlePage, article, label="Artikkeli")
        index = builder.practice_index(home)
        for spec in STANDARD_PAGES:
            builder.child_page(home, StandardPage, spec, label="Vakiosivu")
        pages_by_id = builder.practices(index, records, vocabularies)
        # A theme page is published once, after its featured practice exists.
        for theme_page in new_theme_pages:
            builder.publish_theme_page(theme_page, records, pages_by_id)
        add_missing_translations(builder, records)
    return report


class _Builder:
    def __init__(self, report: LoadReport, say: Callable[[str], None]):
        self.report = report
        self.say = say

    def _created(self, label: str, page: Page):
        self.report.created.append(f"{label}: {page.title}")
        self.say(f"Luotiin {label.lower()}: {page.title} ({page.url or page.url_path})")

    def _changed(self, line: str):
        self.report.changes.append(line)
        self.say(line)

    @staticmethod
    def _publish(page: Page):
        page.save_revision(log_action=True).publish()

    @staticmethod
    def _existing_child(parent: Page, model, slug: str):
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is None:
            return None
        existing = existing.specific
        if not isinstance(existing, model):
            raise DemoContentError(
                f"Sivun {parent.url_path} alla on jo sivu {slug!r}, mutta se ei ole tyyppiä {model._meta.verbose_name}."
            )
        return existing

    @staticmethod
    def _require_free_slug(parent: Page, slug: str):
        taken = Page.objects.child_of(parent).filter(slug=slug).first()
        if taken is not None:
            raise DemoContentError(
                f"Osoite {parent.url_path}{slug}/ on jo sivun {taken.title!r} käytössä; siirrä tai nimeä se uudelleen."
            )

    def _add(self, parent: Page, page: Page, label: str, *, publish: bool = True) -> Page:
        parent.add_child(instance=page)
        if publish:
            self._publish(page)
        self._created(label, page)
        return page

    def home_page(self) -> HomePage:
        home = HomePage.objects.first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        self._require_free_slug(root, HOME_PAGE["slug"])
        page = HomePage(
            **HOME_PAGE, search_description=HOME_PAGE["intro"], **translation_fields(demo_translations.HOME)
        )
        return self._add(root, page, "Etusivu")

    def default_site(self, home: HomePage):
        """Points the default Site to `home`; removes the untouched Wagtail welcome page."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Mallipankki"
            )
            self._changed("Luotiin oletussivusto, jonka juurena on etusivu")
            return
        if site.root_page_id == home.pk:
            return
        previous = site.root_page
        site.root_page = home
        site.site_name = site.site_name or "Mallipankki"
        site.save()
        self._changed(f"Oletussivusto osoittaa nyt etusivulle (aiemmin: {previous.title})")
        if _is_wagtail_welcome_page(previous):
            previous.delete()
            self._changed(f"Poistettiin Wagtailin oletussivu: {previous.title}")

    def theme_page(self, home: HomePage, spec: dict) -> tuple[ThemePage, bool]:
        theme = Theme.objects.get(code=spec["theme"])
        existing = ThemePage.objects.filter(theme=theme).first()
        if existing is not None:
            return existing, False
        self._require_free_slug(home, theme.code)
        page = ThemePage(
            title=theme.name_fi,
            slug=theme.code,
            theme=theme,
            intro=spec["intro"],
            body=spec["body"],
            search_description=spec["intro"],
            show_in_menus=True,
            **theme_translation_fields(theme),
        )
        # Published by publish_theme_page() once the practices exist.
        return self._add(home, page, "Teemasivu", publish=False), True

    def child_page(self, parent: Page, model, spec: dict, *, label: str):
        if self._existing_child(parent, model, spec["slug"]) is not None:
            return
        fields = {key: value for key, value in spec.items() if key != "paragraphs"}
        if "paragraphs" in spec:
            fields["body"] = paragraphs(*spec["paragraphs"])
        fields.update(translation_fields(child_page_translations(spec["slug"])))
        self._add(parent, model(**fields, search_description=spec["intro"], show_in_menus=False), label)

    def practice_index(self, home: HomePage) -> PracticeIndexPage:
        index = PracticeIndexPage.objects.first()
        if index is not None:
            return index
        self._require_free_slug(home, PRACTICE_INDEX["slug"])
        page = PracticeIndexPage(
            **PRACTICE_INDEX,
            **demo_translations.PRACTICE_INDEX_FIELDS,
            search_description=PRACTICE_INDEX_DESCRIPTION,
            show_in_menus=True,
        )
        return self._add(home, page, "Malliluettelo")

    def practices(self, index: PracticeIndexPage, records: list[dict], vocabularies) -> dict[str, PracticePage]:
        pages_by_id = {}
        for record in records:
            existing = PracticePage.objects.child_of(index).filter(slug=record["id"]).first()
            if existing is not None:
                # Never overwrite what editors may have changed in a demo practice.
                pages_by_id[record["id"]] = existing
                continue
            page, _ = upsert_practice(index, record, vocabularies=vocabularies, known_pages=pages_by_id)
            pages_by_id[record["id"]] = page
            self._created("Malli", page)
        link_builds_on(pages_by_id)
        return pages_by_id

    def publish_theme_page(self, theme_page: ThemePage, records: list[dict], pages_by_id: dict):
        # Fresh from the database: articles added under it changed its tree fields.
        theme_page = ThemePage.objects.get(pk=theme_page.pk)
        first = next((record["id"] for record in records if theme_page.theme.code in record["themes"]), None)
        if first is not None and first in pages_by_id:
            practice = pages_by_id[first]
            theme_page.featured_practices = [FeaturedPractice(practice=practice)]
            self._changed(f"Nostettiin malli {practice.title} teemasivulle {theme_page.title}")
        self._publish(theme_page)


def theme_translation_fields(theme: Theme) -> dict:
    fields = translation_fields(demo_translations.THEMES[theme.code])
    fields.update({f"title_{lang}": getattr(theme, f"name_{lang}") for lang in TRANSLATION_LANGUAGES})
    return fields


def child_page_translations(slug: str) -> dict:
    return demo_translations.ARTICLES.get(slug) or demo_translations.STANDARD[slug]


def demo_page_translations() -> list[tuple[Page, dict]]:
    """The demo pages in this database, each with the translations the demo gives it."""
    pages = []
    home = HomePage.objects.first()
    if home is not None:
        pages.append((home, translation_fields(demo_translations.HOME)))
        for spec in STANDARD_PAGES:
            page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
            if page is not None:
                pages.append((page, translation_fields(child_page_translations(spec["slug"]))))
    index = PracticeIndexPage.objects.first()
    if index is not None:
        pages.append((index, dict(demo_translations.PRACTICE_INDEX_FIELDS)))
    for spec in THEME_PAGES:
        theme_page = ThemePage.objects.filter(theme__code=spec["theme"]).select_related("theme").first()
        if theme_page is None:
            continue
        pages.append((theme_page, theme_translation_fields(theme_page.theme)))
        for article in spec["articles"]:
            page = ArticlePage.objects.child_of(theme_page).filter(slug=article["slug"]).first()
            if page is not None:
                pages.append((page, translation_fields(child_page_translations(article["slug"]))))
    return pages


PRACTICE_TRANSLATED = ("name", "summary", "description")


def add_missing_translations(builder: "_Builder", records: list[dict] | None = None) -> None:
    """Gives the demo pages and practices of an older demo site their Swedish and English texts.

    For a site loaded before the demo had translations. A language is added
    only where the page or practice has none of its texts in it yet (a
    practice's name may be there already), so an editor's translation, even
    a deliberately shortened one, stays; a page with an unpublished draft, or
    a practice in a workflow, is left for its editor.
    """
    for page, fields in demo_page_translations():
        missing = {}
        for lang in TRANSLATION_LANGUAGES:
            own = {name: value for name, value in fields.items() if name.endswith(f"_{lang}")}
            if not any(getattr(page, name) for name in own):
                missing.update(own)
        if missing:
            _publish_translations(builder, page, missing)
    records = records if records is not None else read_demo_practices()
    index = PracticeIndexPage.objects.first()
    if index is None:
        return
    for record in records:
        page = PracticePage.objects.child_of(index).filter(slug=record["id"]).first()
        if page is None:
            continue
        missing = {}
        for lang in TRANSLATION_LANGUAGES:
            if getattr(page, f"summary_{lang}") or getattr(page, f"description_{lang}"):
                continue
            for name in PRACTICE_TRANSLATED:
                value = (record.get(name) or {}).get(lang)
                if value and not getattr(page, f"{name}_{lang}"):
                    missing[f"{name}_{lang}"] = value
        if missing:
            _publish_translations(builder, page, missing)


def _publish_translations(builder: "_Builder", page: Page, fields: dict) -> None:
    page = page.specific
    if page.has_unpublished_changes or not page.live or publishing_blocked(page):
        builder._changed(f"Käännöksiä ei lisätty sivulle {page.title}: sillä on julkaisematon luonnos")
        return
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(log_action=True).publish()
    builder._changed(f"Lisättiin käännökset sivulle {page.title}: " + ", ".join(sorted(fields)))


def _is_wagtail_welcome_page(page: Page) -> bool:
    """The page `migrate` creates: a plain Page at depth 2, with no children and no site."""
    return (
        page.specific_class is Page
        and page.depth == 2
        and not page.get_children().exists()
        and not Site.objects.filter(root_page=page).exists()
    )


def paragraphs(*texts: str) -> str:
    """Rich text from plain paragraphs (the texts contain no markup characters)."""
    return "".join(f"<p>{text}</p>" for text in texts)


# --- the texts -----------------------------------------------------------------

HOME_PAGE = {
    "title": "Mallipankki",
    "slug": "mallipankki",
    "intro": (
        "Mallipankki kokoaa hyviä käytänteitä ja malleja, jotka edistävät heikossa työmarkkina-asemassa "
        "olevien ihmisten työllistymistä."
    ),
    "body": paragraphs(
        "Yhteiskunnallisten yritysten osaamiskeskuksen tehtävä on edistää heikossa työmarkkina-asemassa olevien "
        "ihmisten työllisyyttä. Siksi osaamiskeskus etsii, arvioi ja levittää työllistymistä tukevia hyviä "
        "käytänteitä ja malleja sekä Suomesta että muualta Euroopasta.",
        "Sivuston teemat pohjautuvat osaamiskeskuksen arviointityöhön ja tutkimuskirjallisuuteen. Teemoja on viisi: "
        "yhteistyö, yksilöllinen tuki ja ohjaus, osaamisen kehittäminen, toimintakyvyn vahvistaminen sekä "
        "työnantajien näkökulma. Lisäksi kerromme, miten hyviä käytänteitä levitetään ja skaalataan.",
        "Työllisyyttä edistäviä malleja kehitetään usein hankerahoituksella, ja hankkeen päättyessä tulokset voivat "
        "jäädä osittain hyödyntämättä. Mallipankki kannustaa hanketoimijoita ottamaan käyttöön aiemmin kehitettyjä "
        "malleja ja jalostamaan niitä edelleen sen sijaan, että jokainen hanke aloittaisi alusta.",
        "Osaamiskeskuksen aluetyöntekijät tukevat paikallista kehittämistyötä. Heiltä saa apua mallien "
        "jatkokehittämiseen esimerkiksi ESR+-hankkeissa.",
    ),
}

PRACTICE_INDEX = {
    "title": "Mallit",
    "slug": "mallit",
    "intro": paragraphs(
        "Tähän luetteloon on koottu kaikki Mallipankissa julkaistut hyvät käytänteet ja työllistymisen mallit. "
        "Voit rajata luetteloa teeman ja kohderyhmän mukaan."
    ),
}
PRACTICE_INDEX_DESCRIPTION = "Kaikki Mallipankin julkaistut hyvät käytänteet ja työllistymisen mallit."

THEME_PAGES = [
    {
        "theme": "yhteistyo",
        "intro": (
            "Työllisyyttä edistetään parhaiten yhdessä: julkiset toimijat, yhteisötalous, oppilaitokset ja "
            "työnantajat tarvitsevat toisiaan."
        ),
        "body": paragraphs(
            "Heikossa työmarkkina-asemassa olevien työllistymistä ei ratkaista yhden organisaation voimin. "
            "Keskeisiä toimijoita ovat julkiset palvelut, yhteisötalouden toimijat, kuten yhdistykset ja "
            "yhteiskunnalliset yritykset, sekä oppilaitokset.",
            "Malleja kehitettäessä kannattaa kuulla myös työnantajia: millaista osaamista ne tarvitsevat ja mihin "
            "ne pyrkivät. Yhtä tärkeää on hyödyntää palveluihin osallistuvien omia kokemuksia sekä kansainvälisten "
            "kumppanien ideoita ja näkökulmia.",
            "Yksittäisten kumppanuuksien rinnalle tarvitaan vahvoja verkostoja ja ekosysteemeissä ajattelemista. "
            "Toimiva ekosysteemi antaa yhteiskunnallisille yrityksille tukea, resursseja ja tilaisuuksia kehittää "
            "ja kasvattaa työllistävää toimintaansa.",
        ),
        "articles": [
            {
                "slug": "yhteistyosta-ekosysteemeihin",
                "title": "Yhteistyöstä ekosysteemeihin",
                "intro": (
                    "Yksittäiset kumppanuudet ovat hyvä alku, mutta kestävät tulokset syntyvät verkostoissa, "
                    "joissa toimijat jakavat tavoitteet, tiedon ja resurssit."
                ),
                "paragraphs": [
                    "Työllisyyttä edistävä kehittäminen alkaa usein muutaman organisaation yhteistyönä: kunta, "
                    "yhdistys ja oppilaitos sopivat hankkeesta ja jakavat tehtävät keskenään. Tällainen yhteistyö "
                    "on arvokasta mutta haavoittuvaa. Kun rahoitus päättyy tai avainhenkilö vaihtaa työpaikkaa, "
                    "yhteys voi katketa.",
                    "Ekosysteemiajattelu laajentaa näkökulmaa. Ekosysteemissä on mukana julkisia toimijoita, "
                    "yhteisötalouden organisaatioita, oppilaitoksia, yrityksiä ja palveluja käyttäviä ihmisiä, ja "
                    "kukin tuo siihen jotakin, mitä muilta puuttuu. Yhteiskunnalliselle yritykselle ekosysteemi voi "
                    "tarjota esimerkiksi asiakkaita, osaamista, vertaistukea ja mahdollisuuksia kasvaa.",
                    "Ekosysteemi ei kuitenkaan synny itsestään. Se tarvitsee yhteisiä tavoitteita, säännöllisiä "
                    "kohtaamisia ja jonkun, joka pitää langat käsissään. Hyvä lähtökohta on selvittää, ketkä alueella "
                    "jo tekevät työtä saman asian parissa ja mitä kukin tarvitsee muilta.",
                    "Yhteistyön teemasta löytyy esimerkkejä sekä alueellisista verkostoista että kansainvälisistä "
                    "ratkaisuista, joissa yritykset ovat yhdistäneet voimansa.",
                ],
            },
            {
                "slug": "yhteiskehittamalla-kestavia-ratkaisuja",
                "title": "Yhteiskehittämällä kestäviä ratkaisuja työllisyyteen",
                "intro": (
                    "Kun palvelua kehitetään yhdessä niiden kanssa, joita se koskee, ratkaisut osuvat paremmin "
                    "kohdalleen ja jäävät todennäköisemmin elämään."
                ),
                "paragraphs": [
                    "Yhteiskehittämisessä palvelujen käyttäjät, työntekijät, työnantajat ja muut sidosryhmät ovat "
                    "mukana suunnittelussa alusta asti. Heidän tehtävänsä ei rajoitu palautteen antamiseen valmiista "
                    "ratkaisusta, vaan he ovat määrittelemässä, mikä ongelma ylipäätään ratkaistaan.",
                    "Heikossa työmarkkina-asemassa olevien työllistymisen tukemisessa osallistujien kokemus on "
                    "erityisen arvokasta. Ihminen, joka on itse elänyt työttömyyden tai muun vaikean elämänvaiheen "
                    "läpi, huomaa usein esteitä, jotka jäävät ammattilaisilta näkemättä.",
                    "Myös työnantajat kannattaa ottaa mukaan. Kun työnantaja on ollut kehittämässä mallia, hän tuntee "
                    "sen ja luottaa siihen, ja malli vastaa todellisiin osaamistarpeisiin.",
                    "Yhteiskehittäminen vie aikaa, ja siihen on varattava resursseja jo hankesuunnitelmassa. Panostus "
                    "maksaa itsensä takaisin, kun ratkaisu on alusta asti rakennettu käyttäjiensä näköiseksi.",
                ],
            },
        ],
    },
    {
        "theme": "yksilollinen-tuki",
        "intro": (
            "Yksilöllisessä tuessa ja ohjauksessa palvelut sovitetaan ihmisen omiin tarpeisiin, toiveisiin ja kykyihin."
        ),
        "body": paragraphs(
            "Yksilöllinen tuki ja ohjaus on työote, jossa työllistymispalveluja ei tarjota valmiina pakettina, vaan "
            "ne muokataan kunkin ihmisen tilanteeseen sopiviksi. Tavoitteista sovitaan yhdessä henkilön kanssa hänen "
            "toiveensa ja kykynsä huomioiden, ja ne voivat koskea työtä, opiskelua tai ammatillista kehittymistä.",
            "Parhaat tulokset saavutetaan yhdistämällä erilaisia toimenpiteitä. Yksilöllistä tukea on oltava "
            "riittävästi, ja moniammatillinen yhteistyö auttaa kokoamaan sopivat palvelut oikeaan aikaan. Tiivis "
            "yhteistyö työnantajien kanssa kuuluu kokonaisuuteen.",
        ),
        "articles": [
            {
                "slug": "tuloksia-yksilollisella-ohjauksella",
                "title": "Tuloksia yksilöllisellä ohjauksella",
                "intro": (
                    "Yksilöllinen ohjaus on ennen kaikkea tapa ajatella: lähtökohtana ovat ihmisen omat tavoitteet, "
                    "eivät palvelujärjestelmän valmiit polut."
                ),
                "paragraphs": [
                    "Heikossa työmarkkina-asemassa olevien elämäntilanteet vaihtelevat paljon. Yhdellä työllistymisen "
                    "esteenä on puutteellinen kielitaito, toisella terveys, kolmannella katkonainen työhistoria. Sama "
                    "palvelu kaikille ei siksi tuota parasta tulosta.",
                    "Yksilöllisessä ohjauksessa tavoitteet asetetaan yhdessä asiakkaan kanssa, ja ne voivat liittyä "
                    "työhön, koulutukseen tai ammatilliseen kasvuun. Ohjaaja auttaa jakamaan ison tavoitteen "
                    "pienemmiksi askeliksi ja kokoaa tueksi ne palvelut, joita kulloinkin tarvitaan.",
                    "Tulokset paranevat, kun yksilöllinen tuki yhdistetään moniammatilliseen yhteistyöhön ja "
                    "työnantajien kanssa tehtävään työhön. Esimerkiksi tuetun työllistymisen malleissa valmentaja "
                    "kulkee rinnalla myös työsuhteen alettua.",
                    "Olennaista on oikea-aikaisuus: tukea on tarjolla silloin, kun sitä tarvitaan, eikä vasta pitkän "
                    "odottamisen jälkeen.",
                ],
            },
            {
                "slug": "tyonantajien-valmiudet-vahvistuvat",
                "title": "Työnantajien valmiudet täsmätyökykyisten työllistymiseen vahvistuvat tiedolla ja tuella",
                "intro": (
                    "Moni työnantaja olisi valmis palkkaamaan täsmätyökykyisen työntekijän, mutta kynnyksenä on usein "
                    "tiedon ja tuen puute."
                ),
                "paragraphs": [
                    "Täsmätyökykyisellä tarkoitetaan ihmistä, jonka työkyky riittää hyvin tietynlaisiin tehtäviin, kun "
                    "työ sovitetaan hänen vahvuuksiinsa. Työnantajan kysymykset ovat käytännöllisiä: millaisiin "
                    "tehtäviin henkilö sopii, mitä tukia on saatavilla ja keneltä saa apua, jos jokin ei suju.",
                    "Työnantajan valmiuksia voi vahvistaa monella tavalla. Selkeä tieto esimerkiksi palkkatuesta ja "
                    "muista tukimuodoista madaltaa kynnystä. Yhtä tärkeää on, että työnantajalla on yhteyshenkilö, "
                    "jolta kysyä neuvoa rekrytoinnin aikana ja sen jälkeen.",
                    "Myös työyhteisö tarvitsee valmistautumista. Kun tehtävät, perehdytys ja työn muokkaamisen "
                    "mahdollisuudet mietitään etukäteen, uusi työntekijä pääsee nopeammin kiinni työhön ja työyhteisö "
                    "tietää, miten toimia.",
                    "Hyvät kokemukset ruokkivat toisiaan: työnantaja, joka on onnistunut täsmätyökykyisen "
                    "rekrytoinnissa, on usein valmis tekemään sen uudelleen ja kertomaan kokemuksistaan muille.",
                ],
            },
        ],
    },
    {
        "theme": "osaamisen-kehittaminen",
        "intro": "Osaamisen kehittäminen ja sen näkyväksi tekeminen avaavat ovia työelämään ja koulutukseen.",
        "body": paragraphs(
            "Täsmätyökykyistenkin osaamisen kehittäminen vaatii yksilöllisiä ratkaisuja. Osaamisen kertymiseen "
            "vaikuttaa erityisesti kolme tekijää: miten työnantajat arvioivat osaamista osatyökykyistä "
            "rekrytoidessaan, millä keinoin hankittu osaaminen voidaan todentaa ja miten oppimista voidaan havaita "
            "arjen työtehtävien lomassa.",
            "Opinnollistaminen on yksi yleisimmistä tavoista todentaa osaamista. Työ- tai oppimisympäristössä "
            "karttunut osaaminen tunnistetaan ja kuvataan tutkinnon perusteiden mukaisesti, jolloin se voidaan "
            "tunnustaa virallisesti esimerkiksi näytössä. Tämä edellyttää tiivistä yhteistyötä oppilaitosten kanssa.",
            "Opinnollistamista ja siihen liittyvää yksilöllistä tukea on kehitetty monissa hankkeissa. Tuki voi olla "
            "esimerkiksi kuntouttavaa tukea mielenterveys- ja päihdeongelmiin, apua arjen rytmiin ja taitoihin tai "
            "oppimisen suunnittelua ja toteuttamista yhdessä.",
        ),
        "articles": [
            {
                "slug": "osatyokykyiset-ja-osaamisen-kehittaminen",
                "title": "Osatyökykyiset ja osaamisen kehittäminen",
                "intro": (
                    "Osatyökykyisen osaamisen kehittäminen onnistuu, kun huomio on siinä, mitä ihminen osaa ja voi "
                    "oppia, eikä siinä, mihin hän ei pysty."
                ),
                "paragraphs": [
                    "Osatyökykyisen osaaminen jää usein näkymättömiin. Työhistoriassa voi olla aukkoja, eikä arjessa "
                    "tai vapaaehtoistyössä opittu näy todistuksissa. Rekrytoinnissa työnantaja arvioi kuitenkin juuri "
                    "osaamista, joten sen tekeminen näkyväksi on työllistymisen kannalta ratkaisevaa.",
                    "Osaamisen kertymiseen vaikuttavat työnantajien tapa arvioida osaamista, keinot todentaa "
                    "hankittu osaaminen sekä se, miten oppimista seurataan työn lomassa. Kaikkiin kolmeen voi "
                    "vaikuttaa.",
                    "Oppimista tukevat järjestelyt kannattaa suunnitella yksilöllisesti. Joillekin sopii lyhyt ja "
                    "tiivis jakso, toiset hyötyvät pitkästä ja joustavasta polusta, jossa tuki kulkee mukana. Työn "
                    "ohessa tapahtuvaa oppimista on hyvä sanoittaa yhdessä ohjaajan kanssa, jotta edistyminen tulee "
                    "näkyviin.",
                    "Kun osaaminen on kuvattu ja todennettu, se kulkee ihmisen mukana seuraavaan työpaikkaan tai "
                    "koulutukseen.",
                ],
            },
            {
                "slug": "osaamisen-kehittamisen-monimuotoisuus",
                "title": "Osaamisen kehittämisen monimuotoisuus",
                "intro": (
                    "Osaamista kertyy luokkahuoneen lisäksi työpajoissa, työkokeiluissa, järjestötoiminnassa ja "
                    "arjen tehtävissä."
                ),
                "paragraphs": [
                    "Suomalaisessa ammatillisessa koulutuksessa osaaminen osoitetaan näytöissä käytännön "
                    "työtehtävissä. Tämä avaa mahdollisuuksia ihmisille, joille perinteinen opiskelu ei sovi tai "
                    "joilta se on aiemmin jäänyt kesken.",
                    "Opinnollistaminen on yksi käytetyimmistä tavoista hyödyntää tätä mahdollisuutta. Työ- tai "
                    "toimintaympäristön tehtävät kuvataan tutkinnon perusteiden kielellä, jolloin oppija ja ohjaaja "
                    "näkevät, mitkä ammattitaitovaatimukset arjessa täyttyvät. Kun osaamista on kertynyt riittävästi, "
                    "se voidaan osoittaa yhteistyössä oppilaitoksen kanssa.",
                    "Oppiminen onnistuu, kun tukea on riittävästi. Se voi tarkoittaa kuntouttavaa tukea "
                    "mielenterveyden tai päihteiden käytön haasteisiin, apua arjen rytmin ja taitojen rakentamisessa "
                    "tai oppimisen suunnittelua yhdessä.",
                    "Monimuotoisuus on vahvuus: kun reittejä on useita, jokainen voi löytää omansa.",
                ],
            },
        ],
    },
    {
        "theme": "toimintakyky",
        "intro": "Riittävä toimintakyky on monelle ensimmäinen askel kohti työtä tai koulutusta.",
        "body": paragraphs(
            "Toimintakyky kattaa ne fyysiset, psyykkiset, sosiaaliset ja kognitiiviset voimavarat, joiden varassa "
            "ihminen selviää arjesta, opinnoista ja työstä. Työllistymisen esteenä voi olla esimerkiksi pitkäaikainen "
            "sairaus, mielenterveyden haasteet tai pitkän työttömyyden myötä hajonnut päivärytmi.",
            "Toimintakykyä vahvistavat mallit yhdistävät kuntoutuksen, arjen tuen ja työllistymisen tavoitteet niin, "
            "että ne etenevät rinnakkain eivätkä peräkkäin. Tähän teemaan kootaan tällaisia malleja; voit ehdottaa "
            "teemaan sopivaa mallia Mallipankkiin.",
        ),
        "articles": [
            {
                "slug": "toimintakyky-tyollistymisen-perustana",
                "title": "Toimintakyky työllistymisen perustana",
                "intro": (
                    "Työllistymisen tukeminen alkaa usein arjen perusasioista: jaksamisesta, terveydestä ja "
                    "päivärytmistä."
                ),
                "paragraphs": [
                    "Kun jokin toimintakyvyn osa-alue on heikentynyt, suoraan työnhakuun siirtyminen voi olla liian "
                    "suuri askel. Silloin tarvitaan tukea, joka vahvistaa voimavaroja ja pitää samalla työn tai "
                    "koulutuksen tavoitteena näkyvissä.",
                    "Toimintakykyä voi vahvistaa monin tavoin, esimerkiksi kuntouttavassa työtoiminnassa, työpajoissa, "
                    "vertaisryhmissä tai yhteistyössä terveyspalvelujen kanssa. Tärkeää on, että tuki ja "
                    "työllistymisen tavoite kulkevat rinnakkain.",
                    "Edistyminen näkyy usein pieninä asioina, kuten säännöllisenä osallistumisena, rohkeutena kokeilla "
                    "uutta ja luottamuksena omiin kykyihin. Kun muutokset tunnistetaan ja kirjataan, sekä osallistuja "
                    "että ohjaaja näkevät, mihin suuntaan ollaan menossa.",
                ],
            },
        ],
    },
    {
        "theme": "tyonantajat",
        "intro": (
            "Työnantajan tarpeiden ymmärtäminen on edellytys sille, että työllistymisen tuki johtaa pysyvään työhön."
        ),
        "body": paragraphs(
            "Työllistyminen toteutuu aina jollakin työpaikalla. Siksi työllisyyttä edistävissä malleissa on hyvä "
            "selvittää, millaista osaamista työnantajat tarvitsevat, millaista tukea ne kaipaavat rekrytoinnin "
            "tueksi ja miten työtehtäviä voi muokata erilaisille tekijöille sopiviksi.",
            "Tähän teemaan kootaan malleja, joissa työnantajat ovat mukana kehittämisessä tai joiden avulla "
            "työnantajat saavat tietoa ja tukea heikossa työmarkkina-asemassa olevien palkkaamiseen. "
            "Työnantajayhteistyötä sisältäviä malleja löytyy myös yhteistyön sekä yksilöllisen tuen ja ohjauksen "
            "teemoista.",
        ),
        "articles": [
            {
                "slug": "tyonantaja-avainkumppanina",
                "title": "Työnantaja työllistymisen avainkumppanina",
                "intro": (
                    "Työllistyminen tapahtuu lopulta työpaikalla, joten työnantajan tarpeet on otettava huomioon jo "
                    "malleja kehitettäessä."
                ),
                "paragraphs": [
                    "Työllistymistä edistävät mallit kehitetään usein palveluntuottajan näkökulmasta. Työnantaja tulee "
                    "mukaan vasta, kun työnhakija on valmis, ja silloin voi käydä ilmi, ettei valmennus vastaa "
                    "työpaikan todellisia tarpeita.",
                    "Työnantajalle on tärkeää, että rekrytointi on sujuvaa ja riskit hallittavissa. Selkeä tieto "
                    "tukimuodoista, nimetty yhteyshenkilö ja mahdollisuus tutustua työnhakijaan esimerkiksi "
                    "työkokeilun kautta madaltavat kynnystä palkata.",
                    "Työnantajat voivat myös itse kehittää työpaikkaa: muokata tehtäviä, jakaa työtä uudella tavalla "
                    "ja luoda tehtäviä, joissa erilaiset osaajat pääsevät käyttämään vahvuuksiaan. Samalla ne voivat "
                    "löytää ratkaisun omaan työvoimatarpeeseensa.",
                ],
            },
        ],
    },
    {
        "theme": "levittaminen",
        "intro": "Hyvä malli hyödyttää eniten, kun sitä käytetään laajasti ja toiminta jatkuu hankkeen jälkeen.",
        "body": paragraphs(
            "Monet työllistymisen mallit ovat sosiaalisia innovaatioita. Niiden skaalaamisella tarkoitetaan joko "
            "vaikuttavuuden kasvattamista tai innovaation levittämistä uusiin paikkoihin ja organisaatioihin.",
            "Skaalaamisen tiellä on tunnistettuja pullonkauloja, ja rahoitus on niistä yksi selvimmistä. "
            "Hankesuunnitelmissa pyydetään yhä useammin kertomaan, miten toiminta vakiinnutetaan ja levitetään "
            "hankkeen jälkeen, mutta vain harva työllistämismalleja kehittävä hanke on etukäteen varautunut siihen, "
            "että kokeilu onnistuu.",
            "Levittäminen kannattaa siksi ottaa huomioon kehittämisen kaikissa vaiheissa. Paikallisessa mallissa on "
            "varmistettava, kuka toimintaa jatkaa hankkeen päätyttyä ja tarvitaanko siihen lisärahoitusta. Jos mallia "
            "on tarkoitus levittää koko maahan tai kansainvälisesti, on pohdittava laajentamisen edellytyksiä: mukaan "
            "tarvitaan todennäköisesti uusia toimijoita ja uutta rahoitusta.",
        ),
        "articles": [
            {
                "slug": "skaalaamalla-lisaa-tyollisyytta",
                "title": "Skaalaamalla lisää työllisyyttä – toimivat mallit hukkuvat jatkuvassa kehitystyössä",
                "intro": (
                    "Uusia työllisyysmalleja kehitetään jatkuvasti, mutta hyvätkin ratkaisut jäävät usein yhden "
                    "hankkeen ja yhden paikkakunnan varaan."
                ),
                "paragraphs": [
                    "Hankerahoitus on mahdollistanut lukuisia kokeiluja, joissa on löydetty uusia tapoja tukea "
                    "heikossa työmarkkina-asemassa olevia. Hankkeen päättyessä toiminta kuitenkin usein hiipuu, ja "
                    "seuraava hanke aloittaa kehittämisen alusta. Näin toimivat mallit hukkuvat uusien kokeilujen "
                    "virtaan.",
                    "Skaalaaminen tarkoittaa sosiaalisen innovaation vaikuttavuuden kasvattamista tai sen viemistä "
                    "uusiin paikkoihin ja organisaatioihin. Se ei tapahdu itsestään, vaan vaatii suunnitelman, "
                    "resursseja ja toimijan, joka ottaa mallista vastuun hankkeen jälkeen.",
                    "Rahoitus on yksi suurimmista pullonkauloista. Hankkeilta kysytään yhä useammin, miten toiminta "
                    "juurrutetaan, mutta harvassa hankkeessa on varauduttu siihen, että kokeilu todella onnistuu. Kun "
                    "tulokset ovat hyviä, jatkajaa ja jatkorahoitusta aletaan etsiä vasta viime hetkellä.",
                    "Mallipankki pyrkii katkaisemaan tämän kierteen. Kun mallit kuvataan, arvioidaan ja julkaistaan "
                    "yhdessä paikassa, uudet hankkeet voivat rakentaa aiemman työn varaan eikä kaikkea tarvitse keksiä "
                    "uudelleen.",
                ],
            },
        ],
    },
]

STANDARD_PAGES = [
    {
        "slug": "saavutettavuus",
        "title": "Saavutettavuusseloste",
        "intro": "Tämä seloste kertoo, miten Mallipankki-verkkopalvelu täyttää saavutettavuusvaatimukset.",
        "body": (
            "<h2>Mitä seloste koskee</h2>"
            "<p>Seloste koskee Mallipankki-verkkopalvelua: sen julkisia sivuja, malliluetteloa ja hakua, lomakkeita "
            "sekä sisällönhallintaa, jota palvelun ylläpitäjät käyttävät. Palvelua koskee laki digitaalisten "
            "palvelujen tarjoamisesta (306/2019).</p>"
            "<h2>Saavutettavuuden tila</h2>"
            "<p>Mallipankki täyttää WCAG 2.1 -kriteerit AA-tasolla osittain. Tunnetut puutteet on lueteltu alla.</p>"
            "<h2>Ei-saavutettava sisältö</h2>"
            "<ul>"
            "<li>Sisällönhallinnan ylläpitonäkymä (Wagtail) on osittain englanninkielinen, vaikka käyttöliittymän "
            "kieleksi on valittu suomi. Kielen vaihtumista ei ole merkitty, joten ruudunlukija voi lukea "
            "englanninkieliset tekstit suomen ääntämyksellä (WCAG 3.1.2 Osien kieli).</li>"
            "<li>Malleihin liitetyt PDF-tiedostot ja linkitetyt verkkosivut ovat mallien kehittäjien tuottamia. Ne "
            "eivät välttämättä ole saavutettavia. Toimitamme pyynnöstä sisällön saavutettavassa muodossa, jos se on "
            "mahdollista.</li>"
            "</ul>"
            "<h2>Miten seloste on laadittu</h2>"
            "<p>Seloste on laadittu 28.11.2026. Saavutettavuus on arvioitu itsearviona, jossa palvelun sivupohjat on "
            "käyty läpi WCAG 2.1 AA -kriteerien pohjalta. Lisäksi palvelun keskeiset sivut tarkistetaan "
            "automaattisesti axe-core-työkalulla ohjelmistomuutosten yhteydessä. Automaattiset testit eivät löydä "
            "kaikkia ongelmia, joten palautteesi on meille tärkeää.</p>"
            "<h2>Palaute ja yhteystiedot</h2>"
            "<p>Jos huomaat palvelussa saavutettavuusongelman tai et pääse käsiksi johonkin sisältöön, kerro siitä "
            'meille sähköpostilla <a href="mailto:saavutettavuus@mallipankki.example">'
            "saavutettavuus@mallipankki.example</a>. Voit myös pyytää ei-saavutettavaa sisältöä saavutettavassa "
            "muodossa. Vastaamme 14 päivän kuluessa.</p>"
            "<h2>Valvontaviranomainen</h2>"
            "<p>Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä "
            "ilmoituksen valvontaviranomaiselle. Saavutettavuusvaatimusten noudattamista valvoo Liikenne- ja "
            "viestintävirasto Traficomin saavutettavuusvalvonta (aiemmin Etelä-Suomen aluehallintovirasto).</p>"
            "<ul>"
            '<li>Verkkosivusto: <a href="https://www.saavutettavuusvaatimukset.fi">www.saavutettavuusvaatimukset.fi</a></li>'
            '<li>Sähköposti: <a href="mailto:saavutettavuus@traficom.fi">saavutettavuus@traficom.fi</a></li>'
            "</ul>"
        ),
    },
    {
        "slug": "tietosuoja",
        "title": "Tietosuojaseloste",
        "intro": "Tässä selosteessa kerrotaan, mitä henkilötietoja Mallipankki käsittelee, miksi ja miten.",
        "body": (
            "<h2>Rekisterinpitäjä</h2>"
            "<p>Yhteiskunnallisten yritysten osaamiskeskus, Mallipankki-verkkopalvelun ylläpitäjä. Tietosuoja-asiat: "
            '<a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a>.</p>'
            "<h2>Mitä henkilötietoja käsittelemme</h2>"
            "<ul>"
            "<li><b>Mallien ehdottajat:</b> nimi, sähköpostiosoite, organisaatio sekä ehdotuksen sisältö ja "
            "lähetysaika. Ehdottajasta tulee ehdottamansa mallin yhteyshenkilö (ks. seuraava kohta), jotta "
            "voimme kysyä häneltä kerran vuodessa, onko malli yhä käytössä.</li>"
            "<li><b>Mallien yhteyshenkilöt:</b> nimi, organisaatio, sähköpostiosoite ja puhelinnumero. Yhteystiedot "
            "näytetään julkisesti vain, jos henkilö on antanut siihen luvan.</li>"
            "<li><b>Käyttöönotosta ilmoittavat</b> (lomake ”Käytämme tätä mallia”): yhteyshenkilön nimi, "
            "sähköpostiosoite ja puhelinnumero, lupa näyttää yhteystiedot mallin sivulla sekä ilmoituksen sisältö "
            "(organisaatio, maakunta tai maa, käyttöönottovuosi, mitä mallissa muutettiin) ja lähetysaika.</li>"
            "<li><b>Tukea pyytävät</b> (lomake ”Pyydä tukea”): nimi, organisaatio, sähköpostiosoite, puhelinnumero, "
            "viesti ja lähetysaika. Tiedot näkevät vain pyyntöä käsittelevät aluetyöntekijät ja toimittajat.</li>"
            "<li><b>Ylläpidon käyttäjät:</b> nimi, sähköpostiosoite, käyttäjätunnus, käyttöoikeudet sekä "
            "muutoshistoria siitä, mitä sisältöä käyttäjä on muokannut, arvioinut tai julkaissut.</li>"
            "</ul>"
            "<p>Kun joku lähettää ehdotuksen, käyttöönottoilmoituksen tai tukipyynnön, tallennamme myös lähettäjän "
            "IP-osoitteesta lasketun tiivisteen (emme itse osoitetta), jotta voimme rajoittaa roskapostia ja "
            "väärinkäyttöä.</p>"
            "<p>Palvelu käyttää vain toiminnan kannalta välttämättömiä evästeitä, kuten kirjautumisen ja lomakkeiden "
            "suojauksen evästeitä. Analytiikka- tai mainosevästeitä ei käytetä.</p>"
            "<h2>Käsittelyn tarkoitus ja oikeusperuste</h2>"
            "<ul>"
            "<li>Ehdotusten käsittely ja yhteydenpito ehdottajaan: rekisterinpitäjän oikeutettu etu (EU:n yleisen "
            "tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta).</li>"
            "<li>Käyttöönottoilmoitusten ja tukipyyntöjen käsittely ja yhteydenpito lähettäjään: oikeutettu etu. "
            "Käyttöönoton yhteyshenkilön tietojen näyttäminen mallin sivulla perustuu suostumukseen, jonka voi "
            "peruuttaa milloin tahansa.</li>"
            "<li>Mallien yhteyshenkilöiden tietojen ylläpito, jotta mallin tietoja voidaan tarkistaa ja päivittää: "
            "oikeutettu etu. Yhteystietojen julkinen näyttäminen perustuu henkilön suostumukseen (6 artiklan 1 kohdan "
            "a alakohta), jonka voi peruuttaa milloin tahansa.</li>"
            "<li>Ylläpidon käyttäjätilit, käyttöoikeuksien hallinta, tietoturva ja sisällön muutoshistoria: "
            "oikeutettu etu.</li>"
            "</ul>"
            "<h2>Säilytysaika</h2>"
            "<ul>"
            "<li>Ehdottajan tiedot säilytetään ehdotuksen käsittelyn ajan ja enintään 12 kuukautta käsittelyn "
            "päättymisen jälkeen.</li>"
            "<li>Käyttöönotosta ilmoittaneen ja tukea pyytäneen tiedot säilytetään samoin: ilmoituksen tai pyynnön "
            "käsittelyn ajan ja enintään 12 kuukautta sen jälkeen. Jos ilmoittaja on antanut luvan näyttää "
            "yhteystietonsa vahvistetun käyttöönoton yhteydessä, ne säilytetään niin kauan kuin käyttöönotto on "
            "mallin sivulla tai kunnes hän peruu luvan.</li>"
            "<li>Yhteyshenkilön tiedot säilytetään niin kauan kuin malli on palvelussa ja tiedot ovat ajan tasalla. "
            "Tietojen ajantasaisuus tarkistetaan, kun mallin toiminnan tila vahvistetaan.</li>"
            "<li>Ylläpidon käyttäjän tiedot säilytetään käyttäjätilin voimassaoloajan. Käyttäjän nimi säilyy sivujen "
            "versiohistoriassa niin kauan kuin versiot säilytetään.</li>"
            "</ul>"
            "<h2>Tietojen vastaanottajat</h2>"
            "<p>Tietoja ei myydä eikä luovuteta ulkopuolisille. Palvelun teknisestä ylläpidosta ja "
            "palvelinympäristöstä huolehtivat palveluntarjoajat käsittelevät tietoja rekisterinpitäjän lukuun "
            "ja sen ohjeiden mukaan. Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle. Julkisiksi merkityt "
            "yhteystiedot näkyvät mallin sivulla ja palvelun avoimessa datassa. Käyttöönoton yhteyshenkilön "
            "tiedot näkyvät luvalla vain mallin sivulla.</p>"
            "<h2>Rekisteröidyn oikeudet</h2>"
            "<ul>"
            "<li>oikeus saada pääsy omiin tietoihinsa</li>"
            "<li>oikeus vaatia virheellisten tietojen oikaisemista</li>"
            "<li>oikeus vaatia tietojen poistamista</li>"
            "<li>oikeus vaatia käsittelyn rajoittamista</li>"
            "<li>oikeus vastustaa oikeutettuun etuun perustuvaa käsittelyä</li>"
            "<li>oikeus peruuttaa suostumuksensa</li>"
            "<li>oikeus siirtää suostumuksella annetut tiedot järjestelmästä toiseen</li>"
            "</ul>"
            "<p>Jos haluat kopion tiedoistasi tai haluat, että ne poistetaan, kirjoita osoitteeseen "
            '<a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a> ja kerro '
            "sähköpostiosoite, jonka annoit lomakkeessa. Pyyntö koskee kaikkia tällä osoitteella lähetettyjä "
            "ehdotuksia, käyttöönottoilmoituksia ja tukipyyntöjä. Poistettaessa nimesi korvataan merkinnällä "
            "”(poistettu)”, ja sähköpostiosoitteesi, puhelinnumerosi, IP-osoitteen tiiviste sekä ehdotuksen ja "
            "tukipyynnön organisaatio poistetaan. Samalla poistetaan yhteystiedot niistä malleista, joiden "
            "yhteyshenkilönä on sama sähköpostiosoite. Ehdotettu malli, vahvistettu käyttöönotto ja tukipyynnön viesti "
            "jäävät palveluun, koska ne ovat palvelun sisältöä. Jos olet kirjoittanut niihin muita tietoja "
            "itsestäsi, mainitse ne pyynnössä, niin poistamme nekin.</p>"
            "<p>Poistopyynnön jälkeen poistamme tiedot tai teemme niistä tunnistamattomia, ellei niiden "
            "säilyttämiselle ole laissa säädettyä perustetta. Jos katsot, että tietojesi käsittely rikkoo "
            'tietosuojalainsäädäntöä, voit tehdä valituksen tietosuojavaltuutetun toimistoon (<a href="https://tietosuoja.fi">tietosuoja.fi</a>).</p>'
            "<h2>Yhteydenotot</h2>"
            "<p>Lähetä tietosuojaa koskevat kysymykset ja pyynnöt osoitteeseen "
            '<a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a>. Vastaamme pyyntöihin '
            "viimeistään kuukauden kuluessa. Seloste on päivitetty 28.11.2026.</p>"
        ),
    },
]
