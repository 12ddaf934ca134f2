from django import template
from django.db.models import prefetch_related_objects

from ..services import public_contacts

register = template.Library()


@register.simple_tag
def with_public_contacts(adoptions):
    """[(adoption, contact or None)]: a reporter's contact only where they allowed showing it.

    A fixed number of queries however many adoptions: their regions and
    countries in one query each, the contacts in one; none without adoptions.
    """
    adoptions = list(adoptions)
    prefetch_related_objects(adoptions, "region", "country")
    contacts = public_contacts([adoption.pk for adoption in adoptions])
    return [(adoption, contacts.get(adoption.pk)) for adoption in adoptions]
