from django import template

from .. import display

register = template.Library()


@register.filter
def role_label(role) -> str:
    """{{ organisation.role|role_label }} → "kehittäjä"."""
    return display.role_label(role)


@register.filter
def date_range(start, end) -> str:
    """{{ item.start|date_range:item.end }} → "1.1.2023–31.12.2025"."""
    return display.date_range(start, end)
