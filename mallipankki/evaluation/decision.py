"""How the editors' publication decision reads in the page editor.

Wagtail appends its own "ja julkaise" to the label of a final task's
"approve" actions, and after any workflow action it says "Sivu … päivitetty".
The decision task's labels already say what happens ("Hyväksy ja julkaise"),
as they must on the dashboard and in the modal, where Wagtail adds nothing;
so in the editor the labels are put back as the task wrote them, and the
message says that the practice was published (or when it will be).
"""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.models import WorkflowState


def restore_task_labels(menu_items, page, user) -> None:
    """Gives the workflow's menu items the labels their task wrote."""
    task = page.current_workflow_task
    if task is None:
        return
    labels = {(name, bool(modal)): label for name, label, modal in task.get_actions(page, user)}
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem):
            item.label = labels.get((item.name, bool(item.launch_modal)), item.label)


def approval_message(page) -> str | None:
    """What to tell the approver once the decision approved `page`, or None if it did not.

    `page` is read afresh: the workflow published a revision, not this instance.
    """
    fresh = type(page).objects.get(pk=page.pk)
    state = fresh.workflow_states.order_by("-created_at", "-pk").first()
    if state is None or state.status != WorkflowState.STATUS_APPROVED:
        return None
    title = fresh.get_admin_display_title()
    scheduled = fresh.revisions.exclude(approved_go_live_at=None).values_list("approved_go_live_at", flat=True).first()
    if scheduled and scheduled > timezone.now():
        # The approver's own language's way of writing a time (Finnish "kello 9.05", English "9:05 a.m.").
        when = formats.date_format(timezone.localtime(scheduled), "DATETIME_FORMAT")
        return _("Malli ”%(title)s” hyväksyttiin. Se julkaistaan %(when)s.") % {"title": title, "when": when}
    return _("Malli ”%(title)s” hyväksyttiin ja julkaistiin.") % {"title": title}


def replace_message(request, old: str, new: str) -> None:
    """Replaces the queued message beginning with `old` by a success message reading `new`.

    Reading the storage marks every message as shown, so the others are
    queued again, in their order.
    """
    storage = messages.get_messages(request)
    earlier = list(storage)
    for message in earlier:
        # Wagtail's admin messages are HTML (escaped text, then buttons).
        text = str(message.message)
        if not (text == old or text.startswith(escape(old))):
            storage.add(message.level, message.message, message.extra_tags)
    messages.success(request, new)
