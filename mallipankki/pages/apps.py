from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# Wagtail's first migration names the tree's root page "Root": data, not a
# translatable string, so the admin's breadcrumbs and page chooser showed it
# in English. It gets a Finnish name after every migrate, unless someone has
# named it already.
WAGTAIL_ROOT_TITLE = "Root"
ROOT_TITLE = _("Sivupuun juuri")


def name_root_page(sender, apps, using, **kwargs):
    Page = apps.get_model("wagtailcore", "Page")
    title = str(ROOT_TITLE)
    Page.objects.using(using).filter(depth=1, title=WAGTAIL_ROOT_TITLE).update(title=title, draft_title=title)


class PagesConfig(AppConfig):
    name = "mallipankki.pages"
    label = "pages"
    verbose_name = "Sivut"

    def ready(self):
        post_migrate.connect(name_root_page, sender=self)
