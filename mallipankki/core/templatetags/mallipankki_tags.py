import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# Markdown from editors and imports may carry raw HTML; only this small set of
# tags survives, so a description can never inject scripts, styles or forms.
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "a", "em", "strong", "code", "blockquote", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


@register.filter
def markdown(text: str) -> str:
    if not text:
        return ""
    html = markdown_lib.markdown(text, output_format="html")
    # Headings from Markdown are demoted below the page's own h1/h2 outline.
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised by nh3 just above)


@register.filter
def breadcrumb_ancestors(page) -> list:
    """The page's ancestors below the site root, specific (their titles carry the
    translations), kept per process until content changes (core/memo.py)."""
    from ..memo import memoized

    def compute():
        return [ancestor.specific for ancestor in page.get_ancestors()[1:]]

    if not page.pk:  # a new page's preview
        return compute()
    return memoized(("ancestors", page.path), compute)


@register.simple_tag
def page_numbers(page_obj) -> list[int | None]:
    """The page numbers to link: the first, the last and two on each side of the
    current one; None where a run of numbers is left out."""
    numbers = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    return [number if isinstance(number, int) else None for number in numbers]
