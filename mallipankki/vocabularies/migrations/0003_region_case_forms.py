from django.db import migrations, models

from mallipankki.vocabularies.loading import read_region_case_forms


def fill_case_forms(apps, schema_editor):
    """The Finnish case forms from vocabularies/data/region_case_forms_fi.json, for the regions there are."""
    Region = apps.get_model("vocabularies", "Region")
    for code, fields in read_region_case_forms().items():
        Region.objects.filter(code=code).update(**fields)


class Migration(migrations.Migration):
    dependencies = [
        ("vocabularies", "0002_load_vocabularies"),
    ]

    operations = [
        migrations.AddField(
            model_name="region",
            name="from_fi",
            field=models.CharField(blank=True, max_length=200, verbose_name="mistä? (esim. Lapista, Uudeltamaalta)"),
        ),
        migrations.AddField(
            model_name="region",
            name="genitive_fi",
            field=models.CharField(blank=True, max_length=200, verbose_name="genetiivi (kenen? esim. Lapin)"),
        ),
        migrations.AddField(
            model_name="region",
            name="to_fi",
            field=models.CharField(blank=True, max_length=200, verbose_name="mihin? (esim. Lappiin, Uudellemaalle)"),
        ),
        migrations.AddField(
            model_name="region",
            name="where_fi",
            field=models.CharField(blank=True, max_length=200, verbose_name="missä? (esim. Lapissa, Uudellamaalla)"),
        ),
        migrations.RunPython(fill_case_forms, migrations.RunPython.noop),
    ]
