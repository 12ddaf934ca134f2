"""Finnish texts of the open-data page's field tables, where the schema has none.

The field tables on /avoin-data/ are generated from
formats/practices-v1.schema.json: its fields, their formats and, where it has
them, its descriptions. This module holds only what the schema does not say:
a description for a field that has none (`FALLBACK_DESCRIPTIONS`, keyed by the
field's dotted path) and where each CSV column comes from (`CSV_COLUMNS`).
`field_guide` refuses a fallback for a field the schema already describes, so
the schema stays the one source of truth.
"""

from django.utils.translation import gettext_lazy as _

FALLBACK_DESCRIPTIONS = {
    "name": _("Mallin nimi kielittäin."),
    "themes": _("Teemat, joihin malli kuuluu (teemojen koodit, ks. sanastot)."),
    "target_groups": _("Kohderyhmät, joille malli on tehty (kohderyhmien koodit, ks. sanastot)."),
    "keywords": _("Asiasanat, joilla mallia voi hakea."),
    "organisations": _("Mallin kehittäneet, omistavat, ylläpitävät, rahoittavat ja muut mukana olleet organisaatiot."),
    "organisations.name": _("Organisaation nimi."),
    "organisations.role": _(
        "Organisaation rooli: developer (kehittäjä), owner (omistaja), maintainer (ylläpitäjä), "
        "funder (rahoittaja) tai partner (kumppani)."
    ),
    "organisations.url": _("Organisaation verkkosivu."),
    "funding": _("Rahoitus, jolla malli on kehitetty."),
    "funding.project_name": _("Hankkeen nimi."),
    "funding.start": _("Rahoituksen alkupäivä."),
    "funding.end": _("Rahoituksen loppupäivä."),
    "resources": _("Mallin aineistot: käsikirjat, oppaat, videot ja muut linkit."),
    "resources.type": _("Aineiston laji: link (linkki), pdf, video tai other (muu)."),
    "resources.title": _("Aineiston otsikko kielittäin."),
    "resources.url": _("Aineiston osoite."),
    "resources.language": _("Aineiston kieli."),
    "evidence": _("Näyttö mallin vaikutuksista, sellaisena kuin arvioijat ja toimittajat sen arvioivat."),
    "evidence.summary": _("Toimittajien julkinen yhteenveto näytöstä ja arvioinnista."),
    "evidence.sources": _("Näytön lähteet: raportit, tutkimukset ja arvioinnit."),
    "costs": _("Mallin kustannukset."),
    "costs.per_participant_eur": _("Arvioidut kustannukset osallistujaa kohden euroina."),
    "costs.notes": _("Lisätietoja kustannuksista."),
    "scaling": _("Mallin levinneisyys ja toiminnan jatkuvuus hankkeen jälkeen."),
    "scaling.stage": _(
        "Levinneisyys: pilot (kokeilu), local (paikallinen), regional (alueellinen), national (valtakunnallinen) "
        "tai international (kansainvälinen)."
    ),
    "scaling.continuity_funding": _("Miten toiminta rahoitetaan hankkeen jälkeen."),
    "scaling.plan": _("Suunnitelma mallin levittämiseksi."),
    "adoptions": _("Vahvistetut käyttöönotot: organisaatiot, jotka ovat ottaneet mallin käyttöön."),
    "adoptions.organisation": _("Käyttöön ottanut organisaatio."),
    "adoptions.country": _("Maa (ISO 3166-1 alpha-2)."),
    "adoptions.region": _("Maakunta (ISO 3166-2:FI)."),
    "adoptions.year": _("Käyttöönottovuosi."),
    "adoptions.note": _("Lisätietoja käyttöönotosta."),
    "contact.name": _("Yhteyshenkilön nimi."),
    "contact.organisation": _("Yhteyshenkilön organisaatio."),
    "contact.email": _("Yhteyshenkilön sähköpostiosoite."),
    "contact.phone": _("Yhteyshenkilön puhelinnumero."),
    "contact.public": _("Saako yhteystiedot julkaista."),
    "status": _("Mallin tila; avoimessa datassa aina published (julkaistu)."),
    "published_at": _("Milloin malli julkaistiin ensimmäisen kerran."),
    "updated_at": _("Milloin mallin sisältöä viimeksi muutettiin."),
}

# The CSV's columns (api.csv_export.COLUMNS): the schema field each comes from
# (its description is shown) and what the column adds to it; None for a column
# that is not a schema field.
CSV_COLUMNS = {
    "id": ("id", ""),
    "name_fi": ("name", _("Suomeksi.")),
    "name_sv": ("name", _("Ruotsiksi.")),
    "name_en": ("name", _("Englanniksi.")),
    "summary_fi": ("summary", _("Suomeksi.")),
    "themes": ("themes", _("Koodit erotettuina merkeillä ”; ”.")),
    "target_groups": ("target_groups", _("Koodit erotettuina merkeillä ”; ”.")),
    "countries": ("countries", _("Koodit erotettuina merkeillä ”; ”.")),
    "regions": ("regions", _("Koodit erotettuina merkeillä ”; ”.")),
    "keywords": ("keywords", _("Erotettuina merkeillä ”; ”.")),
    "evidence_level": ("evidence.level", ""),
    "readiness_total": ("readiness", _("Osa-alueiden pisteet yhteensä (0–8); tyhjä, jos valmiutta ei ole arvioitu.")),
    "scaling_stage": ("scaling.stage", ""),
    "continuity_status": ("scaling.status", ""),
    "continuity_owner": ("scaling.continuity_owner", ""),
    "organisations": ("organisations.name", _("Nimet erotettuina merkeillä ”; ”.")),
    "funding_programmes": ("funding.programme", _("Rahoitusohjelmat erotettuina merkeillä ”; ”.")),
    "project_codes": ("funding.project_code", _("Hankekoodit erotettuina merkeillä ”; ”.")),
    "resource_urls": ("resources.url", _("Osoitteet erotettuina merkeillä ”; ”.")),
    "url": (None, _("Mallin sivu Mallipankissa.")),
    "updated_at": ("updated_at", ""),
}
