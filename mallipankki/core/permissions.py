"""Who may do what: the four roles, region scoping, and the page permission tester built on them.

The roles are Wagtail groups. Their names are contracts (documentation,
user management and tests refer to them); their permissions are created by
the data migration evaluation 0002_roles and can be adjusted by admins
afterwards. Code checks permissions, not group names, wherever a permission
expresses the rule:

- `evaluation.manage_evaluations`: assign evaluators, compare evaluations,
  write the public evaluation summary, reject in the evaluation step
  (Toimittajat, Ylläpitäjät);
- `evaluation.add_evaluation`: can be assigned as an evaluator (Arvioijat);
- `proposals.view_proposal`: read submitted proposals with the submitter's
  personal data (Toimittajat, Ylläpitäjät; Aluetyöntekijät since evaluation
  migration 0006, only those of their own regions: see
  mallipankki.proposals.access).

Region scoping: editors and admins (the `evaluation.manage_evaluations`
permission) act in every region; a regional worker acts only in the regions
of their RegionalWorker record; everyone else in none. A regional worker is
a member of Aluetyöntekijät *with* a RegionalWorker record: the record alone
(given to an evaluator, say) grants nothing, and a member of the group
without a record acts in no region (their page permissions stay narrowed to
nothing rather than opening up).
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property
from wagtail.models.pages import PagePermissionTester

EDITORS = "Toimittajat"
EVALUATORS = "Arvioijat"
REGIONAL_WORKERS = "Aluetyöntekijät"
ADMINS = "Ylläpitäjät"
ALL_ROLES = (EDITORS, EVALUATORS, REGIONAL_WORKERS, ADMINS)

MANAGE_PERMISSION = "evaluation.manage_evaluations"
EVALUATE_PERMISSION = "evaluation.add_evaluation"
VIEW_PROPOSALS_PERMISSION = "proposals.view_proposal"


def is_editor(user) -> bool:
    return bool(user and user.is_active and user.has_perm(MANAGE_PERMISSION))


def is_evaluator(user) -> bool:
    return bool(user and user.is_active and user.has_perm(EVALUATE_PERMISSION))


def users_with_permission(label: str):
    """Active users who have `label` ("app_label.codename") through a group, directly or as superusers."""
    app_label, codename = label.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    condition = Q(is_superuser=True)
    if permission is not None:
        condition |= Q(groups__permissions=permission) | Q(user_permissions=permission)
    return get_user_model().objects.filter(condition, is_active=True).distinct()


# --- region scoping ------------------------------------------------------------


def region_model():
    """vocabularies.Region, looked up when a function runs.

    core is the lowest layer and imports no project app (vocabularies sits
    above it); by the time anyone asks who handles which region, the app
    registry is ready and the model can be fetched by its label.
    """
    return apps.get_model("vocabularies", "Region")


def in_regional_workers_group(user) -> bool:
    # Asked a dozen times in one admin request (menu items, dashboard panels,
    # the page permission tester): looked up once per user object, the way
    # Django keeps a user's permissions (request.user lives for one request).
    cached = getattr(user, "_in_regional_workers_group", None)
    if cached is None:
        cached = user.groups.filter(name=REGIONAL_WORKERS).exists()
        user._in_regional_workers_group = cached
    return cached


def regions_for(user) -> QuerySet:
    """The regions whose practices, proposals and requests `user` handles.

    All for editors and admins; for members of Aluetyöntekijät the regions of
    their RegionalWorker record; none for anyone else, record or not.
    """
    Region = region_model()
    if not (user and user.is_authenticated and user.is_active):
        return Region.objects.none()
    if user.is_superuser or is_editor(user):
        return Region.objects.all()
    if not in_regional_workers_group(user):
        return Region.objects.none()
    return Region.objects.filter(regional_workers__user=user)


def has_regions(user) -> bool:
    """Whether `user` handles any region (`regions_for` is not empty); asked once per user object.

    Every admin page asks it for each regional queue's menu item and panel.
    """
    cached = getattr(user, "_has_regions", None)
    if cached is None:
        cached = regions_for(user).exists()
        if user is not None:
            user._has_regions = cached
    return cached


def handles_all_regions(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or is_editor(user)))


def can_handle(user, regions) -> bool:
    """True when `user` may act on something placed in any of `regions`.

    Something with no region at all (a practice from abroad, say) is for
    editors only.
    """
    if handles_all_regions(user):
        return True
    codes = {region.code for region in regions}
    return bool(codes) and regions_for(user).filter(code__in=codes).exists()


def is_regional_worker(user) -> bool:
    """A member of Aluetyöntekijät who does not also handle every region.

    Their page actions are narrowed to `regions_for(user)`: to none when they
    have no RegionalWorker record or a record with no regions.
    """
    if not (user and user.is_authenticated and user.is_active) or handles_all_regions(user):
        return False
    return in_regional_workers_group(user)


# --- page permissions ------------------------------------------------------------


class RegionScopedPermissionTester(PagePermissionTester):
    """Narrows a regional worker's page actions to the practices of their own regions.

    Aluetyöntekijät get "add" and "change" on the whole practice catalogue
    from a group page permission (Wagtail's page permissions follow the tree,
    not a field), so the narrowing to their own regions happens here: outside
    their regions a regional worker may do nothing to a practice (every method
    of Wagtail's tester that grants an action says no), inside them they keep
    what the group's permissions give. Editors, admins and everyone else are
    unaffected. One rule applies to everyone: only editors and admins delete
    (and so move) a practice that is in its workflow. The page must have a
    `regions` relation (PracticePage).

    The listings (explorer, search, choosers, reports) are narrowed in the
    regions app, which knows the practice model.
    """

    @cached_property
    def outside_own_regions(self) -> bool:
        return is_regional_worker(self.user) and not can_handle(self.user, self.page.regions.all())

    def can_edit(self):
        if self.outside_own_regions:
            # A workflow task may still open the editor for them (an evaluator
            # who is also a regional worker, say): that is the task's decision.
            task = self.page.current_workflow_task
            return bool(task and task.user_can_access_editor(self.page, self.user))
        return super().can_edit()

    def can_delete(self, ignore_bulk=False):
        if self.outside_own_regions:
            return False
        if not handles_all_regions(self.user) and self.page.workflow_in_progress:
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_move_to(self, destination):
        return not self.outside_own_regions and super().can_move_to(destination)

    def can_copy_to(self, destination, recursive=False):
        return not self.outside_own_regions and super().can_copy_to(destination, recursive=recursive)

    def can_copy(self):
        # Wagtail lets whoever may edit copy; a task's access to the editor is not that.
        return not self.outside_own_regions and super().can_copy()

    # Wagtail's other actions, each refused outside their regions.

    def can_add_subpage(self):
        return not self.outside_own_regions and super().can_add_subpage()

    def can_unpublish(self):
        return not self.outside_own_regions and super().can_unpublish()

    def can_publish(self):
        return not self.outside_own_regions and super().can_publish()

    def can_submit_for_moderation(self):
        return not self.outside_own_regions and super().can_submit_for_moderation()

    def can_set_view_restrictions(self):
        return not self.outside_own_regions and super().can_set_view_restrictions()

    def can_unschedule(self):
        return not self.outside_own_regions and super().can_unschedule()

    def can_lock(self):
        return not self.outside_own_regions and super().can_lock()

    def can_unlock(self):
        # Even their own lock: an editor releases it.
        return not self.outside_own_regions and super().can_unlock()

    def can_publish_subpage(self):
        return not self.outside_own_regions and super().can_publish_subpage()

    def can_reorder_children(self):
        return not self.outside_own_regions and super().can_reorder_children()

    def can_move(self):
        return not self.outside_own_regions and super().can_move()

    def can_view_revisions(self):
        return not self.outside_own_regions and super().can_view_revisions()
