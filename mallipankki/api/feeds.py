"""Atom feeds of new and updated practices: /syotteet/mallit.atom in Finnish,
/sv/syotteet/mallit.atom in Swedish and /en/syotteet/mallit.atom in English."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from mallipankki.core.languages import localized
from mallipankki.practices.interchange import public_url
from mallipankki.practices.listing import published_practices

FEED_SIZE = 50


class PracticeFeed(Feed):
    feed_type = Atom1Feed
    title = _("Mallipankki – uudet ja päivitetyt mallit")
    subtitle = _("Työllisyyden edistämisen hyvät käytänteet ja mallit: viimeksi julkaistut ja päivitetyt.")
    author_name = "Mallipankki"

    # No `language`: Django then gives the active one, which is the URL's
    # (the language prefix), as for the pages.

    def link(self):
        return settings.BASE_URL + reverse("wagtail_serve", args=[""])

    def feed_url(self):
        return settings.BASE_URL + reverse("practice_feed")

    def items(self):
        # The same precedence as PracticePage.updated_at, in the database.
        updated = Coalesce("content_updated_at", "last_published_at", "latest_revision_created_at")
        return list(
            published_practices()
            .annotate(feed_updated=updated)
            .order_by(F("feed_updated").desc(nulls_last=True), "-pk")
            .prefetch_related("themes")[:FEED_SIZE]
        )

    # A text missing in the feed's language comes in Finnish, or in the
    # language it was written in, as on the pages (core.languages).
    def item_title(self, item):
        return localized(item, "name").text or item.title

    def item_description(self, item):
        return localized(item, "summary").text

    def item_link(self, item):
        return public_url(item)

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]
