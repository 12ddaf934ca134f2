"""The four roles as Wagtail groups: Toimittajat, Arvioijat, Aluetyöntekijät, Ylläpitäjät.

Names are contracts. Permissions are set here once; admins may adjust them
later in the admin (Ylläpitäjät also receive the permissions of models added
later, see roles.sync_admin_permissions).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Toimittajat"
EVALUATORS = "Arvioijat"
REGIONAL_WORKERS = "Aluetyöntekijät"
ADMINS = "Ylläpitäjät"

MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "evaluation.manage_evaluations",
        "evaluation.view_evaluation",
        "evaluation.view_evaluationcriterion",
        "evaluation.view_scalelevel",
        "proposals.view_proposal",
    ],
    EVALUATORS: ["wagtailadmin.access_admin", "evaluation.add_evaluation"],
    REGIONAL_WORKERS: ["wagtailadmin.access_admin"],
    ADMINS: [],  # every permission, below
}
ROOT_PAGE_PERMISSIONS = {
    EDITORS: ["add", "change", "publish", "lock", "unlock"],
    ADMINS: ["add", "bulk_delete", "change", "lock", "publish", "unlock"],
}
INDEX_PAGE_PERMISSIONS = {REGIONAL_WORKERS: ["add", "change"]}
COLLECTION_PERMISSIONS = {
    EDITORS: ["wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
              "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image"],
    REGIONAL_WORKERS: ["wagtaildocs.add_document", "wagtaildocs.choose_document",
                       "wagtailimages.add_image", "wagtailimages.choose_image"],
    ADMINS: ["wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.delete_document",
             "wagtaildocs.choose_document", "wagtailimages.add_image", "wagtailimages.change_image",
             "wagtailimages.delete_image", "wagtailimages.choose_image"],
}


def ensure_permissions(apps):
    # Permissions are normally created after all migrations (post_migrate);
    # create them now so that they can be assigned on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    PracticeIndexPage = apps.get_model("practices", "PracticeIndexPage")

    def permission(label):
        app_label, codename = label.split(".")
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    def page_permission(kind):
        return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in MODEL_PERMISSIONS}
    for name, labels in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*[permission(label) for label in labels])
    groups[ADMINS].permissions.add(*Permission.objects.all())

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for name, kinds in ROOT_PAGE_PERMISSIONS.items():
            for kind in kinds:
                GroupPagePermission.objects.get_or_create(group=groups[name], page=root, permission=page_permission(kind))
    for index in PracticeIndexPage.objects.all():
        for name, kinds in INDEX_PAGE_PERMISSIONS.items():
            for kind in kinds:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page_id=index.pk, permission=page_permission(kind)
                )
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for name, labels in COLLECTION_PERMISSIONS.items():
            for label in labels:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission(label)
                )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0001_initial"),
        ("proposals", "0001_initial"),
        ("practices", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
