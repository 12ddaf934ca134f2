"""The anonymous page cache: public pages rendered once, served until something changes.

What is served from the cache: a GET or HEAD from a visitor who is not logged
in, for a path outside settings.PAGE_CACHE_EXCLUDED_PREFIXES and without
`?preview`. What is stored: a GET's 200 response that sets no cookie, says
nothing of Cache-Control private/no-store/no-cache (never_cache, `per_visitor`),
varies on nothing but Accept-Encoding (a page that read the session gets
Vary: Cookie from SessionMiddleware, so it is left out even if it forgot to
say so), used no CSP nonce and is not streamed. So a page is per visitor either by saying so or
by touching the session or the CSRF token; public pages do neither.

The key is the scheme, host, path and sorted query string, plus the current
*generation*: one value in the cache that every change to public content
replaces after its transaction commits (`bump_generation`, connected in
`connect_signals`). A change thus reaches every page that shows it at once,
without knowing which pages those are (a practice's card is on the home,
theme, catalogue, region and family pages); entries of older generations
are never read again and age out. The generation is read before the page is
rendered, so a render that races with a change is stored under the old
generation, which the change has already replaced or is about to.

The generation is a fresh random number, not a counter: the file cache's
incr() is a read and a write, so two changes at once could both write n+1 and
a page rendered between them would survive the second. Replacing the value
with one nobody has seen cannot be lost that way.

A failing cache (a full disk, Redis down) never fails a page: it is logged and
the page is rendered as if nothing were cached.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import secrets
import threading
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.module_loading import import_string

from .languages import language_from_header

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# A response varying on these is still the same for every visitor.
HARMLESS_VARY = {"accept-encoding"}
# Headers not kept with a stored page: the hop's own, and those the outer
# middleware (security, CORS) adds on every response anyway.
NOT_STORED = {"set-cookie", "date", "content-length"}


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# --- the generation -------------------------------------------------------------------


def _new_generation() -> str:
    return secrets.token_hex(8)


def current_generation() -> str | None:
    """The generation pages are stored under now; None when the cache cannot be read."""
    try:
        generation = cache().get(GENERATION_KEY)
        if generation is None:
            # First use, a cleared cache or a culled entry: a new generation
            # simply starts with nothing cached.
            generation = _new_generation()
            if not cache().add(GENERATION_KEY, generation, timeout=None):
                generation = cache().get(GENERATION_KEY) or generation
        return generation
    except Exception:
        logger.exception("Page cache: cannot read the generation; serving uncached")
        return None


_deferred = threading.local()


def _replace_generation(paths=()) -> None:
    if getattr(_deferred, "depth", 0):
        _deferred.pending = True
        _deferred.paths = getattr(_deferred, "paths", set()) | set(paths)
        return
    _local["version"] += 1
    try:
        cache().set(GENERATION_KEY, _new_generation(), timeout=None)
    except Exception:
        # Pages stored under the old generation stay until PAGE_CACHE_TIMEOUT.
        logger.exception("Page cache: cannot replace the generation; cached pages may be stale")
    purge_front_cache(paths)


_local = {"version": 0}


def local_version() -> int:
    """Raised at once by every change in this process (core/memo.py's memos)."""
    return _local["version"]


def bump_generation(paths=()) -> None:
    """Public content changed: every cached page is stale once the transaction commits.

    Outside a transaction it happens now; inside one, only if it commits.
    `paths` are the changed pages' own paths, for a front cache (purge_front_cache).
    """
    paths = tuple(paths)
    _local["version"] += 1
    transaction.on_commit(lambda: _replace_generation(paths))


@contextlib.contextmanager
def deferred_bumps():
    """Changes inside replace the generation once, at the end (imports, link checks)."""
    _deferred.depth = getattr(_deferred, "depth", 0) + 1
    try:
        yield
    finally:
        _deferred.depth -= 1
        if not _deferred.depth and getattr(_deferred, "pending", False):
            paths, _deferred.paths, _deferred.pending = getattr(_deferred, "paths", set()), set(), False
            _replace_generation(paths)


# --- signals --------------------------------------------------------------------------


def _on_change(sender, **kwargs):
    bump_generation()


def _on_page_change(sender, instance, **kwargs):
    # The page's path as it is now; a moved page's old path is in kwargs.
    paths = [kwargs.get("url_path_before"), getattr(instance, "url_path", None)]
    bump_generation(_public_paths(path for path in paths if path))


def _public_paths(url_paths) -> list[str]:
    """Wagtail url_paths (/home/mallit/x/) as public paths (/mallit/x/) on the default site."""
    paths = []
    for url_path in url_paths:
        parts = url_path.strip("/").split("/", 1)
        paths.append("/" + (parts[1] + "/" if len(parts) > 1 and parts[1] else ""))
    return paths


def connect_signals() -> list[str]:
    """Connects page and model changes to bump_generation; returns the labels it could not find.

    The models come by label from settings.PAGE_CACHE_INVALIDATED_BY, so core
    names the higher apps' models without importing them. An unknown label is
    skipped; the system check mallipankki.W003 (checks.py) reports it unless its
    app is not installed at all.
    """
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_on_page_change, dispatch_uid="page_cache.published")
    page_unpublished.connect(_on_page_change, dispatch_uid="page_cache.unpublished")
    post_page_move.connect(_on_page_change, dispatch_uid="page_cache.moved")
    # A page's delete sends post_delete for its concrete class and for Page,
    # whose row goes with every subclass.
    post_delete.connect(_on_page_change, sender=Page, dispatch_uid="page_cache.deleted")
    missing = []
    for label in settings.PAGE_CACHE_INVALIDATED_BY:
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            missing.append(label)
            continue
        post_save.connect(_on_change, sender=model, dispatch_uid=f"page_cache.save.{label}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"page_cache.delete.{label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_change, sender=field.remote_field.through, dispatch_uid=f"page_cache.m2m.{label}.{field.name}"
            )
    return missing


# --- a CDN or Varnish in front ----------------------------------------------------------


def front_cache_paths(changed=()) -> list[str]:
    """What a change asks a front cache to drop: the changed pages and every listing that shows them.

    In every language (PAGE_CACHE_LANGUAGE_PREFIXES). The models are looked up
    by label, so core imports none of the apps above it.
    """
    from django.apps import apps

    paths = list(changed) + list(settings.PAGE_CACHE_PURGE_PATHS)
    with contextlib.suppress(LookupError):
        themes = apps.get_model("pages.ThemePage").objects.live().values_list("url_path", flat=True)
        paths += _public_paths(themes)
    with contextlib.suppress(LookupError):
        regions = apps.get_model("vocabularies.Region").objects.values_list("slug", flat=True)
        paths += [f"/alueet/{slug}/" for slug in regions]
    return [f"{prefix}{path}" for prefix in settings.PAGE_CACHE_LANGUAGE_PREFIXES for path in dict.fromkeys(paths)]


def purge_front_cache(changed=()) -> None:
    """Asks the front caches in WAGTAILFRONTENDCACHE (none by default) to drop what a change shows on.

    Whatever else a front cache holds lives at most PAGE_CACHE_S_MAXAGE seconds.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    try:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache([settings.BASE_URL + path for path in front_cache_paths(changed)])
    except Exception:
        logger.exception("Page cache: purging the front cache failed")


# --- the middleware ---------------------------------------------------------------------


def per_visitor(view):
    """Marks a view's responses as per visitor: never stored here nor by a shared cache."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapper


def cache_key(request, generation: str) -> str:
    """Scheme, host, path and the query string with its parameters sorted, in one generation.

    The sort is stable: repeated parameters keep their order (?teema=a&teema=b).
    """
    query = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True), key=lambda kv: kv[0])
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(query)}"
    if _keyed_by_header_language(request):
        # The API answers in the header's language when the URL names none.
        address += "#" + (language_from_header(request.headers.get("Accept-Language", "")) or "")
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page-cache:{generation}:{digest}"


