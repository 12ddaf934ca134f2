"""The practice catalogue's models, by concept:

- pages.py: the catalogue index page and a page per practice;
- records.py: the rows a practice page owns (organisations, funding,
  materials, adoptions, builds-on links);
- text.py: languages and the helpers for multilingual and one-per-line texts.

Everything is importable from here, as it was from the single models.py:
migrations name `mallipankki.practices.models.validate_http_urls`.
"""

from .pages import PracticeIndexPage, PracticePage
from .records import Adoption, BuildsOnLink, Funding, Organisation, Resource
from .text import LANGS, lines, localized, validate_http_urls

__all__ = [
    "LANGS",
    "Adoption",
    "BuildsOnLink",
    "Funding",
    "Organisation",
    "PracticeIndexPage",
    "PracticePage",
    "Resource",
    "lines",
    "localized",
    "validate_http_urls",
]
