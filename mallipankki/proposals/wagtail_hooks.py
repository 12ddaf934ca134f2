from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from mallipankki.core.permissions import VIEW_PROPOSALS_PERMISSION

from . import admin_urls
from .access import can_read_proposals
from .dashboard import new_proposals, new_proposals_panel


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [path("ehdotukset/", include(admin_urls, namespace="proposals_admin"))]


class ProposalMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PROPOSALS_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_proposal_menu_item():
    return ProposalMenuItem(_("Ehdotukset"), reverse("proposals_admin:index"), icon_name="mail", order=240)


@hooks.register("construct_homepage_panels")
def add_new_proposals_panel(request, panels):
    # Ahead of Wagtail's own panels, as the evaluation panels: the day's work.
    # The dashboard orders panels by their `order`.
    if can_read_proposals(request.user):
        panels.insert(0, new_proposals_panel(request.user, new_proposals(request.user)))
