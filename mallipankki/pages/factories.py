"""Test factories for the site: a home page as the default site's root (factory_boy, wagtail-factories).

The practice index under the home page comes from
`mallipankki.practices.factories.PracticeIndexPageFactory(parent=home)`.
"""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from mallipankki.vocabularies.factories import theme

from .models import HomePage, ThemePage


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page right under the tree's root node."""

    title = "Mallipankki"
    slug = "testikoti"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class DefaultSiteFactory(factory.django.DjangoModelFactory):
    """The default site, with a new home page as its root.

    The site Wagtail's migration made is updated rather than a second default
    site added (which wagtail_factories.SiteFactory would do).
    """

    hostname = "localhost"
    root_page = factory.SubFactory(HomePageFactory)

    class Meta:
        model = Site

    @classmethod
    def _create(cls, model_class, *args, **fields):
        site, _created = model_class.objects.update_or_create(is_default_site=True, defaults=fields)
        return site


class ThemePageFactory(wagtail_factories.PageFactory):
    """A theme page for the theme coded `slug` (pass `parent`, e.g. the home page)."""

    title = factory.LazyAttribute(lambda page: page.theme.name_fi)
    slug = "yhteistyo"
    theme = factory.LazyAttribute(lambda page: theme(page.slug))

    class Meta:
        model = ThemePage
