"""JSON-LD in pages: `{% practice_json_ld page %}` (schema.org), `{% json_ld data %}`."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from mallipankki.practices.interchange import format_datetime, public_url
from mallipankki.practices.models import LANGS

register = template.Library()

# As django.utils.html.json_script: inside <script> the JSON must not be able
# to close the element or open a comment, whatever an editor typed.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def practice_json_ld_data(page) -> dict:
    languages = [lang for lang in LANGS if getattr(page, f"name_{lang}", "") or getattr(page, f"summary_{lang}", "")]
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": public_url(page),
        "url": public_url(page),
        "name": page.name,
        "description": page.summary,
        "inLanguage": languages or ["fi"],
        "keywords": page.keyword_list,
        "about": [{"@type": "DefinedTerm", "termCode": theme.code, "name": theme.name} for theme in page.themes.all()],
        "audience": [
            {"@type": "Audience", "audienceType": group.name, "identifier": group.code}
            for group in page.target_groups.all()
        ],
        "datePublished": format_datetime(page.first_published_at),
        "dateModified": format_datetime(page.updated_at),
        "publisher": {"@type": "Organization", "name": "Mallipankki", "url": settings.BASE_URL + "/"},
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


@register.simple_tag(takes_context=True)
def practice_json_ld(context, page):
    """A <script type="application/ld+json"> describing the practice for search engines."""
    return json_ld(context, practice_json_ld_data(page))


@register.simple_tag(takes_context=True)
def json_ld(context, data: dict):
    """`data` as a <script type="application/ld+json">.

    No CSP nonce: a data block is never run, so script-src does not apply to
    it, and a nonce would make the page differ for every visitor (the page
    cache, core/page_cache.py)."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    payload = mark_safe(payload.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 (escaped just above)
    return format_html('<script type="application/ld+json">{}</script>', payload)
