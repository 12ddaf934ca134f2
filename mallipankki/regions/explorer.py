"""Region scoping of page permissions for regional workers.

Aluetyöntekijät get "add" and "change" on the whole practice catalogue from
a group page permission (Wagtail's page permissions follow the tree, not a
field), so the narrowing to their own regions happens here: a regional worker
edits only practices placed in one of their regions and sees only those in
the admin's page explorer. Editors, admins and everyone else are unaffected.
"""

from wagtail.models.pages import PagePermissionTester

from mallipankki.evaluation.roles import REGIONAL_WORKERS

from .scoping import can_handle, handles_all_regions, regions_for


def is_regional_worker(user) -> bool:
    if not (user and user.is_authenticated and user.is_active) or handles_all_regions(user):
        return False
    return user.groups.filter(name=REGIONAL_WORKERS).exists()


class RegionScopedPermissionTester(PagePermissionTester):
    def can_edit(self):
        if is_regional_worker(self.user) and not can_handle(self.user, self.page.regions.all()):
            # A workflow task may still open the editor for them (an evaluator
            # who is also a regional worker, say): that is the task's decision.
            task = self.page.current_workflow_task
            return bool(task and task.user_can_access_editor(self.page, self.user))
        return super().can_edit()


def practices_of_own_regions(pages, user):
    """Narrows an admin page queryset to the practices of `user`'s regions."""
    from mallipankki.practices.models import PracticePage

    own = PracticePage.objects.filter(regions__in=regions_for(user)).values("pk")
    return pages.filter(pk__in=own)
