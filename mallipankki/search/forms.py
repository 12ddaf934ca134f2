"""The /haku/ query string: what it may hold, cleaned before searching.

Nothing here rejects input: a search page answers every URL, so hostile or
broken values (NUL bytes, huge queries, page numbers that are not numbers)
are cut down or dropped instead of failing validation.
"""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .facets import FACETS
from .service import MAX_PAGE
from .words import MAX_QUERY_CHARS

SORT_PARAMS = {"osuvuus": "relevance", "uusin": "newest"}
SORT_CHOICES = [("osuvuus", _("Osuvimmat ensin")), ("uusin", _("Uusimmat ensin"))]


class QueryField(forms.CharField):
    """Free text: control characters (NUL too) become spaces; cut to length."""

    def to_python(self, value):
        if not isinstance(value, str):
            return ""
        value = "".join(char if char.isprintable() else " " for char in value[:MAX_QUERY_CHARS])
        return " ".join(value.split())


class SearchForm(forms.Form):
    q = QueryField(
        label=_("Hakusana"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "spellcheck": "true", "aria-describedby": "search-help"}
        ),
    )
    jarjestys = forms.ChoiceField(label=_("Järjestys"), choices=SORT_CHOICES, required=False)


EXPAND_PARAM = "laajenna"


def expand_requested(params: QueryDict) -> bool:
    """Whether to widen the query through the thesaurus: on unless asked off.

    The form sends a hidden ``laajenna=ei`` and, when its box is ticked,
    ``laajenna=kylla`` after it: an unticked box is then told apart from an
    address without the parameter (a link, a bookmark), which is on."""
    values = params.getlist(EXPAND_PARAM)
    return "kylla" in values or "ei" not in values


def search_arguments(params: QueryDict) -> dict:
    """Keyword arguments for service.search() from the /haku/ query string."""
    form = SearchForm(params)
    form.is_valid()  # invalid fields are left out of cleaned_data
    cleaned = form.cleaned_data
    try:
        page = min(max(int(params.get("sivu", "1")), 1), MAX_PAGE)
    except (TypeError, ValueError, OverflowError):
        page = 1
    return {
        "query": cleaned.get("q", ""),
        "expand": expand_requested(params),
        "filters": {key: params.getlist(facet.param) for key, facet in FACETS.items()},
        "sort": SORT_PARAMS.get(cleaned.get("jarjestys") or "osuvuus", "relevance"),
        "page": page,
    }
