"""A second pass over the vocabulary of the catalogue's summaries.

scripts/thesaurus_coverage.py --summaries listed the remaining uncovered
noun phrases of the practices' summaries and descriptions; the seed files
gained the domain concepts among them (child health clinics, HR, data
protection, stakeholders, decision-makers, evaluation, cooperation
agreements, conflict resolution, communication support, legal advice,
train-the-trainer, customer relationship management) and fi/sv/en labels on
existing concepts (gig work, burnout, relapse, digital support, villages,
outpatient clinics, employer relations, ...). Loading again adds the new
concepts and updates only those no editor has changed, as load_thesaurus
does.
"""

from django.db import migrations

from mallipankki.thesaurus.loading import load_concepts, read_concepts


def forwards(apps, schema_editor):
    load_concepts(lambda name: apps.get_model("thesaurus", name), read_concepts())


class Migration(migrations.Migration):
    dependencies = [
        ("thesaurus", "0005_summary_coverage"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