def _keyed_by_header_language(request) -> bool:
    # `lang=` in the URL decides the language by itself (the API's parameter).
    return request.path_info.startswith(tuple(settings.PAGE_CACHE_ACCEPT_LANGUAGE_PREFIXES)) and (
        "lang" not in request.GET
    )


def logged_in(request) -> bool:
    """Whether the request's session belongs to a logged-in user, read without SessionMiddleware.

    Reading request.session would make SessionMiddleware add Vary: Cookie to
    the response; this reads the store directly (no query without a cookie).
    """
    if request.META.get("HTTP_AUTHORIZATION"):
        return True
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")(session_key)
    try:
        return SESSION_KEY in store.load()
    except Exception:
        # Cannot tell: treat as logged in, which only costs a render.
        return True


def cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path_info
    for prefix in settings.PAGE_CACHE_LANGUAGE_PREFIXES:
        if prefix and path.startswith(prefix + "/"):
            path = path.removeprefix(prefix)  # /sv/muistilista/ is the shortlist too
            break
    if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return False
    if "preview" in request.GET:
        return False
    return not logged_in(request)


def storable_response(request, response) -> bool:
    if response.status_code != 200 or response.cookies:
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        # The page has an inline script allowed by this request's nonce:
        # handing the same nonce to everyone would void it.
        return False
    control = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if control & {"private", "no-store", "no-cache"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    harmless = HARMLESS_VARY | ({"accept-language"} if _keyed_by_header_language(request) else set())
    return vary <= harmless


def public_cache_control(response) -> None:
    # max-age=0 and must-revalidate: browsers ask again each time (and get a
    # 304 by ETag); shared caches keep the page for s-maxage seconds.
    response["Cache-Control"] = f"public, max-age=0, must-revalidate, s-maxage={settings.PAGE_CACHE_S_MAXAGE}"


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _not_modified(request, etag: str) -> bool:
    wanted = request.META.get("HTTP_IF_NONE_MATCH", "")
    tags = [tag.strip().removeprefix("W/") for tag in wanted.split(",")]
    return bool(wanted) and (wanted.strip() == "*" or etag in tags)


def _from_entry(request, entry: dict) -> HttpResponse:
    if _not_modified(request, entry["etag"]):
        response = HttpResponseNotModified()
        for name, value in entry["headers"]:
            if name.lower() in ("cache-control", "etag", "vary", "content-security-policy"):
                response[name] = value
        return response
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"]:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and stores anonymous public pages (see the module's docstring).

    Placed before SessionMiddleware: a hit is answered before sessions, CSRF,
    authentication and the view run, and a miss is stored with the headers
    that the middleware inside it added (CSP, Permissions-Policy, frame options).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not cacheable_request(request):
            return self.mark_private(request, self.get_response(request))
        generation = current_generation()
        if generation is None:
            return self.mark_private(request, self.get_response(request))
        key = cache_key(request, generation)
        try:
            entry = cache().get(key)
        except Exception:
            logger.exception("Page cache: cannot read %s", request.path)
            entry = None
        if entry is not None:
            return _from_entry(request, entry)
        response = self.get_response(request)
        if request.method != "GET" or not storable_response(request, response):
            return self.mark_private(request, response)
        public_cache_control(response)
        headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
        response["X-Page-Cache"] = "miss"
        if response.streaming:
            # An export: stored as it is sent, if it is not too big and was sent whole.
            response.streaming_content = self._store_while_sending(request, key, response.streaming_content, headers)
            return response
        content = response.content
        response["ETag"] = _etag(content)
        entry = {"content": content, "etag": response["ETag"], "headers": [*headers, ("ETag", response["ETag"])]}
        self._store(request, key, entry)
        if _not_modified(request, entry["etag"]):
            return _from_entry(request, entry)
        return response

    @staticmethod
    def _store(request, key, entry) -> None:
        try:
            cache().set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
        except Exception:
            logger.exception("Page cache: cannot store %s", request.path)

    def _store_while_sending(self, request, key, content, headers):
        chunks, size = [], 0
        for chunk in content:
            if chunks is not None:
                size += len(chunk)
                if size > settings.PAGE_CACHE_MAX_BYTES:
                    chunks = None
                else:
                    chunks.append(bytes(chunk))
            yield chunk
        if chunks is not None:
            content = b"".join(chunks)
            etag = _etag(content)
            self._store(request, key, {"content": content, "etag": etag, "headers": [*headers, ("ETag", etag)]})

    @staticmethod
    def mark_private(request, response):
        """A logged-in user's or a per-visitor response says so to shared caches."""
        if settings.PAGE_CACHE and "Cache-Control" not in response and request.method in ("GET", "HEAD"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
