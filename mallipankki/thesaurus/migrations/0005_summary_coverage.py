"""Concepts and labels for the vocabulary of the catalogue's summaries.

scripts/thesaurus_coverage.py --summaries lists the noun phrases of the
practices' summaries and descriptions that name no concept; the seed files
gained the domain concepts among them (procurement, grants, company form,
business plan, social impact, workplace language training, supervisors,
shift work, internships, …) and their labels in the three languages.
Loading again adds the new concepts and updates only those no editor has
changed, as load_thesaurus does.
"""

from django.db import migrations

from mallipankki.thesaurus.loading import load_concepts, read_concepts


def forwards(apps, schema_editor):
    load_concepts(lambda name: apps.get_model("thesaurus", name), read_concepts())


class Migration(migrations.Migration):
    dependencies = [
        ("thesaurus", "0004_catalogue_coverage"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
