"""The practice page's link notes: "Linkki ei toimi" and the archived copy, from stored results."""

from django import template

from mallipankki.links.health import health_of_practice

register = template.Library()


@register.simple_tag
def link_health(page, resources=None):
    return health_of_practice(page, resources)


@register.inclusion_tag("links/includes/resource_health.html")
def resource_health(health, resource):
    return {"health": health.get(resource.url) if resource.url else None, "resource": resource}
