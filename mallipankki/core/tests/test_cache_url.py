"""CACHE_URL: each scheme gives Django's own backend with the right location."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mallipankki.core.cache_url import FILE, LOCMEM, MEMCACHED, REDIS, cache_config


def test_no_cache_url_is_a_file_cache_under_data_dir():
    config = cache_config("", Path("/srv/data"))
    assert config["BACKEND"] == FILE
    assert config["LOCATION"] == "/srv/data/cache"
    assert config["OPTIONS"]["MAX_ENTRIES"] > 1000


@pytest.mark.parametrize(
    "url, location",
    [
        ("redis://cache.internal:6379/1", "redis://cache.internal:6379/1"),
        ("redis://:s3cret@cache.internal:6379/0", "redis://:s3cret@cache.internal:6379/0"),
        ("rediss://cache.internal:6380/0", "rediss://cache.internal:6380/0"),
    ],
)
def test_redis_urls_go_to_djangos_redis_cache_as_they_are(url, location):
    config = cache_config(url, Path("/srv/data"))
    assert config == {"BACKEND": REDIS, "LOCATION": location}


@pytest.mark.parametrize(
    "url, location",
    [
        ("pymemcache://memcached:11211", "memcached:11211"),
        ("memcache://memcached:11211", "memcached:11211"),
        ("pymemcache://one:11211,two:11211", ["one:11211", "two:11211"]),
        ("pymemcache:///run/memcached/memcached.sock", "unix:/run/memcached/memcached.sock"),
    ],
)
def test_memcached_urls_go_to_pymemcache(url, location):
    config = cache_config(url, Path("/srv/data"))
    assert config == {"BACKEND": MEMCACHED, "LOCATION": location}


def test_file_and_locmem_urls():
    assert cache_config("file:///var/cache/mallipankki", Path("/x"))["LOCATION"] == "/var/cache/mallipankki"
    assert cache_config("file:///var/cache/mallipankki", Path("/x"))["BACKEND"] == FILE
    assert cache_config("locmem://", Path("/x"))["BACKEND"] == LOCMEM


def test_query_parameters_become_timeout_key_prefix_and_options():
    config = cache_config("redis://r:6379/0?timeout=600&key_prefix=mp&socket_timeout=2", Path("/x"))
    assert config["LOCATION"] == "redis://r:6379/0"
    assert config["TIMEOUT"] == 600
    assert config["KEY_PREFIX"] == "mp"
    assert config["OPTIONS"] == {"socket_timeout": 2}
    assert cache_config("file:///c?max_entries=50", Path("/x"))["OPTIONS"]["MAX_ENTRIES"] == 50


@pytest.mark.parametrize("url", ["mysql://db/cache", "pymemcache://", "file://"])
def test_an_unusable_cache_url_stops_startup_with_a_reason(url):
    with pytest.raises(ImproperlyConfigured):
        cache_config(url, Path("/x"))
