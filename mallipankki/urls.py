from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from mallipankki.api import urls as api_urls
from mallipankki.core import views as core_views
from mallipankki.core.sitemap import sitemap
from mallipankki.regions import report_urls as region_scoped_report_urls

handler500 = "mallipankki.core.views.server_error"

# One address per thing, in no language: the admin, files, the API and the
# files crawlers read.
urlpatterns = [
    # Before the admin: Wagtail's page types report, narrowed for regional workers.
    path("admin/reports/", include(region_scoped_report_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("csrf.json", core_views.csrf_token, name="csrf_token"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include(api_urls.urlpatterns)),
]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

# The public site: Finnish at the root, Swedish under /sv/, English under /en/.
# core.middleware.UrlLanguageMiddleware activates the prefix's language before
# these resolve; nothing else (no cookie, no Accept-Language) chooses it.
urlpatterns += i18n_patterns(
    path("", include(api_urls.localized_urlpatterns)),
    path("haku/", include("mallipankki.search.urls")),
    path("", include("mallipankki.proposals.urls")),
    path("", include("mallipankki.evaluation.urls")),
    path("", include("mallipankki.continuity.urls")),
    path("alueet/", include("mallipankki.regions.urls")),
    path("", include("mallipankki.adoptions.urls")),
    path("", include("mallipankki.planning.urls")),
    path("", include("mallipankki.links.urls")),
    # Last: Wagtail serves every other path from the page tree.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
