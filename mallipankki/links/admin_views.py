"""Admin: the "Linkkien kunto" report, and a practice's materials with their copies and permissions."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mallipankki.core.permissions import REGIONAL_WORKERS, handles_all_regions, regions_for
from mallipankki.practices.models import PracticePage
from mallipankki.vocabularies.models import Region, Theme

from .models import ArchivedCopy, CopyPermission, Link
from .report import problems_by_practice

EXPLANATION = _(
    "Arkistoitu kopio näytetään kaikille vain, kun Mallipankilla on oikeus julkaista aineisto uudelleen. "
    "Aineiston tekijänoikeus kuuluu sen tekijälle: merkitse kopio julkiseksi vasta, kun tekijä tai mallin "
    "omistaja on antanut luvan. Mallin vahvistettu omistaja voi antaa luvan myös jatkuvuuden vahvistuksessa. "
    "Ilman lupaa kopiot näkyvät vain ylläpidolle."
)


def may_view_report(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return handles_all_regions(user) or user.groups.filter(name=REGIONAL_WORKERS).exists() or regions_for(user).exists()


def practices_for(user):
    live = PracticePage.objects.live()
    if handles_all_regions(user):
        return live
    return live.filter(pk__in=PracticePage.objects.filter(regions__in=regions_for(user)).values("pk"))


class ReportFilters(forms.Form):
    region = forms.ModelChoiceField(
        Region.objects.all(), label=_("Maakunta"), required=False, to_field_name="code", empty_label=_("Kaikki")
    )
    theme = forms.ModelChoiceField(
        Theme.objects.all(), label=_("Teema"), required=False, to_field_name="code", empty_label=_("Kaikki")
    )


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "links/admin/report.html"
    page_title = _("Linkkien kunto")
    header_icon = "link"

    def dispatch(self, request, *args, **kwargs):
        if not may_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        filters = ReportFilters(self.request.GET or None)
        if not handles_all_regions(user):
            filters.fields["region"].queryset = regions_for(user)
        practices = practices_for(user)
        if filters.is_valid():
            if filters.cleaned_data["region"]:
                practices = practices.filter(regions=filters.cleaned_data["region"])
            if filters.cleaned_data["theme"]:
                practices = practices.filter(themes=filters.cleaned_data["theme"])
        rows = problems_by_practice(practices)
        context.update(
            filters=filters,
            rows=rows,
            broken=sum(row.broken for row in rows),
            failing=sum(row.failing for row in rows),
            practices_count=len(rows),
        )
        return context


class CopyPermissionForm(forms.Form):
    public = forms.BooleanField(label=_("Kopio on julkinen"), required=False)


class MaterialsView(WagtailAdminTemplateMixin, TemplateView):
    """One practice's materials: link status, kept copies, and whether copies are public."""

    template_name = "links/admin/materials.html"
    page_title = _("Materiaalien linkit ja arkistokopiot")
    header_icon = "link"

    def dispatch(self, request, practice_id):
        self.practice = get_object_or_404(PracticePage, pk=practice_id)
        if not self.practice.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, practice_id)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_pages:edit", args=[self.practice.pk]), "label": self.practice.title},
            {"url": "", "label": self.page_title},
        ]

    def materials(self):
        resources = [resource for resource in self.practice.resources.all() if resource.url]
        urls = [resource.url for resource in resources]
        links = {link.url: link for link in Link.objects.filter(url__in=urls)}
        copies: dict[str, list] = {}
        for copy in ArchivedCopy.objects.filter(link__url__in=urls).select_related("link"):
            copies.setdefault(copy.link.url, []).append(copy)
        permissions = {item.url: item for item in CopyPermission.objects.filter(practice=self.practice, url__in=urls)}
        return [
            {
                "resource": resource,
                "link": links.get(resource.url),
                "copies": copies.get(resource.url, []),
                "permission": permissions.get(resource.url),
                "field": f"julkinen-{index}",
            }
            for index, resource in enumerate(resources)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(practice=self.practice, rows=self.materials(), explanation=EXPLANATION)
        return context

    def post(self, request, practice_id):
        now = timezone.now()
        changed = 0
        for row in self.materials():
            public = request.POST.get(row["field"]) == "on"
            current = row["permission"]
            if current is not None and current.public == public:
                continue
            if current is None and not public:
                continue
            CopyPermission.objects.update_or_create(
                practice=self.practice,
                url=row["resource"].url,
                defaults={
                    "public": public,
                    "source": CopyPermission.Source.EDITOR,
                    "decided_at": now,
                    "decided_by": request.user,
                },
            )
            changed += 1
        messages.success(request, _("Julkaisuluvat tallennettu (%(count)s muutosta).") % {"count": changed})
        return redirect("links_materials", practice_id=self.practice.pk)
