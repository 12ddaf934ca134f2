"""Fixtures and helpers for the tests of publishing and the decision step."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

PUBLISHERS = ["editor", "admin", "superuser"]
LIVE_TITLE = "Työvalmentaja yrityksissä"
DRAFT_TITLE = "Työvalmentaja yrityksissä – arvioitava luonnos"


def at_decision(page, editor):
    """Moves `page` past the evaluation step, to the editors' decision."""
    page.current_workflow_task_state.approve(user=editor)
    page.refresh_from_db()
    return page


def live_title(page) -> str:
    return Page.objects.get(pk=page.pk).specific.live_revision.as_object().title


def assert_not_published(page):
    fresh = Page.objects.get(pk=page.pk).specific
    assert fresh.title == LIVE_TITLE
    assert live_title(page) == LIVE_TITLE
    assert fresh.workflow_in_progress, "the evaluation was cancelled"


def edit_form_data(client, page) -> dict:
    """What the page editor's form would post, read from the form as rendered."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file") or name.startswith("action-"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            value = field.text
        elif field.name == "select":
            selected = field.find_all("option", selected=True)
            if field.has_attr("multiple"):
                data[name] = [option.get("value", "") for option in selected]
                continue
            value = selected[0].get("value", "") if selected else ""
        else:
            value = field.get("value", "")
        if name in data:
            data[name] = [*(data[name] if isinstance(data[name], list) else [data[name]]), value]
        else:
            data[name] = value
    return data
