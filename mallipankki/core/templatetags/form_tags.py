"""Filters for public_forms/long_choices.html: a long checkbox group (250
countries) rendered in Python. Through the template language, one loop over
the choices for the boxes and one for the chosen names took about 0.1 s a
page; these read the BoundField's subwidgets, built once per field."""

from django import template
from django.utils.html import format_html_join

register = template.Library()


@register.filter
def checkbox_rows(field) -> str:
    """The <li> of each choice of `field` (a BoundField): a box and its label,
    as public_forms/choices.html writes them."""
    return format_html_join(
        "",
        '<li class="checkbox"><input type="checkbox" name="{}" value="{}" id="{}"{}> <label for="{}">{}</label></li>',
        (
            (
                choice.data["name"],
                choice.data["value"],
                choice.id_for_label,
                # A constant: escaping leaves it as it is.
                " checked" if choice.data["selected"] else "",
                choice.id_for_label,
                choice.choice_label,
            )
            for choice in field.subwidgets
        ),
    )


@register.filter
def chosen_labels(field) -> list[str]:
    """The labels of the ticked choices of `field`, in the list's order."""
    return [choice.choice_label for choice in field.subwidgets if choice.data["selected"]]
