from django.db import migrations, models

import mallipankki.adoptions.models
from mallipankki.core import references


def give_references(apps, schema_editor):
    """Reports sent before references existed get one now, so every report can be named."""
    PendingAdoption = apps.get_model("adoptions", "PendingAdoption")
    taken = set()
    for pending in PendingAdoption.objects.filter(reference__isnull=True).only("pk", "created_at"):
        while True:
            random_part = references.new_reference("").rsplit("-", 1)[1]
            code = f"{mallipankki.adoptions.models.REFERENCE_PREFIX}-{pending.created_at.year}-{random_part}"
            if code not in taken:
                break
        taken.add(code)
        PendingAdoption.objects.filter(pk=pending.pk).update(reference=code)


class Migration(migrations.Migration):
    dependencies = [("adoptions", "0002_personal_data_erased_at")]

    operations = [
        migrations.AddField(
            model_name="pendingadoption",
            name="reference",
            field=models.CharField(editable=False, max_length=20, null=True, verbose_name="viite"),
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="pendingadoption",
            name="reference",
            field=models.CharField(
                default=mallipankki.adoptions.models.new_reference,
                editable=False,
                max_length=20,
                unique=True,
                verbose_name="viite",
            ),
        ),
    ]
