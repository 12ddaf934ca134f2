from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as wagtail_gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from mallipankki.core.permissions import is_editor, is_evaluator

from . import admin_urls
from .dashboard_panels import dashboard_panels
from .decision import approval_message, replace_message, restore_task_labels
from .models import EvaluationCriterion, ScaleLevel
from .services import SUMMARY_LOG_ACTION


@hooks.register("register_admin_urls")
def register_evaluation_urls():
    return [path("arviointi/", include(admin_urls, namespace="evaluation_admin"))]


class EvaluationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user) or is_evaluator(request.user)


@hooks.register("register_admin_menu_item")
def register_evaluation_menu_item():
    return EvaluationMenuItem(_("Arvioinnit"), reverse("evaluation_admin:index"), icon_name="tasks", order=250)


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    # Ahead of Wagtail's own panels: these are the day's work.
    for index, panel in enumerate(dashboard_panels(request.user, timezone.now())):
        panels.insert(index, panel)


class CriterionViewSet(SnippetViewSet):
    model = EvaluationCriterion
    icon = "list-ol"
    list_display = ["name", "sort_order", "active"]
    ordering = ["sort_order", "pk"]
    search_fields = []
    add_to_admin_menu = False


class ScaleLevelViewSet(SnippetViewSet):
    model = ScaleLevel
    icon = "order"
    list_display = ["scale", "value", "title"]
    list_filter = ["scale"]
    ordering = ["scale", "value"]
    search_fields = []
    add_to_admin_menu = False


class FrameworkGroup(SnippetViewSetGroup):
    menu_label = _("Arviointikehys")
    menu_icon = "clipboard-list"
    menu_order = 320
    items = (CriterionViewSet, ScaleLevelViewSet)


register_snippet(FrameworkGroup)


@hooks.register("register_log_actions")
def register_summary_log_action(actions):
    actions.register_action(
        SUMMARY_LOG_ACTION, _("Arvioinnin yhteenveto muutettu"), _("Julkinen arvioinnin yhteenveto muutettu")
    )


@hooks.register("construct_page_action_menu")
def decision_labels_as_written(menu_items, request, context):
    page = context.get("page")
    if page is not None:
        restore_task_labels(menu_items, page, request.user)


@hooks.register("after_edit_page")
def say_the_decision_published(request, page):
    if not (request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name") == "approve"):
        return None
    message = approval_message(page)
    if message:
        # Wagtail's own message, as its edit view words it.
        updated = wagtail_gettext("Page '%(page_title)s' has been updated.") % {
            "page_title": page.get_admin_display_title()
        }
        replace_message(request, updated, message)
    return None
