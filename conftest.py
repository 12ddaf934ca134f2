"""Shared fixtures: a minimal site tree and a practice factory (see the apps' factories.py)."""

import pytest
from django.core.cache import cache

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


@pytest.fixture(scope="session")
def _test_cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def page_cache_off(request, settings, _test_cache_dir):
    """Each test starts with an empty file cache of its own run, and the page cache off.

    Off, because a test's database transaction never commits, so the changes
    made inside it never clear the cache (core/page_cache.py); the page cache's
    own tests turn it on with the `page_cache` fixture and commit their changes.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(_test_cache_dir),
        }
    }
    settings.PAGE_CACHE = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache(settings, page_cache_off):
    """The page cache on, empty, for this test."""
    settings.PAGE_CACHE = True
    cache.clear()
    return cache


@pytest.fixture(autouse=True)
def thesaurus_table_forgotten():
    """Each test reads the thesaurus as its own database has it.

    The per-process table of concepts (search/expansion.py) is rebuilt when a
    concept is saved or deleted, but a test's rolled-back edits send no
    signal, and the table checks the database only every 30 seconds.
    """
    from mallipankki.search.expansion import forget_table

    yield
    forget_table()
