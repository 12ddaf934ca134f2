from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls
from .access import may_use_queue


@hooks.register("register_admin_urls")
def register_adoption_urls():
    return [path("kayttoonotot/", include(admin_urls, namespace="adoptions_admin"))]


class AdoptionMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use_queue(request.user)


@hooks.register("register_admin_menu_item")
def register_adoption_menu_item():
    return AdoptionMenuItem(_("Käyttöönotot"), reverse("adoptions_admin:index"), icon_name="site", order=245)
