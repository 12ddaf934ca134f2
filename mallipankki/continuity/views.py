"""The public confirmation page and the admin continuity report."""

from django.core.exceptions import PermissionDenied
from django.db.models import F, Max, OuterRef, Subquery
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mallipankki.core.busy import keep_form_when_busy, storing
from mallipankki.core.permissions import handles_all_regions, has_regions, in_regional_workers_group, regions_for
from mallipankki.practices.models import PracticePage

from . import conf
from .confirmations import AlreadyAnswered, NotAvailable, record_answer
from .forms import ConfirmationForm
from .models import ContinuityConfirmation, ContinuityReminder
from .rules import RULES
from .tokens import InvalidToken, read_token

# --- public: /jatkuvuus/vahvista/<token>/ ----------------------------------------

THANKS_PARAMETER = "kiitos"


def _private(response):
    # The token in the address is the only key to the form: keep it out of
    # search engines and out of Referer headers sent to other sites. Not
    # "no-referrer": the browser would then post the form with "Origin: null",
    # which Django's CSRF check refuses.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def _render(request, template, context, status=200):
    # The practice is passed as `practice`, never `page`: base.html reads
    # `page` as the Wagtail page being shown (title, breadcrumbs).
    context = {"contact_email": conf.contact_email(), **context}
    return _private(render(request, f"continuity/{template}", context, status=status))


def _answered(request, page, confirmation, status=200):
    return _render(
        request,
        "answered.html",
        {
            "practice": page,
            "confirmation": confirmation,
            "just_answered": THANKS_PARAMETER in request.GET and status == 200,
        },
        status=status,
    )


def _render_form(request, page, form, busy=False):
    form.set_aria()
    context = {"practice": page, "form": form, "errors": form.error_links(), "database_busy": busy}
    return _render(request, "confirm.html", context)


def _render_busy(request, token):
    """The form as it was sent, when the database was too busy to store the answer (core/busy.py)."""
    return _render_form(request, read_token(token).reminder.practice, ConfirmationForm(request.POST), busy=True)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@keep_form_when_busy(_render_busy)
def confirm(request, token):
    try:
        result = read_token(token)
    except InvalidToken:
        return _render(request, "link_invalid.html", {}, status=400)
    reminder = result.reminder
    page = reminder.practice
    confirmation = ContinuityConfirmation.objects.filter(reminder=reminder).first()
    if confirmation is not None:
        # Reused: say what was answered; a second answer changes nothing.
        return _answered(request, page, confirmation, status=409 if request.method == "POST" else 200)
    if result.expired:
        return _render(request, "link_expired.html", {"practice": page}, status=410)
    if not page.live:
        return _render(request, "link_invalid.html", {"unpublished": True}, status=404)

    if request.method != "POST":
        form = ConfirmationForm()
    else:
        form = ConfirmationForm(request.POST)
        if form.is_valid():
            try:
                with storing(request):
                    record_answer(reminder, **form.cleaned_data)
            except AlreadyAnswered:
                confirmation = ContinuityConfirmation.objects.get(reminder=reminder)
                return _answered(request, page, confirmation, status=409)
            except NotAvailable:
                return _render(request, "link_invalid.html", {"unpublished": True}, status=404)
            return redirect(reverse("continuity:confirm", args=[token]) + f"?{THANKS_PARAMETER}=1")
    return _render_form(request, page, form)


# --- admin: the continuity report ---------------------------------------------------


def may_view_report(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return handles_all_regions(user) or in_regional_workers_group(user) or has_regions(user)


def practices_for(user):
    """The live practices `user` follows: all for editors, their regions' for regional workers."""
    live = PracticePage.objects.live()
    if handles_all_regions(user):
        return live
    return live.filter(pk__in=PracticePage.objects.filter(regions__in=regions_for(user)).values("pk"))


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "continuity/admin/report.html"
    page_title = gettext_lazy("Jatkuvuusraportti")
    header_icon = "time"
    recent_answers = 20

    def dispatch(self, request, *args, **kwargs):
        if not may_view_report(request.user):
            raise PermissionDenied(
                gettext_lazy("Jatkuvuusraporttia lukevat toimittajat ja aluetyöntekijät omien alueidensa osalta.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        practices = practices_for(user)
        last_reminder = (
            ContinuityReminder.objects.filter(practice=OuterRef("pk"))
            .values("practice")
            .annotate(last=Max("sent_at"))
            .values("last")
        )
        orderings = {
            "funding": ["funding_ends", "title"],
            # Never confirmed first, on every database.
            "unconfirmed": [F("continuity_verified_on").asc(nulls_first=True), "title"],
            "ended": ["title"],
            "materials": ["title"],
        }
        sections = []
        for rule in RULES:
            rows = (
                rule.check(today, practices)
                .annotate(last_reminder=Subquery(last_reminder))
                .prefetch_related("regions")
                .order_by(*orderings[rule.code], "pk")
            )
            rows = list(rows)
            sections.append({"rule": rule, "rows": rows, "count": len(rows), "id": f"jatkuvuus-{rule.code}"})
        answers = (
            ContinuityConfirmation.objects.filter(practice__in=practices.values("pk"))
            .select_related("practice")
            .order_by("-answered_at", "-pk")[: self.recent_answers]
        )
        context.update(
            sections=sections,
            answers=answers,
            today=today,
            all_regions=handles_all_regions(user),
            regions=list(regions_for(user)) if not handles_all_regions(user) else [],
            reminder_interval_days=conf.reminder_interval().days,
        )
        return context
