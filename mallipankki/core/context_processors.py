from django.conf import settings


def site_navigation(request):
    """Main navigation: the home page's live children that are shown in menus.

    Evaluated lazily by the template, so pages that do not render the menu
    pay nothing. Kept per process until public content changes (core/memo.py):
    the same three to five statements on every page otherwise.
    """
    from wagtail.models import Site

    from .memo import memoized, public

    def menu_pages():
        site = Site.find_for_request(request)
        if site is None:
            return []

        def compute():
            # Specific pages: their titles carry the translations (title_sv, title_en).
            return list(public(site.root_page.get_children().live()).in_menu().order_by("path").specific())

        return memoized(("menu_pages", site.pk), compute)

    return {"menu_pages": menu_pages, "BASE_URL": settings.BASE_URL}
