"""sitemap.xml: Wagtail's one sitemap, each page in all three languages with its alternates.

Google's form for a multilingual site: every language version is its own
<url>, and each lists all versions (x-default: the Finnish one) as
<xhtml:link rel="alternate" hreflang="…">. Django's sitemap template writes
those links from `alternates`.
"""

from urllib.parse import urlsplit, urlunsplit

from django.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from .languages import DEFAULT_LANGUAGE, LANGUAGES, path_in_language


def _in_language(location: str, language: str) -> str:
    parts = urlsplit(location)
    return urlunsplit(parts._replace(path=path_in_language(parts.path, language)))


class LanguageSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = []
        for info in super()._urls(page, protocol, domain):
            versions = {language: _in_language(info["location"], language) for language in LANGUAGES}
            alternates = [{"lang_code": language, "location": url} for language, url in versions.items()]
            alternates.append({"lang_code": "x-default", "location": versions[DEFAULT_LANGUAGE]})
            urls.extend({**info, "location": url, "alternates": alternates} for url in versions.values())
        return urls


def sitemap(request):
    return sitemap_views.sitemap(request, {"wagtail": LanguageSitemap(request)})
