"""The group of occupations, sectors and work tasks, and its concepts.

The seed files gained ammatit-ja-toimialat.json (some concepts moved there
from tyoelama-ja-osaaminen); loading again adds the new concepts and moves
or updates only those no editor has changed, as load_thesaurus does.
"""

from django.db import migrations, models

from mallipankki.thesaurus.loading import load_concepts, read_concepts


def forwards(apps, schema_editor):
    load_concepts(lambda name: apps.get_model("thesaurus", name), read_concepts())


class Migration(migrations.Migration):
    dependencies = [
        ("thesaurus", "0002_load_concepts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="concept",
            name="group",
            field=models.CharField(
                choices=[
                    ("kohderyhmat", "Kohderyhmät"),
                    ("palvelut", "Palvelut ja toimenpiteet"),
                    ("saadokset-ja-etuudet", "Säädökset ja etuudet"),
                    ("organisaatiot", "Organisaatiot ja toimijat"),
                    ("menetelmat", "Menetelmät ja toimintatavat"),
                    ("tyoelama-ja-osaaminen", "Työelämä, osaaminen ja koulutus"),
                    ("terveys-ja-toimintakyky", "Terveys, hyvinvointi ja toimintakyky"),
                    ("ammatit-ja-toimialat", "Ammatit, alat ja työtehtävät"),
                ],
                max_length=40,
                verbose_name="ryhmä",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
