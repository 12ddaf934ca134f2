import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.generic import DetailView, ListView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mallipankki.core.busy import keep_form_when_busy, storing
from mallipankki.core.public_forms import RateLimited
from mallipankki.core.receipts import recall, remember

from . import emails, services
from .access import deciders_of, may_use_queue, queue_for
from .forms import FINLAND, AdoptionForm, RejectForm
from .models import PendingAdoption

logger = logging.getLogger(__name__)
# The cookie that takes the report to the thanks page (core/receipts.py).
RECEIPT = "kayttoonotto"

QUEUE_DENIED = gettext_lazy(
    "Käyttöönottoilmoituksia käsittelevät aluetyöntekijät omien alueidensa osalta ja toimittajat."
)
OTHER_REGION = gettext_lazy(
    "Tämä käyttöönottoilmoitus kuuluu toisen alueen aluetyöntekijöille. "
    "Voit käsitellä vain omien alueidesi ilmoituksia."
)


def _pending_or_denied(user, pk):
    """The report, if `user` handles its region: 403 when it is another region's, 404 when there is none."""
    pending = queue_for(user).filter(pk=pk).first()
    if pending is None:
        if PendingAdoption.objects.filter(pk=pk).exists():
            raise PermissionDenied(OTHER_REGION)
        raise Http404
    return pending


def _practice_or_404(practice_id: str):
    practice = services.reportable_practice(practice_id)
    if practice is None:
        raise Http404
    return practice


def _render_form(request, practice, form, status=200, busy=False):
    form.set_aria()
    context = {"practice": practice, "form": form, "errors": form.error_links(), "database_busy": busy}
    return render(request, "adoptions/report.html", context, status=status)


def _render_busy(request, practice_id):
    """The form as it was sent, when the database was too busy to store it (core/busy.py)."""
    return _render_form(request, _practice_or_404(practice_id), AdoptionForm(request.POST), busy=True)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@keep_form_when_busy(_render_busy)
def report(request, practice_id):
    practice = _practice_or_404(practice_id)
    if request.method != "POST":
        return _render_form(request, practice, AdoptionForm(initial={"country": FINLAND}))
    if services.rate_limited(request):
        return render(request, "adoptions/rate_limited.html", {"practice": practice}, status=429)
    form = AdoptionForm(request.POST)
    if form.is_spam:
        # Looks like success to the bot; nothing is stored or sent.
        logger.info("Adoption report honeypot filled; discarded")
        return render(request, "adoptions/thanks.html", {"practice": practice})
    if not form.is_valid():
        return _render_form(request, practice, form)
    try:
        with storing(request):
            pending = services.report(practice, form.cleaned_data, request)
    except RateLimited:
        # Another post from the same address got in first (e.g. a double submit).
        return render(request, "adoptions/rate_limited.html", {"practice": practice}, status=429)
    emails.send_receipt(pending)
    emails.notify_handlers(pending)
    response = redirect("adoptions:thanks", practice_id=practice.slug)
    remember(response, RECEIPT, pending.pk)
    return response


@never_cache
@require_GET
def thanks(request, practice_id):
    practice = _practice_or_404(practice_id)
    pending_pk = recall(request, RECEIPT)
    pending = PendingAdoption.objects.filter(pk=pending_pk, practice=practice).select_related("region").first()
    if pending is None:
        return redirect("adoptions:report", practice_id=practice.slug)
    context = {"practice": practice, "pending": pending, "to_workers": bool(deciders_of(pending))}
    return render(request, "adoptions/thanks.html", context)


# --- admin ----------------------------------------------------------------------


class QueueMixin(WagtailAdminTemplateMixin):
    """Regional workers see their regions' reports; editors see every report."""

    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not may_use_queue(request.user):
            raise PermissionDenied(QUEUE_DENIED)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return queue_for(self.request.user)


class QueueView(QueueMixin, ListView):
    template_name = "adoptions/admin/list.html"
    page_title = gettext_lazy("Käyttöönotot")
    paginate_by = 50

    def get_queryset(self):
        status = self.request.GET.get("tila", PendingAdoption.Status.PENDING)
        queryset = super().get_queryset()
        if status in PendingAdoption.Status.values:
            queryset = queryset.filter(status=status)
        # The oldest waiting report first; decided ones newest first.
        return queryset.order_by("created_at" if status == PendingAdoption.Status.PENDING else "-created_at")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = PendingAdoption.Status.choices
        current = self.request.GET.get("tila", PendingAdoption.Status.PENDING)
        context["current_status"] = current if current in PendingAdoption.Status.values else ""
        return context


class ReportView(QueueMixin, DetailView):
    template_name = "adoptions/admin/detail.html"
    context_object_name = "pending"

    def get_object(self, queryset=None):
        return _pending_or_denied(self.request.user, self.kwargs["pk"])

    def get_page_title(self):
        return _("Käyttöönotto: %(organisation)s") % {"organisation": self.object.organisation}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("adoptions_admin:index"), "label": _("Käyttöönotot")},
            {"url": "", "label": self.object.organisation},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("reject_form", RejectForm())
        context["practice_live"] = self.object.practice.live
        return context


def _decide(request, pk, action):
    pending = _pending_or_denied(request.user, pk)
    try:
        action(pending)
    except services.DecisionError as error:
        messages.error(request, str(error))
    return redirect("adoptions_admin:detail", pk=pending.pk)


@require_POST
def confirm(request, pk):
    if not may_use_queue(request.user):
        raise PermissionDenied(QUEUE_DENIED)

    def act(pending):
        services.confirm(pending.pk, request.user)
        messages.success(request, _("Käyttöönotto vahvistettu ja julkaistu mallin sivulla."))

    return _decide(request, pk, act)


@require_POST
def reject(request, pk):
    if not may_use_queue(request.user):
        raise PermissionDenied(QUEUE_DENIED)
    pending = _pending_or_denied(request.user, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        view = ReportView()
        view.setup(request, pk=pk)
        view.object = pending
        context = view.get_context_data(object=pending, reject_form=form)
        return render(request, view.template_name, context, status=400)

    def act(pending):
        services.reject(pending.pk, request.user, form.cleaned_data["reason"])
        if pending.contact_email:
            messages.success(request, _("Ilmoitus hylätty. Ilmoittajalle lähetettiin perustelu."))
        else:
            messages.success(
                request, _("Ilmoitus hylätty. Ilmoittajan yhteystiedot on poistettu, joten viestiä ei lähetetty.")
            )

    return _decide(request, pk, act)
