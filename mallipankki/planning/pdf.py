"""PDF output with WeasyPrint: the annex and the printable practice card.

WeasyPrint fetches every URL the HTML names (stylesheets, images, fonts),
and the HTML carries what visitors wrote. So it gets a URL fetcher that
serves our own static files from disk and refuses everything else: no
network, no file: URLs, nothing outside the static files.
"""

from __future__ import annotations

import logging
import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

# WeasyPrint reports each rendering step at INFO, and parses its own
# stylesheets on import: that is no news for the site's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

# The address the rendered HTML uses for static files; nothing is served
# there, the fetcher maps it to files.
STATIC_BASE = "https://mallipankki.invalid" + settings.STATIC_URL


class StaticFilesOnly(URLFetcher):
    """Serves ``STATIC_BASE`` + a static file's path, and refuses any other URL."""

    def __init__(self):
        super().__init__(allowed_protocols=("https",), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        path = static_path(url)
        if path is None:
            raise ValueError(f"Refused to fetch {url[:200]!r}: only our own static files")
        found = finders.find(path)
        if not found:
            raise ValueError(f"No static file {path!r}")
        with open(found, "rb") as file:
            body = file.read()
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, headers={"Content-Type": content_type})

    __call__ = fetch


def static_path(url: str) -> str | None:
    """The static file path that ``url`` names, or None for any other URL."""
    if not isinstance(url, str) or not url.startswith(STATIC_BASE):
        return None
    parts = urlsplit(url)
    if parts.query or parts.fragment or parts.username or parts.password:
        return None
    path = unquote(parts.path[len(settings.STATIC_URL) :])
    normalised = posixpath.normpath(path)
    if normalised != path or normalised.startswith(("/", "..")) or "\\" in path or "\x00" in path:
        return None
    return normalised


def render_pdf(template: str, context: dict, lang: str = "fi") -> bytes:
    html = render_to_string(template, {**context, "static_base": STATIC_BASE, "lang": lang})
    document = HTML(string=html, base_url=STATIC_BASE, url_fetcher=StaticFilesOnly())
    # Only the PDF/UA variant writes the structure tree (a tagged PDF) that
    # screen readers need; it also embeds every font.
    return document.write_pdf(pdf_variant="pdf/ua-1")
