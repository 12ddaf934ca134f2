from django.db import migrations

from mallipankki.vocabularies.loading import load_vocabularies


def forwards(apps, schema_editor):
    load_vocabularies(lambda name: apps.get_model("vocabularies", name))


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
