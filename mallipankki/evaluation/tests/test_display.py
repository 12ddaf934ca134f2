"""What evaluators and editors read: the practice's own version number, roles and dates in one Finnish form."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse

from mallipankki.evaluation import services
from mallipankki.practices.display import date_range, role_label

pytestmark = pytest.mark.django_db


def test_roles_read_in_finnish_from_a_code_or_a_row():
    assert role_label("developer") == "kehittäjä"
    assert role_label("funder") == "rahoittaja"
    assert role_label("") == ""
    assert role_label("something-new") == "something-new"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2023-01-01", "2025-12-31", "1.1.2023–31.12.2025"),
        (datetime.date(2023, 1, 1), datetime.date(2025, 12, 31), "1.1.2023–31.12.2025"),
        ("2023-01-01", None, "1.1.2023–"),
        (None, "2025-12-31", "–31.12.2025"),
        (None, "", ""),
        ("ei päivä", None, ""),
    ],
)
def test_date_ranges_read_the_finnish_way(start, end, expected):
    assert date_range(start, end) == expected


def test_the_template_filters_give_the_same_text():
    template = Template("{% load practice_display %}{{ role|role_label }} {{ start|date_range:end }}")
    text = template.render(Context({"role": "developer", "start": "2023-01-01", "end": "2025-12-31"}))
    assert text == "kehittäjä 1.1.2023–31.12.2025"


def test_versions_are_numbered_within_the_practice(make_practice, people):
    make_practice()  # another page's revisions must not count
    page = make_practice()
    for _ in range(2):
        page.get_latest_revision_as_object().save_revision(user=people["editor"])
    revisions = list(page.revisions.order_by("created_at", "pk"))

    numbers = services.revision_numbers(page)

    assert [numbers[revision.pk] for revision in revisions] == [1, 2, 3]


def test_the_evaluator_sees_the_practices_own_version(client, practice, people):
    services.set_assignments(practice, [people["evaluator"]], people["editor"])
    client.force_login(people["evaluator"])
    task_revision = practice.current_workflow_task_state.revision
    expected = services.revision_numbers(practice)[task_revision.pk]

    response = client.get(reverse("evaluation_admin:evaluate", args=[practice.pk]))

    text = response.content.decode()
    assert f"versio {expected}, tallennettu" in text
    assert f"versio {task_revision.pk}," not in text or task_revision.pk == expected
    assert expected <= practice.revisions.count() < 10
