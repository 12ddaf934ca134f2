"""The seed concepts from data/concepts/*.json, and the editors' permissions.

Toimittajat add and change concepts; deleting one is left to Ylläpitäjät
(who receive every permission, see evaluation.roles.sync_admin_permissions).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from mallipankki.thesaurus.loading import load_concepts, read_concepts

EDITORS = "Toimittajat"
EDITOR_PERMISSIONS = ["add_concept", "change_concept", "view_concept"]


def forwards(apps, schema_editor):
    load_concepts(lambda name: apps.get_model("thesaurus", name), read_concepts())
    app_config = apps.get_app_config("thesaurus")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="thesaurus", codename__in=EDITOR_PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("thesaurus", "0001_initial"),
        ("evaluation", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
