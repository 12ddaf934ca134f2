"""The support request queue in the Wagtail admin, scoped by region.

A regional worker sees and acts on the requests of their own regions only
(`core.permissions.regions_for`); editors and admins on all; anyone else is refused.
A request outside the user's regions is refused with a 403 page that says so
(core.admin_denied).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mallipankki.core.permissions import handles_all_regions, regions_for

from . import services
from .forms import AssignForm, NoteForm, StatusForm
from .models import SupportRequest

QUEUE_DENIED = gettext_lazy("Tukipyyntöjä käsittelevät aluetyöntekijät omien alueidensa osalta ja toimittajat.")
OTHER_REGION = gettext_lazy(
    "Tämä tukipyyntö kuuluu toisen alueen aluetyöntekijöille. Voit käsitellä vain omien alueidesi tukipyyntöjä."
)


class SupportQueueMixin(WagtailAdminTemplateMixin):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not services.can_use_queue(request.user):
            raise PermissionDenied(QUEUE_DENIED)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return services.visible_requests(self.request.user).select_related("region", "practice", "assigned_to")


class SupportRequestListView(SupportQueueMixin, ListView):
    template_name = "regions/admin/list.html"
    page_title = gettext_lazy("Tukipyynnöt")
    paginate_by = 50

    def get_queryset(self):
        queryset = super().get_queryset()
        status = self.request.GET.get("tila")
        if status in SupportRequest.Status.values:
            queryset = queryset.filter(status=status)
        region = self.selected_region()
        if region is not None:
            queryset = queryset.filter(region=region)
        return queryset

    def regions(self):
        if not hasattr(self, "_regions"):
            self._regions = list(regions_for(self.request.user))
        return self._regions

    def selected_region(self):
        slug = self.request.GET.get("alue")
        return next((region for region in self.regions() if region.slug == slug), None)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.selected_region()
        status = self.request.GET.get("tila")
        context.update(
            {
                "statuses": SupportRequest.Status.choices,
                "current_status": status if status in SupportRequest.Status.values else "",
                "regions": self.regions(),
                "current_region": region.slug if region else "",
                "all_regions": handles_all_regions(self.request.user),
            }
        )
        return context


class SupportRequestDetailView(SupportQueueMixin, TemplateView):
    template_name = "regions/admin/detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.forms = {}

    def get_object(self):
        if not hasattr(self, "object"):
            self.object = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
            if self.object is None:
                # Another region's request: say so (403); no such request: 404.
                if SupportRequest.objects.filter(pk=self.kwargs["pk"]).exists():
                    raise PermissionDenied(OTHER_REGION)
                raise Http404
        return self.object

    def get_page_title(self):
        return _("Tukipyyntö %(reference)s") % {"reference": self.get_object().reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("regions_admin:index"), "label": _("Tukipyynnöt")},
            {"url": "", "label": self.get_object().reference},
        ]

    def assignable(self):
        return services.assignable_users(self.get_object().region)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        support_request = self.get_object()
        context.update(
            {
                "support_request": support_request,
                "history": support_request.notes.select_related("author"),
                "status_form": self.forms.get("status") or StatusForm(initial={"status": support_request.status}),
                "assign_form": self.forms.get("assign")
                or AssignForm(initial={"assigned_to": support_request.assigned_to_id}, assignable=self.assignable()),
                "note_form": self.forms.get("note") or NoteForm(),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        support_request = self.get_object()
        user = request.user
        action = request.POST.get("action")
        if action == "status":
            form = StatusForm(request.POST)
            if form.is_valid():
                if services.change_status(support_request, form.cleaned_data["status"], user):
                    if support_request.email:
                        messages.success(request, _("Tila muutettu. Pyytäjälle lähti sähköposti."))
                    else:
                        messages.success(
                            request, _("Tila muutettu. Pyytäjän yhteystiedot on poistettu, joten viestiä ei lähetetty.")
                        )
                return redirect("regions_admin:detail", support_request.pk)
            self.forms["status"] = form
        elif action == "assign":
            form = AssignForm(request.POST, assignable=self.assignable())
            if form.is_valid():
                if services.assign(support_request, form.cleaned_data["assigned_to"], user):
                    messages.success(request, _("Vastuuhenkilö tallennettu."))
                return redirect("regions_admin:detail", support_request.pk)
            self.forms["assign"] = form
        elif action == "note":
            form = NoteForm(request.POST)
            if form.is_valid():
                services.add_note(support_request, form.cleaned_data["text"], user)
                messages.success(request, _("Muistiinpano lisätty."))
                return redirect("regions_admin:detail", support_request.pk)
            self.forms["note"] = form
        else:
            return redirect("regions_admin:detail", support_request.pk)
        messages.error(request, _("Tarkista lomakkeen tiedot."))
        return self.render_to_response(self.get_context_data())
