"""Which translations the editorial pages and the practices are missing, for the admin.

An editorial page has a language when every Finnish text it has (title,
intro, body) is written in that language too; the search texts are optional.
A practice has one when its name and summary are (practices.translations).
Finnish is the pages' own language, so only Swedish and English can be
missing from a page; a practice may lack any of the three.
"""

from django.db.models import Count, Q
from wagtail.models import Page

from mallipankki.practices.models import LANGS, PracticePage
from mallipankki.practices.translations import missing_language_q as practice_missing_q

from .models import TRANSLATION_LANGUAGES, ArticlePage, HomePage, StandardPage, ThemePage

PAGE_MODELS = (HomePage, ThemePage, ArticlePage, StandardPage)
# Besides the title, which every page has.
OPTIONAL_FINNISH_FIELDS = ("intro", "body")


def page_missing_languages(page) -> list[str]:
    """The translation languages `page` lacks: a Finnish text with no version in that language."""
    return [
        lang
        for lang in TRANSLATION_LANGUAGES
        if not getattr(page, f"title_{lang}").strip()
        or any(
            getattr(page, name).strip() and not getattr(page, f"{name}_{lang}").strip()
            for name in OPTIONAL_FINNISH_FIELDS
        )
    ]


def page_missing_q(lang: str) -> Q:
    condition = Q(**{f"title_{lang}": ""})
    for name in OPTIONAL_FINNISH_FIELDS:
        condition |= ~Q(**{name: ""}) & Q(**{f"{name}_{lang}": ""})
    return condition


def pages_missing_q(lang: str) -> Q:
    """Editorial pages (on the Page model, any state) missing `lang`; Finnish is never missing."""
    if lang not in TRANSLATION_LANGUAGES:
        return Q(pk__in=[])
    condition = Q(pk__in=[])
    for model in PAGE_MODELS:
        condition |= Q(pk__in=model.objects.filter(page_missing_q(lang)).values("pk"))
    return condition


def editorial_pages():
    return Page.objects.type(*PAGE_MODELS)


def missing_translation_counts(explorable=None) -> list[dict]:
    """Per language, the published practices and editorial pages missing it, in two queries.

    `explorable` (a Page queryset) limits the counts to what a user may see
    in the admin listings, so a regional worker's counts match their list.
    """
    practices = PracticePage.objects.live()
    pages = editorial_pages().live()
    if explorable is not None:
        practices = practices.filter(pk__in=explorable.values("pk"))
        pages = pages.filter(pk__in=explorable.values("pk"))
    practice_counts = practices.aggregate(**{lang: Count("pk", filter=practice_missing_q(lang)) for lang in LANGS})
    page_counts = pages.aggregate(**{lang: Count("pk", filter=pages_missing_q(lang)) for lang in TRANSLATION_LANGUAGES})
    return [{"lang": lang, "practices": practice_counts[lang], "pages": page_counts.get(lang, 0)} for lang in LANGS]
