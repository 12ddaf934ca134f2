from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from mallipankki.core.menu import CountedMenuItem

from . import admin_urls
from .access import may_use_queue
from .dashboard import waiting_count, waiting_label, waiting_reports, waiting_reports_panel


@hooks.register("register_admin_urls")
def register_adoption_urls():
    return [path("kayttoonotot/", include(admin_urls, namespace="adoptions_admin"))]


class AdoptionMenuItem(CountedMenuItem):
    def is_shown(self, request):
        return may_use_queue(request.user)

    def count(self, request) -> int:
        return waiting_count(request.user)

    def count_label(self, count: int) -> str:
        return waiting_label(count)


@hooks.register("register_admin_menu_item")
def register_adoption_menu_item():
    return AdoptionMenuItem(_("Käyttöönotot"), reverse("adoptions_admin:index"), icon_name="site", order=245)


@hooks.register("construct_homepage_panels")
def add_waiting_adoptions_panel(request, panels):
    if may_use_queue(request.user):
        panels.append(waiting_reports_panel(request.user, waiting_reports(request.user)))
