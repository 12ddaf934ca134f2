"""Shared fixtures: a minimal site tree and a practice factory (see the apps' factories.py)."""

import pytest

from mallipankki.practices.factories import PracticeFactory, PracticeIndexPageFactory, PracticeRecordFactory
from mallipankki.practices.interchange import VocabularyIndex


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Passwords hashed in tests (create_user, logins in browser tests) take MD5, not PBKDF2.

    The production hasher is slow on purpose (hundreds of milliseconds each on
    the CI machine); no test is about the hash's strength. override_settings
    also empties Django's cache of the hashers.
    """
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


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
