"""A small corpus of practices, built once per test module.

The practices go in through `upsert_practice`, i.e. the real publish path
and its signals, so building the corpus also exercises indexing. The whole
module runs inside one transaction that is rolled back at the end; each
test runs in a savepoint of it (pytest-django's `db`), so tests can change
things freely. Modules that use it must not use transactional tests.
"""

import pytest
from django.db import transaction

from mallipankki.practices.interchange import VocabularyIndex
from mallipankki.search.query import forget_prepared_queries


def slugs(result) -> list[str]:
    """The slugs of a search result's practices, in order."""
    return [page.slug for page in result.items]


@pytest.fixture(autouse=True)
def fresh_prepared_queries():
    """Each test prepares its queries against its own index (and settings)."""
    forget_prepared_queries()
    yield
    forget_prepared_queries()


PDF = {"type": "pdf", "title": {"fi": "Opas"}, "url": "https://example.org/opas.pdf"}
LINK = {"type": "link", "title": {"fi": "Verkkosivu"}, "url": "https://example.org/"}

CORPUS = [
    {
        "id": "tyokokeilu-portaat",
        "name": {"fi": "Työkokeilun portaat"},
        "summary": {"fi": "Pitkäaikaistyötön aloittaa työkokeilulla, joka jatkuu palkkatuettuna työnä."},
        "description": {"fi": "Työkokeilujakso kestää enintään kolme kuukautta. [Lue lisää](https://example.org/x)"},
        "keywords": ["työkokeilu", "palkkatuki"],
        "themes": ["yksilollinen-tuki", "tyonantajat"],
        "target_groups": ["pitkaaikaistyottomat"],
        "countries": ["FI"],
        "regions": ["FI-18"],
        "organisations": [{"name": "Portaiden säätiö", "role": "developer"}],
        "funding": [{"programme": "ESR+", "project_code": "S30577"}],
        "resources": [PDF],
        "evidence": {"level": 2},
        "scaling": {"stage": "regional"},
        "published_at": "2024-01-10T10:00:00Z",
    },
    {
        "id": "kokeilukulttuuri",
        "name": {"fi": "Kokeilukulttuuri kunnan palveluissa"},
        "summary": {
            "fi": "Kunta kokeilee uusia toimintatapoja nopeasti, ja kokeilukulttuuri tuo palveluihin ketteryyttä."
        },
        "themes": ["yhteistyo"],
        "target_groups": ["hanketoimijat"],
        "countries": ["FI"],
        "regions": ["FI-01"],
        "scaling": {"stage": "local", "status": "ended"},
        "published_at": "2024-02-10T10:00:00Z",
    },
    {
        "id": "hoiva-alan-polku",
        "name": {"fi": "Hoiva-alan polku"},
        "summary": {"fi": "Malli ohjaa maahanmuuttajanaisia hoiva-alan koulutukseen ja työhön."},
        "themes": ["osaamisen-kehittaminen"],
        "target_groups": ["maahanmuuttajat"],
        "countries": ["FI"],
        "regions": ["FI-18"],
        "resources": [LINK],
        "published_at": "2024-03-10T10:00:00Z",
    },
    {
        "id": "kielikahvila",
        "name": {"fi": "Kielikahvila työpaikalla"},
        "summary": {"fi": "Suomen kielen harjoittelua maahanmuuttajille työpaikoilla."},
        "themes": ["osaamisen-kehittaminen"],
        "target_groups": ["maahanmuuttajat"],
        "countries": ["SE"],
        "published_at": "2024-04-10T10:00:00Z",
    },
    {
        "id": "tuettu-tyo",
        "name": {"fi": "Yksilöllinen työhönvalmennus"},
        "summary": {"fi": "Mielenterveyskuntoutujat työllistyvät avoimille työmarkkinoille työhönvalmentajan tuella."},
        "themes": ["yksilollinen-tuki", "toimintakyky"],
        "target_groups": ["mielenterveyskuntoutujat"],
        "countries": ["FI"],
        "regions": ["FI-18"],
        "evidence": {"level": 4},
        "scaling": {"status": "embedded"},
        "adoptions": [{"organisation": "Esimerkkikaupunki", "region": "FI-18", "year": 2023}],
        "published_at": "2024-05-10T10:00:00Z",
    },
    {
        "id": "valokuvausryhma",
        "name": {"fi": "Valokuvausryhmä"},
        "summary": {"fi": "Mielenterveyskuntoutujien valokuvausryhmä kokoontuu viikoittain kirjastossa."},
        "themes": ["toimintakyky"],
        "target_groups": ["mielenterveyskuntoutujat"],
        "published_at": "2024-06-10T10:00:00Z",
    },
    {
        "id": "kokemusasiantuntijat",
        "name": {"fi": "Kokemusasiantuntijakoulutus"},
        "summary": {"fi": "Koulutus antaa valmiudet toimia omien kokemusten pohjalta."},
        "themes": ["toimintakyky"],
        "target_groups": ["rikos-ja-paihdetausta"],
        "published_at": "2024-07-10T10:00:00Z",
    },
    {
        "id": "rekrytukipiste",
        "name": {"fi": "Rekrytukipiste"},
        "summary": {"fi": "Neuvontaa pienille yrityksille: palkkatuki ja sen hakeminen."},
        "themes": ["tyonantajat"],
        "target_groups": ["tyonantajat"],
        "published_at": "2024-08-10T10:00:00Z",
    },
    {
        "id": "mentorointi-nuorille",
        "name": {"fi": "Mentorointi nuorille"},
        "summary": {"fi": "Nuori saa oman tukihenkilön vuodeksi."},
        "themes": ["yksilollinen-tuki"],
        "target_groups": ["nuoret"],
        "published_at": "2024-09-10T10:00:00Z",
    },
    {
        "id": "nuorten-tukiverkko",
        "name": {"fi": "Nuorten tukiverkko"},
        "summary": {"fi": "Nuoret saavat tukea arkeen ja opintoihin."},
        "description": {"fi": "Toiminnassa käytetään myös mentorointia."},
        "themes": ["yksilollinen-tuki"],
        "target_groups": ["nuoret"],
        "published_at": "2024-10-10T10:00:00Z",
    },
    {
        "id": "sirkus",
        "name": {"fi": "Sirkus & <b>rohkeus</b>"},
        "summary": {
            "fi": "<script>alert('x')</script> Sirkustaide & \"uskallus\" <img src=x onerror=alert(1)> kehittää."
        },
        "themes": ["toimintakyky"],
        "published_at": "2024-11-10T10:00:00Z",
    },
    {
        "id": "supported-employment",
        "name": {"en": "Supported employment toolkit"},
        "summary": {"en": "A toolkit for employment specialists who support jobseekers."},
        "themes": ["yksilollinen-tuki"],
        "countries": ["IE"],
        "published_at": "2024-12-10T10:00:00Z",
    },
    {
        "id": "arbetsprovning",
        "name": {"sv": "Arbetsprövning steg för steg"},
        "summary": {"sv": "Arbetsträning för unga vuxna i små företag."},
        "themes": ["yksilollinen-tuki"],
        "countries": ["FI"],
        "regions": ["FI-15"],
        "published_at": "2025-01-10T10:00:00Z",
    },
    {
        "id": "luonnos",
        "name": {"fi": "Kummitusmalli"},
        "summary": {"fi": "Keskeneräinen kummitusmalli, jota ei ole julkaistu."},
        "themes": ["yhteistyo"],
        "status": "draft",
    },
]
PUBLISHED = [record["id"] for record in CORPUS if record.get("status", "published") == "published"]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """{practice id: page} for CORPUS, indexed through the publish signals."""
    from mallipankki.pages.factories import DefaultSiteFactory
    from mallipankki.practices.factories import PracticeFactory, PracticeIndexPageFactory

    with django_db_blocker.unblock(), transaction.atomic():
        index = PracticeIndexPageFactory(parent=DefaultSiteFactory(root_page__slug="hakukoti").root_page)
        vocabularies = VocabularyIndex()
        pages = {}
        for record in CORPUS:
            published = {"status": "published", **record}
            pages[record["id"]] = PracticeFactory(parent=index, record=published, vocabularies=vocabularies)
        yield pages
        transaction.set_rollback(True)
