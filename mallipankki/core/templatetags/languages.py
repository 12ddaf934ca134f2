"""Template tags for a site in three languages.

{% load languages %}
{% localized page "intro" as intro %}
<p>{{ intro|in_language }}</p>              inline text; a fallback becomes
                                            <span lang="en">…</span> <span class="lang-note">(englanniksi)</span>
<div class="prose"{% lang_attr intro %}>{{ intro.text|richtext }}</div>{% lang_note intro %}
                                            block content: lang on the wrapper, the label after it
{% language_links as languages %}           the language switch and hreflang alternates
"""

from django import template
from django.urls import get_script_prefix
from django.utils.html import conditional_escape, format_html
from django.utils.text import Truncator

from mallipankki.core.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    NATIVE_NAMES,
    LocalizedText,
    active_language,
    path_in_language,
)
from mallipankki.core.languages import (
    localized as localized_text,
)

register = template.Library()


@register.simple_tag(name="localized")
def localized_tag(obj, field, language=None):
    return localized_text(obj, field, language)


@register.filter
def localize(obj, field):
    """`{{ page|localize:"title" }}`: the LocalizedText of a field, for use with in_language."""
    return localized_text(obj, field)


def _note(value: LocalizedText):
    return format_html(' <span class="lang-note">{}</span>', value.label)


@register.filter(is_safe=True)
def in_language(value, words=None):
    """Inline text, marked with its language and labelled when it is not the page's.

    `{{ text|in_language:40 }}` shortens it to 40 words, as truncatewords does.
    """
    if not isinstance(value, LocalizedText):
        return conditional_escape(value)
    text = Truncator(value.text).words(int(words), truncate=" …") if words else value.text
    if not value.is_fallback:
        return conditional_escape(text)
    return format_html('<span lang="{}">{}</span>{}', value.language, text, _note(value))


@register.simple_tag
def lang_attr(value):
    """` lang="en"` inside a start tag when a block's text is not in the page's language."""
    if isinstance(value, LocalizedText) and value.is_fallback:
        return format_html(' lang="{}"', value.language)
    return ""


@register.simple_tag
def lang_note(value):
    """The "(englanniksi)" label after a block shown in another language; empty otherwise."""
    if isinstance(value, LocalizedText) and value.is_fallback:
        return format_html('<p class="lang-note">{}</p>', value.label)
    return ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """This page in each language: code, name in itself, absolute and relative URL, current or not.

    Same path under the other prefix, query string kept, so the switch keeps
    the visitor where they are.
    """
    request = context.get("request")
    if request is None:
        return []
    current = active_language()
    query = request.META.get("QUERY_STRING", "")
    script_prefix = get_script_prefix().rstrip("/")
    links = []
    for language in LANGUAGES:
        href = script_prefix + path_in_language(request.path_info, language) + (f"?{query}" if query else "")
        links.append(
            {
                "code": language,
                "name": NATIVE_NAMES[language],
                "href": href,
                "absolute": request.build_absolute_uri(href),
                "current": language == current,
                "is_default": language == DEFAULT_LANGUAGE,
            }
        )
    return links


@register.simple_tag
def prefixed(path):
    """A Wagtail page's path in the active language: "/tietosuoja/" → "/sv/tietosuoja/" on a Swedish page.

    For pages reached by their slug, which `{% url %}` cannot name.
    """
    return get_script_prefix().rstrip("/") + path_in_language(path, active_language())
