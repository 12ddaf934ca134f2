"""Shared fixtures: a minimal site tree and a practice factory (see the apps' factories.py)."""

import pytest

from mallipankki.practices.factories import PracticeFactory, PracticeIndexPageFactory, PracticeRecordFactory
from mallipankki.practices.interchange import VocabularyIndex


@pytest.fixture
def home_page(db):
    from mallipankki.pages.factories import DefaultSiteFactory

    return DefaultSiteFactory().root_page


@pytest.fixture
def practice_index(home_page):
    return PracticeIndexPageFactory(parent=home_page)


@pytest.fixture
def make_practice(practice_index):
    """make_practice(**fields) -> a practice imported from PracticeRecordFactory(**fields)."""
    vocabularies = VocabularyIndex()

    def make(**fields):
        record = PracticeRecordFactory(**fields)
        return PracticeFactory(parent=practice_index, record=record, vocabularies=vocabularies)

    return make
