"""Public region pages and the "Pyydä tukea" form."""

import logging

from django.core.paginator import Paginator
from django.http import Http404
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from mallipankki.adoptions.services import adopted_in
from mallipankki.core.busy import keep_form_when_busy, storing
from mallipankki.core.public_forms import RateLimited
from mallipankki.core.receipts import recall, remember
from mallipankki.vocabularies.models import Region

from . import listing, services
from .forms import SupportRequestForm, practice_from_query
from .models import SupportRequest

logger = logging.getLogger(__name__)
# The cookie that takes the reference to the thanks page (core/receipts.py).
RECEIPT = "tukipyynto"

# The two practice lists of a region page, each with a paginated page of its own.
# The texts take the region where Finnish says where ("Lapissa", "Uudellamaalla").
PRACTICE_LISTS = {
    "kehitetyt": {
        "query": listing.developed_in,
        "title": _("%(region)s kehitetyt mallit"),
        "empty": _("%(region)s kehitettyjä malleja ei ole vielä julkaistu."),
    },
    "kaytossa": {
        "query": adopted_in,
        "title": _("%(region)s käyttöön otetut mallit"),
        "empty": _("%(region)s ei ole vielä vahvistettuja käyttöönottoja."),
    },
}


def _list_texts(kind: str, region) -> dict:
    """The list's kind, query and its title and empty text for `region`, e.g. "Lapissa kehitetyt mallit"."""
    where = {"region": region.name_where}
    spec = PRACTICE_LISTS[kind]
    return {"kind": kind, "query": spec["query"], "title": spec["title"] % where, "empty": spec["empty"] % where}


@require_safe
def index(request):
    return render(request, "regions/index.html", {"rows": listing.region_overview()})


def _preview(kind: str, region) -> dict:
    queryset = PRACTICE_LISTS[kind]["query"](region)
    practices = list(queryset[: listing.PREVIEW_SIZE + 1])
    count = len(practices) if len(practices) <= listing.PREVIEW_SIZE else queryset.count()
    return {**_list_texts(kind, region), "practices": practices[: listing.PREVIEW_SIZE], "count": count}


@require_safe
def region(request, slug):
    region = get_object_or_404(Region, slug=slug)
    form = SupportRequestForm(initial={"region": region.code})
    form.set_aria()
    context = {
        "region": region,
        "developed": _preview("kehitetyt", region),
        "adopted": _preview("kaytossa", region),
        "workers": list(listing.public_workers(region)),
        "form": form,
    }
    return render(request, "regions/region.html", context)


@require_safe
def practice_list(request, slug, kind):
    if kind not in PRACTICE_LISTS:
        raise Http404
    region = get_object_or_404(Region, slug=slug)
    paginator = Paginator(PRACTICE_LISTS[kind]["query"](region), listing.PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("sivu"))
    context = {
        "region": region,
        "list": _list_texts(kind, region),
        "page_obj": page_obj,
        "practices": list(page_obj.object_list),
    }
    return render(request, "regions/practice_list.html", context)


def _render_form(request, form, practice=None, status=200, busy=False, confirm=False):
    form.set_aria()
    context = {
        "form": form,
        "errors": form.error_links(),
        "practice": practice,
        "database_busy": busy,
        "confirm": confirm,
    }
    return render(request, "regions/support.html", context, status=status)


def _csrf_passes(request) -> bool:
    """Django's own CSRF check (token and origin), asked by the view instead of the middleware."""
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is None


def _render_busy(request):
    """The form as it was sent, when the database was too busy to store it (core/busy.py)."""
    form = SupportRequestForm(request.POST)
    practice = form.cleaned_data.get("practice") if form.is_valid() else None
    return _render_form(request, form, practice, busy=True)


# The region page's copy of the form has no CSRF token, so that the page is the
# same for every visitor and can be cached (core/page_cache.py). Its post, or
# any post without a valid token, stores nothing: it comes back here as the
# form with what was typed and a token, to be checked and sent again.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@keep_form_when_busy(_render_busy)
def support(request):
    if request.method == "POST" and not _csrf_passes(request):
        form = SupportRequestForm(request.POST)
        valid = form.is_valid()
        return _render_form(request, form, form.cleaned_data.get("practice"), confirm=valid)
    if request.method != "POST":
        practice = practice_from_query(request.GET.get("malli"))
        initial = {}
        region = None
        slug = request.GET.get("alue", "")
        if slug and "\x00" not in slug:  # a NUL byte breaks PostgreSQL parameters
            region = Region.objects.filter(slug=slug[:100]).first()
        if region is None and practice is not None:
            # The practice's first region is the best guess; the person can change it.
            region = practice.regions.first()
        if region is not None:
            initial["region"] = region.code
        if practice is not None:
            initial["practice"] = practice.slug
        return _render_form(request, SupportRequestForm(initial=initial), practice)
    if services.rate_limited(request):
        return render(request, "regions/rate_limited.html", status=429)
    form = SupportRequestForm(request.POST)
    if form.is_spam:
        # Looks like success to the bot; nothing is stored or sent.
        logger.info("Support request honeypot filled; discarded")
        return render(request, "regions/thanks.html", {"support_request": None})
    if not form.is_valid():
        return _render_form(request, form, form.cleaned_data.get("practice"))
    try:
        with storing(request):
            support_request = services.create_support_request(form, request)
    except RateLimited:
        # Another post from the same address got in first (e.g. a double submit).
        return render(request, "regions/rate_limited.html", status=429)
    response = redirect("regions:thanks")
    remember(response, RECEIPT, support_request.reference)
    return response


@never_cache
@require_safe
def thanks(request):
    reference = recall(request, RECEIPT)
    support_request = (
        SupportRequest.objects.filter(reference=reference).select_related("region", "practice").first()
        if reference
        else None
    )
    if support_request is None:
        return redirect("regions:support")
    return render(request, "regions/thanks.html", {"support_request": support_request})
