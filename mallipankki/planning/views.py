"""The planning page, the muistilista and the comparison: thin views over
matcher.py and shortlist.py."""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mallipankki.practices.listing import published_practices

from . import interest, match_index
from .annex import build_annex, model_of
from .annex_docx import render_docx
from .forms import PlanForm
from .matcher import Plan, match_practices
from .results import load_matches
from .shortlist import SESSION_KEY, Shortlist, from_ids, parse_ids, practices_by_id, valid_id

PLAN_KEY = "planning_plan"
RESULTS = 20
MAX_COMPARED = 4
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def current_plan(request) -> dict:
    data = request.session.get(PLAN_KEY)
    return data if isinstance(data, dict) else {}


def plan_of(data: dict) -> Plan:
    return Plan(
        description=data.get("description", "") if isinstance(data.get("description"), str) else "",
        target_groups=tuple(data.get("target_groups") or ()),
        themes=tuple(data.get("themes") or ()),
        regions=tuple(data.get("regions") or ()),
    )


def current_shortlist(request) -> Shortlist:
    return Shortlist.load(request.session.get(SESSION_KEY))


def save_shortlist(request, shortlist: Shortlist) -> None:
    request.session[SESSION_KEY] = shortlist.dump()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def plan(request):
    if request.method == "POST":
        if request.POST.get("action") == "clear":
            request.session.pop(PLAN_KEY, None)
            return HttpResponseRedirect(reverse("planning:plan"), status=303)
        form = PlanForm(request.POST)
        if form.is_valid():
            request.session[PLAN_KEY] = {key: form.cleaned_data[key] for key in form.fields}
            return HttpResponseRedirect(reverse("planning:plan") + "#tulokset", status=303)
        status = 200
    else:
        saved = current_plan(request)
        form = PlanForm(initial=saved)
        status = 200
    form.set_aria()
    saved = current_plan(request)
    views = []
    warming = False
    if saved and request.method != "POST":
        views = load_matches(match_practices(plan_of(saved), limit=RESULTS), (get_language() or "fi")[:2])
        warming = match_index.warming()
    shortlist = current_shortlist(request)
    context = {
        "form": form,
        "errors": form.error_links() if form.is_bound else [],
        "has_plan": bool(saved),
        "results": views,
        "warming": warming,
        "shortlisted": set(shortlist.chosen_ids),
    }
    return render(request, "planning/plan.html", context, status=status)


def _practice_or_none(practice_id):
    if not valid_id(practice_id):
        return None
    return published_practices().filter(slug=practice_id).first()


