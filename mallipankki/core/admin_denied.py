"""An admin page a user may not open answers 403 with an explanation, inside the admin's look.

Wagtail answers every refusal in its admin (its own permission checks and a
PermissionDenied raised in any admin view) through one function,
`wagtail.admin.auth.permission_denied`, which sends the user to the
dashboard with a one-line flash message: they lose the address they asked
for and never learn why. `install()` (CoreConfig.ready) puts `denied_response`
in its place; Wagtail's checks call it through that module's global name.

What the page says: the reason the view gave (`PermissionDenied("…")`, in
Finnish, e.g. "Tämä tukipyyntö on toisen alueen."), or else what the area
needs by its address (AREA_REASONS, which apps may extend with
`register_area`), then the user's roles and regions and a link to the
dashboard. Requests made by the admin's scripts (XMLHttpRequest) get a plain
PermissionDenied, as Wagtail gives them.
"""

import sys

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .permissions import handles_all_regions, regions_for

# Address prefixes under /admin/ and what an area needs; the longest matching prefix wins.
AREA_REASONS: dict[str, str] = {
    "users/": _("Käyttäjien hallinta kuuluu ylläpitäjille."),
    "groups/": _("Roolien ja ryhmien hallinta kuuluu ylläpitäjille."),
    "sites/": _("Sivuston asetukset kuuluvat ylläpitäjille."),
    "workflows/": _("Työnkulkujen hallinta kuuluu ylläpitäjille."),
    "snippets/": _("Tämän sisällön muokkaaminen kuuluu toimittajille ja ylläpitäjille."),
    "snippets/evaluation/": _("Arviointikehyksen (kriteerit ja asteikot) muokkaaminen kuuluu ylläpitäjille."),
    "snippets/vocabularies/": _("Sanastojen muokkaaminen kuuluu ylläpitäjille."),
    "snippets/regions/": _("Aluetyöntekijöiden tietoja muokkaavat toimittajat ja ylläpitäjät."),
    "pages/": _("Tämä sivu tai toiminto ei kuulu roolillesi tai alueillesi."),
}


def register_area(prefix: str, reason) -> None:
    """An app names what its admin area (an address under /admin/) needs."""
    AREA_REASONS[prefix] = reason


def _area_reason(path: str):
    admin_root = reverse("wagtailadmin_home")
    relative = path[len(admin_root) :] if path.startswith(admin_root) else path
    matches = [prefix for prefix in AREA_REASONS if relative.startswith(prefix)]
    return AREA_REASONS[max(matches, key=len)] if matches else None


def reason_for(request, error: BaseException | None) -> str:
    """The view's own reason, the area's, or a general one."""
    given = str(error.args[0]) if error is not None and error.args and error.args[0] else ""
    return given or _area_reason(request.path) or _("Roolillasi ei ole oikeutta tähän näkymään.")


def roles_of(user) -> str:
    """The user's roles and, for a regional worker, their regions: "Roolisi: Aluetyöntekijät. Alueesi: Lappi."."""
    if user.is_superuser:
        return str(_("Olet pääkäyttäjä."))
    groups = ", ".join(group.name for group in user.groups.order_by("name"))
    if not groups:
        return str(_("Sinulla ei ole vielä yhtään roolia Mallipankissa."))
    text = str(_("Roolisi: %(roles)s.") % {"roles": groups})
    regions = [] if handles_all_regions(user) else [region.name for region in regions_for(user)]
    if regions:
        text += " " + str(_("Alueesi: %(regions)s.") % {"regions": ", ".join(regions)})
    return text


class PermissionDeniedView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/permission_denied.html"
    page_title = _("Ei käyttöoikeutta")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        # The same page whatever was refused: a form's POST too.
        return self.get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = roles_of(self.request.user)
        return context


def denied_response(request):
    """Wagtail's permission_denied, answered with a 403 page that says why."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    # Called inside Wagtail's `except PermissionDenied:` when a view raised one: that is the reason.
    error = sys.exc_info()[1]
    reason = reason_for(request, error if isinstance(error, PermissionDenied) else None)
    view = PermissionDeniedView.as_view(extra_context={"reason": reason, "asked_path": request.get_full_path()})
    response = view(request)
    response.status_code = 403
    return response


def install() -> None:
    from wagtail.admin import auth

    auth.permission_denied = denied_response
