from django.conf import settings


def site_navigation(request):
    """Main navigation: the home page's live children that are shown in menus.

    Evaluated lazily by the template, so pages that do not render the menu
    pay nothing.
    """
    from wagtail.models import Site

    def menu_pages():
        site = Site.find_for_request(request)
        if site is None:
            return []
        # Specific pages: their titles carry the translations (title_sv, title_en).
        return site.root_page.get_children().live().public().in_menu().order_by("path").specific()

    return {"menu_pages": menu_pages, "BASE_URL": settings.BASE_URL}
