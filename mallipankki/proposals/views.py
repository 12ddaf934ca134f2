import logging

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.generic import DetailView, ListView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mallipankki.core.busy import keep_form_when_busy, storing
from mallipankki.core.permissions import is_editor
from mallipankki.core.public_forms import RateLimited
from mallipankki.core.receipts import recall, remember
from mallipankki.core.upload_limits import upload_limit
from mallipankki.evaluation.models import Evaluation, EvaluationAssignment
from mallipankki.vocabularies.models import Country, Region, TargetGroup, Theme

from . import emails, services
from .access import can_read, can_read_proposals, visible_proposals
from .forms import MAX_REQUEST_SIZE, ProposalForm
from .models import Proposal, ProposalAttachment

logger = logging.getLogger(__name__)
# The cookie that takes the reference to the thanks page (core/receipts.py).
RECEIPT = "ehdotus"


def _render_form(request, form, status=200, busy=False):
    form.set_aria()
    context = {
        "form": form,
        "errors": form.error_links(),
        "files_dropped": form.is_bound and bool(request.FILES),
        "database_busy": busy,
    }
    return render(request, "proposals/propose.html", context, status=status)


def _render_busy(request):
    """The form as it was sent, when the database was too busy to store it (core/busy.py).

    Without the files: a browser cannot be given them back (the page says so,
    see files_dropped), and they were checked already."""
    return _render_form(request, ProposalForm(request.POST), busy=True)


@upload_limit(MAX_REQUEST_SIZE)
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@keep_form_when_busy(_render_busy)
def propose(request):
    if request.method != "POST":
        return _render_form(request, ProposalForm(initial={"countries": ["FI"]}))
    if services.rate_limited(request):
        return render(request, "proposals/rate_limited.html", status=429)
    form = ProposalForm(request.POST, request.FILES)
    if form.is_spam:
        # Looks like success to the bot; nothing is stored or sent.
        logger.info("Proposal honeypot filled; discarded")
        return render(request, "proposals/thanks.html", {"reference": None})
    if not form.is_valid():
        return _render_form(request, form)
    try:
        with storing(request):
            proposal = services.create_proposal(form, request)
    except RateLimited:
        # Another post from the same address got in first (e.g. a double submit).
        return render(request, "proposals/rate_limited.html", status=429)
    except services.NoCatalogue:
        logger.error("A proposal arrived but there is no practice index page")
        return render(request, "proposals/unavailable.html", status=503)
    # The proposer reads the confirmation in the language of the form they
    # used; the editors' notice is in Finnish (proposals.emails).
    emails.send_confirmation(proposal)
    emails.notify_editors(proposal)
    response = redirect("proposals:thanks")
    remember(response, RECEIPT, proposal.reference)
    return response


@never_cache
@require_GET
def thanks(request):
    reference = recall(request, RECEIPT)
    if not reference:
        return redirect("proposals:propose")
    proposal = Proposal.objects.filter(reference=reference).first()
    return render(request, "proposals/thanks.html", {"reference": reference, "proposal": proposal})


# --- admin ----------------------------------------------------------------------


class ProposalAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not can_read_proposals(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProposalListView(ProposalAdminMixin, ListView):
    template_name = "proposals/admin/list.html"
    page_title = gettext_lazy("Ehdotukset")
    paginate_by = 50

    def get_queryset(self):
        queryset = visible_proposals(
            self.request.user, Proposal.objects.select_related("practice").prefetch_related("attachments")
        )
        status = self.request.GET.get("tila")
        if status in Proposal.Status.values:
            queryset = queryset.filter(status=status)
        return queryset

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Proposal.Status.choices
        context["current_status"] = self.request.GET.get("tila", "")
        return context


class ProposalDetailView(ProposalAdminMixin, DetailView):
    template_name = "proposals/admin/detail.html"
    context_object_name = "proposal"

    def get_queryset(self):
        # Outside the user's regions a proposal is "not found", not "forbidden":
        # its existence is not revealed either.
        return visible_proposals(
            self.request.user,
            Proposal.objects.select_related("practice", "decided_by").prefetch_related("attachments"),
        )

    def get_page_title(self):
        return _("Ehdotus %(reference)s") % {"reference": self.object.reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("proposals_admin:index"), "label": _("Ehdotukset")},
            {"url": "", "label": self.object.reference},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = self.object.data or {}
        names = {}
        for key, model in (
            ("themes", Theme),
            ("target_groups", TargetGroup),
            ("countries", Country),
            ("regions", Region),
        ):
            terms = {term.code: term.name for term in model.objects.filter(code__in=data.get(key, []))}
            names[key] = [terms.get(code, code) for code in data.get(key, [])]
        context["names"] = names
        context["data"] = data
        return context


def can_download(user, attachment) -> bool:
    """Who may read the proposal; evaluators assigned to the practice or who have evaluated it."""
    if not (user.is_authenticated and user.is_active):
        return False
    if is_editor(user) or can_read(user, attachment.proposal):
        return True
    practice_id = attachment.proposal.practice_id
    if practice_id is None:
        return False
    return (
        EvaluationAssignment.objects.filter(practice_id=practice_id, evaluator=user).exists()
        or Evaluation.objects.filter(practice_id=practice_id, evaluator=user).exists()
    )


@require_GET
def attachment(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    item = get_object_or_404(ProposalAttachment.objects.select_related("proposal"), pk=pk)
    if not can_download(request.user, item):
        raise PermissionDenied
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=item.original_name, content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def attachment_choices(request, pk):
    """Editors choose which attachments are published with the practice (see approval.py)."""
    if not (request.user.is_authenticated and is_editor(request.user)):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal, pk=pk)
    if proposal.status == Proposal.Status.PUBLISHED:
        messages.error(request, _("Malli on jo julkaistu: liitteiden valintoja ei voi enää muuttaa."))
    else:
        chosen = services.set_published_attachments(proposal, request.POST.getlist("publish"))
        messages.success(
            request,
            _("Liitteiden valinnat tallennettu: %(chosen)s/%(total)s julkaistaan mallin mukana.")
            % {"chosen": chosen, "total": proposal.attachments.count()},
        )
    if proposal.practice_id:
        return redirect(reverse("evaluation_admin:practice", args=[proposal.practice_id]))
    return redirect(reverse("proposals_admin:detail", args=[proposal.pk]))
