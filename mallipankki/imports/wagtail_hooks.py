from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ImportView, can_import


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("tuonti/", ImportView.as_view(), name="practices_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Tuo malleja"), reverse("practices_import"), icon_name="upload", order=310)
