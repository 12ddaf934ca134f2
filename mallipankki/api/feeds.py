"""Atom feed of new and updated practices at /syotteet/mallit.atom."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.feedgenerator import Atom1Feed

from mallipankki.practices.interchange import public_url
from mallipankki.practices.listing import published_practices

FEED_SIZE = 50


class PracticeFeed(Feed):
    feed_type = Atom1Feed
    title = "Mallipankki – uudet ja päivitetyt mallit"
    subtitle = "Työllisyyden edistämisen hyvät käytänteet ja mallit: viimeksi julkaistut ja päivitetyt."
    language = "fi"
    author_name = "Mallipankki"

    def link(self):
        return settings.BASE_URL + "/"

    def feed_url(self):
        return settings.BASE_URL + "/syotteet/mallit.atom"

    def items(self):
        # The same precedence as PracticePage.updated_at, in the database.
        updated = Coalesce("content_updated_at", "last_published_at", "latest_revision_created_at")
        return list(
            published_practices()
            .annotate(feed_updated=updated)
            .order_by(F("feed_updated").desc(nulls_last=True), "-pk")
            .prefetch_related("themes")[:FEED_SIZE]
        )

    # The feed is Finnish whatever language the reader's browser asks for;
    # a text missing in Finnish falls back to English, then Swedish.
    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary_fi or item.summary_en or item.summary_sv

    def item_link(self, item):
        return public_url(item)

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [theme.name_fi for theme in item.themes.all()]
