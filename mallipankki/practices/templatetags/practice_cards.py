"""{% practice_card practice %}: the card of includes/practice_card.html, rendered
once per process for the same data.

A listing page renders the same cards again and again (a theme page every
practice of its theme), and Django's template engine spends most of such a
page's time on them (bench/README.md, "Rendering and load"). The HTML of a card is a
function of what it shows, which with_card_data() or cards_by_id() has already
loaded: the page's card fields, the names of its target groups, regions and
countries, its adoption count and first material, its address, the language
and the card's options. So the memo key *is* that data: an edit, a publish, a
renamed region or another worker's change gives a new key, and nothing has to
be told to forget anything. Cards that differ per visitor or per query (the
planning results' direct form, search snippets) are rendered every time.

A card shows only what this key holds: a new field on the card belongs in
listing.CARD_FIELDS (which the key reads), or in `_card_key`.
"""

import threading
from collections import OrderedDict

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from ..listing import CARD_FIELDS, CARD_TERMS

register = template.Library()

CARD_TEMPLATE = "includes/practice_card.html"
# About 2 kB a card: some 8 MB a worker when full.
MAX_CARDS = 4000

_cards: OrderedDict = OrderedDict()
_lock = threading.Lock()


def _terms(terms) -> tuple:
    return tuple((term.pk, term.name_fi, term.name_sv, term.name_en) for term in terms or ())


def _card_key(practice, context, url: str) -> tuple | None:
    """What the card shows, as a hashable key; None when it must be rendered each time."""
    if context.get("direct") or getattr(practice, "search_snippet", None):
        return None
    loaded = practice.__dict__
    if "adoption_count" not in loaded or any(attribute not in loaded for attribute, _model, _order in CARD_TERMS):
        return None  # not loaded through with_card_data / cards_by_id: the card reads more itself
    return (
        practice.pk,
        url,
        translation.get_language(),
        context.get("LANGUAGE_CODE"),
        bool(context.get("is_featured")),
        str(context.get("heading_level") or ""),
        loaded.get("adoption_count"),
        loaded.get("first_resource_kind"),
        *(loaded.get(name) for name in CARD_FIELDS if name not in ("locale", "content_type")),
        *(_terms(loaded.get(attribute)) for attribute, _model, _order in CARD_TERMS),
    )


@register.simple_tag(takes_context=True)
def practice_card(context, practice, **options):
    """{% practice_card practice is_featured=True heading_level=2 %}: as
    {% include "includes/practice_card.html" with practice=practice ... %}, memoised."""
    with context.push(practice=practice, **options):
        card_template = context.template.engine.get_template(CARD_TEMPLATE)
        request = context.get("request")
        key = _card_key(practice, context, practice.get_url(request=request) if request is not None else None)
        if key is not None:
            with _lock:
                html = _cards.get(key)
                if html is not None:
                    _cards.move_to_end(key)
                    return html
        html = mark_safe(card_template.render(context))  # noqa: S308 (the template's own escaped output)
        if key is not None:
            with _lock:
                _cards[key] = html
                while len(_cards) > MAX_CARDS:
                    _cards.popitem(last=False)
        return html
