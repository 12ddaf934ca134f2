"""Toimittajat (editors) manage regional workers in the admin.

Ylläpitäjät receive every permission anyway (evaluation.roles.sync_admin_permissions).
The support request queue checks regions (scoping.regions_for), not model
permissions, so no permissions are needed for it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Toimittajat"
CODENAMES = ["add_regionalworker", "change_regionalworker", "delete_regionalworker", "view_regionalworker"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate).
    app_config = apps.get_app_config("regions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is None:
        return
    group.permissions.add(*Permission.objects.filter(content_type__app_label="regions", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="regions", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0002_supportrequest_supportrequestnote"),
        ("evaluation", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
