"""Aluetyöntekijät read the proposals of their own regions.

The permission opens the proposal views; which proposals a regional worker
sees is decided by region (mallipankki.proposals.access).
"""

from django.db import migrations

REGIONAL_WORKERS = "Aluetyöntekijät"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=REGIONAL_WORKERS).first()
    # 0002_roles created the permissions; a database without them has no roles either.
    permission = Permission.objects.filter(content_type__app_label="proposals", codename="view_proposal").first()
    if group is not None and permission is not None:
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=REGIONAL_WORKERS).first()
    permission = Permission.objects.filter(content_type__app_label="proposals", codename="view_proposal").first()
    if group is not None and permission is not None:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0005_sentnotification"),
        ("proposals", "0002_regions_and_erasure"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
