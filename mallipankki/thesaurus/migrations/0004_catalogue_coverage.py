"""Concepts and labels for the catalogue's own key terms.

scripts/thesaurus_coverage.py lists the keywords and name phrases of the
practices that name no concept; the seed files gained the domain concepts
among them and their synonyms in the three languages. Loading again adds
the new concepts and updates only those no editor has changed, as
load_thesaurus does.
"""

from django.db import migrations

from mallipankki.thesaurus.loading import load_concepts, read_concepts


def forwards(apps, schema_editor):
    load_concepts(lambda name: apps.get_model("thesaurus", name), read_concepts())


class Migration(migrations.Migration):
    dependencies = [
        ("thesaurus", "0003_group_occupations"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
