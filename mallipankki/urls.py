from django.conf import settings
from django.urls import include, path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from mallipankki.core import views as core_views
from mallipankki.regions import report_urls as region_scoped_report_urls

handler500 = "mallipankki.core.views.server_error"

urlpatterns = [
    # Before the admin: Wagtail's page types report, narrowed for regional workers.
    path("admin/reports/", include(region_scoped_report_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("mallipankki.api.urls")),
    path("haku/", include("mallipankki.search.urls")),
    path("", include("mallipankki.proposals.urls")),
    path("", include("mallipankki.evaluation.urls")),
    path("", include("mallipankki.continuity.urls")),
    path("alueet/", include("mallipankki.regions.urls")),
    path("", include("mallipankki.adoptions.urls")),
    path("", include("mallipankki.planning.urls")),
    path("", include("mallipankki.links.urls")),
]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]
