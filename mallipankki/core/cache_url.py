"""CACHES["default"] from CACHE_URL, or a file cache under DATA_DIR when it is empty.

Parsed here rather than by django-environ, whose choice of backend for a
scheme depends on which client packages happen to be installed (its
`memcache://` names a backend Django 5 no longer has). Only Django's built-in
backends are named:

    redis://[:password@]host:6379/0     rediss:// for TLS   -> RedisCache
    pymemcache://host:11211             memcache:// too     -> PyMemcacheCache
    pymemcache:///run/memcached.sock    a Unix socket
    file:///var/cache/mallipankki                           -> FileBasedCache
    locmem://                           one process only    -> LocMemCache

The default, a file cache, is shared by every worker on one host with no
extra server, and unlike the database cache it never waits for SQLite's write
lock, which an import holds for minutes. Other query parameters than
timeout/key_prefix go to OPTIONS (e.g. ?max_entries=20000 for the file cache).
"""

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

REDIS = "django.core.cache.backends.redis.RedisCache"
MEMCACHED = "django.core.cache.backends.memcached.PyMemcacheCache"
FILE = "django.core.cache.backends.filebased.FileBasedCache"
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"

# A page is a few tens of kilobytes: 20,000 entries is a few hundred megabytes
# at most. Past it a third of the entries go at random (CULL_FREQUENCY 3).
FILE_OPTIONS = {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 3}


def _number(value: str):
    try:
        return int(value)
    except ValueError:
        return value


def cache_config(url: str, data_dir: Path) -> dict:
    """The CACHES["default"] entry for `url`; a file cache under data_dir when url is empty."""
    url = url.strip()
    if not url:
        return {"BACKEND": FILE, "LOCATION": str(data_dir / "cache"), "OPTIONS": dict(FILE_OPTIONS)}
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    config: dict = {}
    if scheme in ("redis", "rediss"):
        # RedisCache takes the URL as it is (password, database number, TLS).
        config = {"BACKEND": REDIS, "LOCATION": parts._replace(query="").geturl()}
    elif scheme in ("pymemcache", "memcache", "memcached"):
        if parts.netloc:
            location = ",".join(unquote(host) for host in parts.netloc.split(","))
            config = {"BACKEND": MEMCACHED, "LOCATION": location.split(",") if "," in location else location}
        elif parts.path:
            config = {"BACKEND": MEMCACHED, "LOCATION": f"unix:{parts.path}"}
        else:
            raise ImproperlyConfigured(f"CACHE_URL {url!r} names no Memcached server")
    elif scheme in ("file", "filecache"):
        path = unquote(parts.netloc + parts.path)
        if not path:
            raise ImproperlyConfigured(f"CACHE_URL {url!r} names no directory")
        config = {"BACKEND": FILE, "LOCATION": path, "OPTIONS": dict(FILE_OPTIONS)}
    elif scheme in ("locmem", "locmemcache"):
        config = {"BACKEND": LOCMEM, "LOCATION": parts.netloc or "mallipankki"}
    else:
        raise ImproperlyConfigured(
            f"CACHE_URL {url!r}: unknown scheme {parts.scheme!r}; use redis://, rediss://, pymemcache://, "
            "memcache://, file:// or locmem://"
        )
    for key, value in parse_qsl(parts.query):
        if key.lower() in ("timeout", "key_prefix"):
            config[key.upper()] = _number(value)
        elif config["BACKEND"] in (FILE, LOCMEM):
            config.setdefault("OPTIONS", {})[key.upper()] = _number(value)
        else:
            config.setdefault("OPTIONS", {})[key.lower()] = _number(value)
    return config
