"""What a regional worker sees of the practice catalogue in the admin: only their own regions' practices.

Their page actions are narrowed by the page permission tester
(mallipankki.core.permissions.RegionScopedPermissionTester, used by
PracticePage.permissions_for_user). The listings are narrowed here, where the
practice model is known:

- `RegionScopedPagePermissionPolicy` replaces Wagtail's page permission
  policy (registered for Page in RegionsConfig.ready()). The explorer, the
  admin page search, the pages-of-a-type listing, the sidebar explorer (admin
  API), the site history and the workflow, locked pages and aging pages
  reports all list what `explorable_instances` or
  `instances_user_has_permission_for` allow;
- the page chooser is not filtered by permissions in Wagtail: the hook
  construct_page_chooser_queryset (wagtail_hooks) hides other regions'
  unpublished practices; published ones stay choosable, as the target of a
  builds-on link, say (they are public);
- the page types report names the last edited page of each type from all
  pages: `PageTypesUsageReportView` counts and names only the pages the
  user may explore; mallipankki.urls routes Wagtail's report URLs to it.
"""

from django.db.models import F
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView as WagtailPageTypesUsageReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from mallipankki.core.permissions import is_regional_worker, regions_for
from mallipankki.practices.models import PracticePage


def practices_outside_own_regions(user):
    """Practices in none of `user`'s regions (every practice for a worker with no regions)."""
    own = PracticePage.objects.filter(regions__in=regions_for(user)).values("pk")
    return PracticePage.objects.exclude(pk__in=own)


def without_other_regions_practices(pages, user):
    """`pages` less the practices outside a regional worker's regions; as they are for anyone else."""
    if not is_regional_worker(user):
        return pages
    return pages.exclude(pk__in=practices_outside_own_regions(user).values("pk"))


def choosable_pages(pages, user):
    """The page chooser's `pages` for `user`: a regional worker does not see other regions' drafts."""
    if not is_regional_worker(user):
        return pages
    return pages.exclude(pk__in=practices_outside_own_regions(user).filter(live=False).values("pk"))


class RegionScopedPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, less the practices outside a regional worker's regions."""

    def instances_user_has_any_permission_for(self, user, actions):
        return without_other_regions_practices(super().instances_user_has_any_permission_for(user, actions), user)

    def explorable_instances(self, user):
        return without_other_regions_practices(super().explorable_instances(user), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if is_regional_worker(user) and practices_outside_own_regions(user).filter(pk=instance.pk).exists():
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


class PageTypesUsageReportView(WagtailPageTypesUsageReportView):
    """Wagtail's page types report; for a regional worker, counts and last edits of the pages they may explore."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        if not is_regional_worker(user):
            return page_types
        pages = self.permission_policy.explorable_instances(user).filter(depth__gt=1)
        chosen = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        if chosen.get("page_locale"):
            pages = pages.filter(locale__language_code=chosen["page_locale"])
        if chosen.get("site"):
            pages = pages.filter(path__startswith=chosen["site"])
        for page_type in page_types:
            own = pages.filter(content_type=page_type)
            page_type.count = own.count()
            page_type.last_edited_page = (
                own.specific().order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk").first()
            )
        return page_types
