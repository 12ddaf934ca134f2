from django.apps import apps
from wagtail.models import Page

from mallipankki.pages.apps import name_root_page


def test_migrate_gives_the_root_page_a_finnish_title(db):
    root = Page.get_first_root_node()
    assert root.title == "Sivupuun juuri"
    assert root.draft_title == "Sivupuun juuri"


def test_a_root_title_chosen_by_an_admin_is_kept(db):
    Page.objects.filter(depth=1).update(title="Kaikki sivustot", draft_title="Kaikki sivustot")
    name_root_page(sender=apps.get_app_config("pages"), apps=apps, using="default")
    assert Page.get_first_root_node().title == "Kaikki sivustot"


def test_wagtails_english_root_title_is_renamed(db):
    Page.objects.filter(depth=1).update(title="Root", draft_title="Root")
    name_root_page(sender=apps.get_app_config("pages"), apps=apps, using="default")
    assert Page.get_first_root_node().title == "Sivupuun juuri"
