import copy

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

# Wagtail's own Help menu is "Tuki" in Finnish, next to our support request
# queue "Tukipyynnöt". It holds Wagtail's (English) editor guide, its release
# notes and the keyboard shortcuts: name it for what it is.
WAGTAIL_HELP_MENU = "help"
WAGTAIL_HELP_LABEL = _("Wagtailin ohjeet")


@hooks.register("construct_main_menu")
def rename_wagtails_help_menu(request, menu_items):
    for index, item in enumerate(menu_items):
        if item.name == WAGTAIL_HELP_MENU:
            # A copy: Wagtail keeps one instance of each menu item for every request.
            renamed = copy.copy(item)
            renamed.label = WAGTAIL_HELP_LABEL
            menu_items[index] = renamed
