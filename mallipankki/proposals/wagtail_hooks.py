from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from mallipankki.evaluation.roles import VIEW_PROPOSALS_PERMISSION

from . import admin_urls


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [path("ehdotukset/", include(admin_urls, namespace="proposals_admin"))]


class ProposalMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PROPOSALS_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_proposal_menu_item():
    return ProposalMenuItem(_("Ehdotukset"), reverse("proposals_admin:index"), icon_name="mail", order=240)
