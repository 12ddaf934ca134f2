from django import template

from .. import sections

register = template.Library()


@register.simple_tag
def theme_sections() -> list[dict]:
    """`{% theme_sections as theme_sections %}`: the theme pages with their
    counts of published practices (see pages/sections.py)."""
    return sections.theme_sections()
