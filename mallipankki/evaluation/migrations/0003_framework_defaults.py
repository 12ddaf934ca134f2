"""The shipped evaluation framework: seven criteria (0–3) and the two axes.

Admins edit these as snippets ("Arviointikehys"); this migration only adds
what is missing, so it never overwrites an admin's wording.
"""

from django.db import migrations

CRITERIA = [
    (
        "Mallin kuvauksen selkeys",
        "Onko malli kuvattu niin, että ulkopuolinen ymmärtää, mitä tehdään, kenelle, kuka tekee ja missä järjestyksessä?",
        [
            "Kuvaus puuttuu tai on niin yleinen, ettei mallia voi tunnistaa.",
            "Tavoite ja kohderyhmä on kuvattu, mutta toteutuksen vaiheet ja tekijät jäävät epäselviksi.",
            "Vaiheet, tekijät ja työtavat on kuvattu; joitakin aukkoja jää.",
            "Malli on kuvattu niin tarkasti, että toinen organisaatio voisi toteuttaa sen kuvauksen perusteella.",
        ],
    ),
    (
        "Tulokset ja niiden näyttö",
        "Mitä mallilla on saavutettu, ja miten tulokset on todettu?",
        [
            "Tuloksia ei ole kerrottu.",
            "Tuloksia on kerrottu, mutta niitä ei ole mitattu tai dokumentoitu.",
            "Tulokset on mitattu ja dokumentoitu, esimerkiksi osallistujamäärät, siirtymät työhön tai koulutukseen ja palaute.",
            "Tulokset on mitattu järjestelmällisesti ja arvioitu ulkopuolisen arvioinnin tai vertailuasetelman avulla.",
        ],
    ),
    (
        "Kohderyhmän osallisuus kehittämisessä",
        "Ovatko ne, joita varten malli on tehty, olleet mukana suunnittelemassa, kokeilemassa ja arvioimassa sitä?",
        [
            "Kohderyhmä ei ole ollut mukana kehittämisessä.",
            "Kohderyhmältä on kerätty palautetta.",
            "Kohderyhmä on osallistunut mallin suunnitteluun tai kokeiluun.",
            "Kohderyhmä on ollut mukana koko kehittämisen ajan, ja sen näkemykset näkyvät mallissa.",
        ],
    ),
    (
        "Yhteistyö työnantajien kanssa",
        "Miten työnantajat ovat mukana mallissa: työpaikkoina, kehittäjinä tai kumppaneina?",
        [
            "Työnantajat eivät ole mukana.",
            "Työnantajiin on satunnaisia yhteyksiä.",
            "Työnantajien kanssa tehdään säännöllistä yhteistyötä mallin toteutuksessa.",
            "Työnantajat ovat sitoutuneita kumppaneita, ja yhteistyön muodot on kuvattu.",
        ],
    ),
    (
        "Siirrettävyys muille paikkakunnille",
        "Voiko mallin ottaa käyttöön toisella paikkakunnalla tai toisessa organisaatiossa?",
        [
            "Malli on sidottu yhteen paikkaan tai henkilöön.",
            "Siirtäminen olisi mahdollista, mutta sen edellytyksiä ei ole kuvattu.",
            "Siirtämisen edellytykset on kuvattu.",
            "Malli on jo siirretty onnistuneesti toiseen paikkaan tai organisaatioon.",
        ],
    ),
    (
        "Jatkuvuus hankerahoituksen jälkeen",
        "Jatkuuko toiminta, kun hankerahoitus päättyy, ja kuka sitä ylläpitää?",
        [
            "Jatkosta ei ole tietoa.",
            "Jatkoa suunnitellaan, mutta vastuutaho tai rahoitus puuttuu.",
            "Vastuutaho on sovittu, ja rahoitus on osittain varmistettu.",
            "Malli on osa pysyvää toimintaa, ja sen ylläpito on resursoitu.",
        ],
    ),
    (
        "Kustannukset ja resurssit",
        "Onko kerrottu, mitä mallin toteuttaminen maksaa ja mitä resursseja se vaatii?",
        [
            "Kustannuksista tai resursseista ei ole tietoa.",
            "Resurssit on kuvattu yleisellä tasolla.",
            "Henkilöstö- ja muut kustannukset on eritelty.",
            "Kustannukset on eritelty ja suhteutettu tuloksiin, esimerkiksi kustannus osallistujaa kohden.",
        ],
    ),
]

LEVELS = {
    "evidence": [
        ("Ei arvioitu", "Mallin vaikutuksesta ei ole vielä arvioitua tietoa."),
        (
            "Vaikutus kuvattu selkeästi",
            "Mallista on perusteltu kuvaus siitä, mitä se muuttaa, kenelle ja miksi (muutosteoria).",
        ),
        (
            "Aineisto osoittaa muutoksen",
            "Osallistujista kerätty tieto osoittaa muutoksen, esimerkiksi ennen–jälkeen-mittauksella. "
            "Ei vielä osoita, että muutos johtuu mallista.",
        ),
        (
            "Vertailuryhmä osoittaa vaikutuksen",
            "Vertailuryhmään perustuva asetelma osoittaa, että muutos johtuu mallista.",
        ),
        ("Toistettu riippumattomasti", "Riippumaton arviointi on toistanut tulokset toisessa toteutuksessa."),
        (
            "Toistettu laajasti, vaikutus säilynyt",
            "Malli on otettu käyttöön laajasti useassa paikassa, ja vaikutus on säilynyt.",
        ),
    ],
    "materials": [
        ("Ei materiaaleja", "Mallista ei ole käyttöön otettavaa materiaalia."),
        ("Kuvaus", "Mallista on kirjallinen kuvaus."),
        ("Käsikirja", "Mallista on käsikirja tai opas, jonka avulla toteuttaja pääsee alkuun."),
        ("Valmis työvälinepaketti", "Käsikirjan lisäksi lomakkeet, työkalut ja esimerkit ovat valmiina käyttöön."),
    ],
    "training": [
        ("Ei koulutusta", "Käyttöönottoon ei ole tarjolla koulutusta tai tukea."),
        ("Tukea pyydettäessä", "Mallin kehittäjät neuvovat käyttöönottajia pyydettäessä."),
        ("Järjestetty koulutus ja tuki", "Käyttöönottajille on säännöllistä koulutusta, työnohjausta tai mentorointia."),
    ],
    "fidelity": [
        ("Ei välineitä", "Mallin ydinosia ei ole määritelty."),
        ("Ydinosat kuvattu", "On kuvattu, mitkä mallin osat ovat välttämättömiä ja mitä voi soveltaa."),
        ("Tarkistuslista", "Toteutusta voi verrata malliin tarkistuslistan avulla."),
        ("Järjestelmällinen seuranta", "Mallin mukaisuutta seurataan järjestelmällisesti mittarein tai auditoinnein."),
    ],
}


def load_defaults(apps, schema_editor):
    EvaluationCriterion = apps.get_model("evaluation", "EvaluationCriterion")
    ScaleLevel = apps.get_model("evaluation", "ScaleLevel")
    if not EvaluationCriterion.objects.exists():
        for order, (name, description, scale) in enumerate(CRITERIA, start=1):
            EvaluationCriterion.objects.create(
                name=name,
                description=description,
                scale_0=scale[0],
                scale_1=scale[1],
                scale_2=scale[2],
                scale_3=scale[3],
                sort_order=order * 10,
            )
    for scale, levels in LEVELS.items():
        for value, (title, description) in enumerate(levels):
            ScaleLevel.objects.get_or_create(
                scale=scale, value=value, defaults={"title": title, "description": description}
            )


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0002_roles")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
