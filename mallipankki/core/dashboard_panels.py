"""A short list on the admin dashboard, for every app that adds one: a count, the first rows, a link to the queue.

Each app builds its panels from its own queries and adds them with Wagtail's
construct_homepage_panels hook (evaluation.dashboard_panels, proposals,
adoptions, regions and continuity `dashboard.py`), so the dashboard names no
app and no app names another's queue. The class is here, in the lowest
layer, because apps that may not import each other all use it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component


class DashboardListPanel(Component):
    """A short list on the admin dashboard: a count, the first rows, an empty-state text.

    `items` is a queryset (counted and sliced in SQL) or a list. `row` makes
    a dict from an item: "title", "url", "date" and optional "detail",
    "note" and "links" (a list of (label, url)). With `queue_label` the
    panel always links to `all_url` (a queue of its own); without it, only
    when there are more rows than it shows.
    """

    template_name = "core/admin/dashboard_list.html"
    LIMIT = 5

    def __init__(
        self,
        name,
        heading,
        items,
        row,
        empty_text,
        column,
        order,
        all_url=None,
        *,
        title_column=None,
        queue_label=None,
    ):
        self.name = name
        self.heading = heading
        self.items = items
        self.row = row
        self.empty_text = empty_text
        self.column = column
        self.order = order
        self.all_url = all_url
        self.title_column = title_column or _("Malli")
        self.queue_label = queue_label

    def get_context_data(self, parent_context):
        is_query = hasattr(self.items, "query")
        items = list(self.items[: self.LIMIT + 1]) if is_query else list(self.items)
        # A short list is its own count: no COUNT query unless there are more rows than shown.
        count = self.items.count() if is_query and len(items) > self.LIMIT else len(items)
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "count": count,
            "rows": [self.row(item) for item in items[: self.LIMIT]],
            "more": count > self.LIMIT,
            "empty_text": self.empty_text,
            "column": self.column,
            "title_column": self.title_column,
            "all_url": self.all_url,
            "queue_label": self.queue_label,
        }
