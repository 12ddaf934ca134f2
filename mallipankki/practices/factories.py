"""Test factories for the practice catalogue (factory_boy, wagtail-factories).

Practices are made the way an import makes them: an interchange record
(`PracticeRecordFactory`) goes through `interchange.upsert_practice`
(`PracticeFactory`), so revisions, publishing and the search index behave as
in the site. `PracticePageFactory` only adds a page to the tree, without a
revision: much faster, for tests about the tree itself.
"""

import factory
import wagtail_factories

from .interchange import upsert_practice
from .models import Adoption, BuildsOnLink, PracticeIndexPage, PracticePage


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    """The catalogue at /mallit/ (pass `parent`: the home page)."""

    title = "Mallit"
    slug = "mallit"

    class Meta:
        model = PracticeIndexPage


class PracticeRecordFactory(factory.DictFactory):
    """A minimal valid interchange record (a dict); any field can be given, also those not declared here."""

    id = factory.Sequence(lambda number: f"malli-{number}")
    name = factory.Sequence(lambda number: {"fi": f"Testimalli {number}"})
    summary = factory.LazyFunction(lambda: {"fi": "Malli tukee osatyökykyisten työllistymistä työkokeilun avulla."})
    themes = factory.LazyFunction(lambda: ["yhteistyo"])
    status = "published"


class PracticeFactory(factory.Factory):
    """A practice page made from `record` under `parent` (the practice index) by `upsert_practice`.

    E.g. `PracticeFactory(parent=index, record__status="draft")`; `vocabularies`
    (an `interchange.VocabularyIndex`) saves loading the vocabularies for each page.
    """

    record = factory.SubFactory(PracticeRecordFactory)
    vocabularies = None

    class Meta:
        model = PracticePage

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("A practice is made by importing its record: use create(), or PracticeRecordFactory.")

    @classmethod
    def _create(cls, model_class, *, parent, record, vocabularies):
        page, _action = upsert_practice(parent, record, vocabularies=vocabularies)
        return page


class PracticePageFactory(wagtail_factories.PageFactory):
    """A practice page added straight to the tree under `parent`: live, with no revision and no records."""

    title = factory.Sequence(lambda number: f"Sivumalli {number}")

    class Meta:
        model = PracticePage


class BuildsOnLinkFactory(factory.django.DjangoModelFactory):
    """`practice` builds on `target`, written straight to the database (a live page's rows are its published state)."""

    adaptation_note = ""

    class Meta:
        model = BuildsOnLink


class AdoptionFactory(factory.django.DjangoModelFactory):
    """An adoption shown on `practice`'s page (no region or country unless given)."""

    organisation = "Rovaniemen kaupunki"
    year = 2024

    class Meta:
        model = Adoption
