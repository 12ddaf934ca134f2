"""One facet value's checkbox, written in Python: a catalogue page at 10,000
practices lists some 130 values (every country and region that has results),
and the same markup as a template loop cost a third of the page's rendering
(bench/README.md, "Rendering and load")."""

from django import template
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import npgettext

register = template.Library()


@register.simple_tag
def facet_value(facet, value):
    """The <li> of `value` ({code, label, count, selected}) in `facet` (its `param`)."""
    dom_id = f"facet-{facet['param']}-{slugify(value['code'])}"
    count = value["count"]
    return format_html(
        '<li class="facet__value">'
        '<input type="checkbox" name="{}" value="{}" id="{}"{}>'
        '<label for="{}">{} <span class="facet__count">({}<span class="visually-hidden"> {}</span>)</span></label>'
        "</li>",
        facet["param"],
        value["code"],
        dom_id,
        format_html(" checked") if value["selected"] else "",
        dom_id,
        value["label"],
        count,
        npgettext("rajauksen mallimäärä", "malli", "mallia", count),
    )
