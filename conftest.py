"""Shared fixtures: a minimal site tree and a practice factory."""

import itertools

import pytest
from wagtail.models import Page, Site

from mallipankki.practices.interchange import VocabularyIndex, upsert_practice
from mallipankki.practices.models import PracticeIndexPage

_ids = itertools.count(1)


@pytest.fixture
def home_page(db):
    from mallipankki.pages.models import HomePage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Mallipankki", slug="testikoti"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home


@pytest.fixture
def practice_index(home_page):
    return home_page.add_child(instance=PracticeIndexPage(title="Mallit", slug="mallit"))


def practice_record(**overrides) -> dict:
    """A minimal valid interchange record; override any field."""
    number = next(_ids)
    record = {
        "id": f"malli-{number}",
        "name": {"fi": f"Testimalli {number}"},
        "summary": {"fi": "Malli tukee osatyökykyisten työllistymistä työkokeilun avulla."},
        "themes": ["yhteistyo"],
        "status": "published",
    }
    record.update(overrides)
    return record


@pytest.fixture
def make_practice(practice_index):
    vocabularies = VocabularyIndex()

    def make(**overrides):
        page, _ = upsert_practice(practice_index, practice_record(**overrides), vocabularies=vocabularies)
        return page

    return make