def _back(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _state(request, shortlist: Shortlist) -> dict:
    return {"count": len(shortlist), "chosen": shortlist.chosen_ids}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def add(request):
    """POST: add a practice. GET (the button on a shared page without
    JavaScript): a page that asks to confirm, with the CSRF-protected form."""
    practice_id = request.POST.get("malli") if request.method == "POST" else request.GET.get("malli")
    practice = _practice_or_none(practice_id)
    if request.method != "POST":
        if practice is None:
            return render(request, "planning/missing.html", status=404)
        shortlist = current_shortlist(request)
        return render(
            request,
            "planning/confirm_add.html",
            {"practice": practice, "already": shortlist.has(practice.slug), "next": _back(request, practice.url)},
        )
    if practice is None:
        if _wants_json(request):
            return JsonResponse({"detail": "Not Found"}, status=404)
        return render(request, "planning/missing.html", status=404)
    shortlist = current_shortlist(request)
    if shortlist.add(practice.slug):
        interest.count([practice.pk], "shortlisted")
    save_shortlist(request, shortlist)
    if _wants_json(request):
        return JsonResponse(_state(request, shortlist))
    return HttpResponseRedirect(_back(request, reverse("planning:shortlist")), status=303)


def _change(request, change):
    shortlist = current_shortlist(request)
    practice_id = request.POST.get("malli", "")
    if valid_id(practice_id):
        change(shortlist, practice_id)
    save_shortlist(request, shortlist)
    if _wants_json(request):
        return JsonResponse(_state(request, shortlist))
    return HttpResponseRedirect(_back(request, reverse("planning:shortlist")), status=303)


@require_POST
def remove(request):
    return _change(request, lambda shortlist, practice_id: shortlist.remove(practice_id))


@require_POST
def note(request):
    return _change(request, lambda shortlist, practice_id: shortlist.set_note(practice_id, request.POST.get("note")))


@require_POST
def consider(request):
    return _change(request, lambda shortlist, practice_id: shortlist.consider(practice_id, request.POST.get("reason")))


@require_POST
def reason(request):
    return _change(
        request, lambda shortlist, practice_id: shortlist.set_reason(practice_id, request.POST.get("reason"))
    )


@require_POST
def choose_again(request):
    return _change(request, lambda shortlist, practice_id: shortlist.choose_again(practice_id))


@require_POST
def adopt_shared(request):
    """Make the list of a shared address (?mallit=) this visitor's own."""
    shared = from_ids(parse_ids(request.POST.get("mallit")))
    shortlist = current_shortlist(request)
    added = [practice_id for practice_id in shared.chosen_ids if shortlist.add(practice_id)]
    if added:
        interest.count(published_practices().filter(slug__in=added).values_list("pk", flat=True), "shortlisted")
    save_shortlist(request, shortlist)
    return HttpResponseRedirect(reverse("planning:shortlist"), status=303)


@never_cache
@require_GET
def shortlist_page(request):
    shared_ids = parse_ids(request.GET.get("mallit")) if "mallit" in request.GET else None
    if shared_ids is not None:
        shortlist = from_ids(shared_ids)
    else:
        shortlist = current_shortlist(request)
    practices = practices_by_id(shortlist.ids)
    chosen = [(item, practices[item["id"]]) for item in shortlist.chosen if item["id"] in practices]
    considered = [(item, practices[item["id"]]) for item in shortlist.considered if item["id"] in practices]
    ids = ",".join(item["id"] for item, _page in chosen)
    context = {
        "shared": shared_ids is not None,
        "chosen": chosen,
        "considered": considered,
        "ids": ids,
        "compare_ids": ",".join(item["id"] for item, _page in chosen[:4]),
        "share_url": request.build_absolute_uri(reverse("planning:shortlist") + "?mallit=" + ids) if ids else "",
        "has_plan": bool(current_plan(request).get("description")),
    }
    return render(request, "planning/shortlist.html", context)


@never_cache
@require_GET
def state(request):
    """The visitor's list for the header count and the buttons, drawn by
    JavaScript so that shared pages stay the same for everyone; and the
    CSRF token that the script posts with."""
    response = JsonResponse({**_state(request, current_shortlist(request)), "csrf": get_token(request)})
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def compare(request):
    """Two to four practices side by side. Stateless: the address says which."""
    ids = parse_ids(request.GET.get("mallit"))[:MAX_COMPARED]
    practices = practices_by_id(ids)
    pages = [practices[practice_id] for practice_id in ids if practice_id in practices]
    status = 200 if len(pages) >= 2 else 400
    return render(request, "planning/compare.html", {"practices": pages, "too_few": len(pages) < 2}, status=status)


def _annex(request):
    """The annex of the shared list (?mallit=, without notes or description)
    or of the visitor's own list and description."""
    if "mallit" in request.GET:
        return build_annex(from_ids(parse_ids(request.GET.get("mallit"))))
    plan = current_plan(request)
    description = plan.get("description") or ""
    return build_annex(
        current_shortlist(request),
        description if isinstance(description, str) else "",
        duration=plan.get("duration") or "",
        budget=plan.get("budget") or "",
    )


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def annex_pdf(request):
    from .pdf import render_pdf  # WeasyPrint and its libraries load only when a PDF is asked for

    annex = _annex(request)
    content = render_pdf("planning/annex_pdf.html", {"annex": annex})
    interest.count([model.page_id for model in annex.chosen], "annexed")
    return _attachment(content, "application/pdf", "mallipankki-liite.pdf")


@require_GET
def annex_docx(request):
    annex = _annex(request)
    content = render_docx(annex)
    interest.count([model.page_id for model in annex.chosen], "annexed")
    return _attachment(content, DOCX_TYPE, "mallipankki-liite.docx")


@require_GET
def practice_card(request, practice_id):
    """The printable card of one published practice, one or two A4 pages."""
    if not valid_id(practice_id):
        raise Http404
    practices = practices_by_id([practice_id])
    if practice_id not in practices:
        raise Http404
    page = practices[practice_id]
    from .pdf import render_pdf

    content = render_pdf("planning/card_pdf.html", {"model": model_of(page), "practice": page})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{practice_id}.pdf"'
    return response
