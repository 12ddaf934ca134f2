"""The four roles of the service as Wagtail groups.

The group names are contracts (documentation, user management and tests
refer to them); their permissions are created by the data migration
0002_roles and can be adjusted by admins afterwards. Code checks
permissions, not group names, wherever a permission expresses the rule:

- `evaluation.manage_evaluations`: assign evaluators, compare evaluations,
  write the public evaluation summary, reject in the evaluation step
  (Toimittajat, Ylläpitäjät);
- `evaluation.add_evaluation`: can be assigned as an evaluator (Arvioijat);
- `proposals.view_proposal`: read submitted proposals with the submitter's
  personal data (Toimittajat, Ylläpitäjät; Aluetyöntekijät since migration
  0006, only those of their own regions: see mallipankki.proposals.access).
"""

EDITORS = "Toimittajat"
EVALUATORS = "Arvioijat"
REGIONAL_WORKERS = "Aluetyöntekijät"
ADMINS = "Ylläpitäjät"
ALL_ROLES = (EDITORS, EVALUATORS, REGIONAL_WORKERS, ADMINS)

MANAGE_PERMISSION = "evaluation.manage_evaluations"
EVALUATE_PERMISSION = "evaluation.add_evaluation"
VIEW_PROPOSALS_PERMISSION = "proposals.view_proposal"

# Page permission types (see wagtail.models.pages.PAGE_PERMISSION_TYPES).
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
REGIONAL_PAGE_PERMISSIONS = ("add", "change")
ADMIN_PAGE_PERMISSIONS = ("add", "bulk_delete", "change", "lock", "publish", "unlock")


def is_editor(user) -> bool:
    return bool(user and user.is_active and user.has_perm(MANAGE_PERMISSION))


def is_evaluator(user) -> bool:
    return bool(user and user.is_active and user.has_perm(EVALUATE_PERMISSION))


def grant_regional_page_permissions(index_page) -> None:
    """Aluetyöntekijät may add and edit drafts in the practice catalogue."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.filter(name=REGIONAL_WORKERS).first()
    if group is None:
        return
    for kind in REGIONAL_PAGE_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=f"{kind}_page").first()
        if permission is not None:
            GroupPagePermission.objects.get_or_create(group=group, page=index_page, permission=permission)


def sync_admin_permissions(**kwargs) -> None:
    """Ylläpitäjät have every model permission, also of models added later.

    Connected to post_migrate; does nothing when the group does not exist
    (e.g. right after a test flush, before the database is restored).
    """
    from django.contrib.auth.models import Group, Permission
    from django.db import DEFAULT_DB_ALIAS

    using = kwargs.get("using", DEFAULT_DB_ALIAS)
    group = Group.objects.using(using).filter(name=ADMINS).first()
    if group is None:
        return
    missing = Permission.objects.using(using).exclude(group=group)
    if missing.exists():
        group.permissions.add(*missing)
