"""Admin menu items that show how much waits in their queue: "Käyttöönotot (2)".

The sidebar shows the label as written, so the count goes into it; a screen
reader hears the item's aria-label instead, which says what the number
counts ("Käyttöönotot: 2 ilmoitusta odottaa vahvistusta"). Wagtail keeps one
instance of each menu item for every request, so the per-request label is
built into the rendered component, never stored on the item.
"""

from wagtail.admin.menu import MenuItem


class CountedMenuItem(MenuItem):
    """A menu item whose label carries `count(request)` when it is above zero."""

    def count(self, request) -> int:
        raise NotImplementedError

    def count_label(self, count: int) -> str:
        """What the number counts, e.g. "2 ilmoitusta odottaa vahvistusta"."""
        raise NotImplementedError

    def render_component(self, request):
        component = super().render_component(request)
        count = self.count(request)
        if count:
            component.label = f"{self.label} ({count})"
            component.attrs = {**self.attrs, "aria-label": f"{self.label}: {self.count_label(count)}"}
        return component
