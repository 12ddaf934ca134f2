from django import template
from django.utils import timezone

from ..rules import risks_in_region

register = template.Library()


@register.simple_tag
def continuity_risks(region):
    """The region's published practices at risk, for `continuity/includes/region_risks.html`."""
    return risks_in_region(region, timezone.localdate())
