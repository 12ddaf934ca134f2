"""Settings for Mallipankki, read from the environment in one place.

With nothing set this is a development setup serving localhost on an SQLite
file under DATA_DIR. Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL and BASE_URL; see README.md.
"""

import secrets
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from mallipankki.core.cache_url import cache_config

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "mallipankki"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)
DATA_DIR = Path(env.str("DATA_DIR", default=str(BASE_DIR / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _development_secret_key() -> str:
    # A key generated once per checkout keeps sessions valid across restarts
    # without anyone committing a key or choosing a weak one.
    key_file = DATA_DIR / "secret_key.txt"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="") or _development_secret_key()
else:
    # No fallback: production must never run on a generated or default key.
    # An empty key would start and then fail every request, so refuse it here.
    SECRET_KEY = env.str("SECRET_KEY", default="").strip()
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set or is empty. With DEBUG=false set SECRET_KEY to a long random value, e.g. "
            "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "mallipankki.core",
    "mallipankki.vocabularies",
    "mallipankki.practices",
    "mallipankki.thesaurus",
    "mallipankki.pages",
    "mallipankki.api",
    "mallipankki.search",
    "mallipankki.proposals",
    "mallipankki.evaluation",
    "mallipankki.regions",
    "mallipankki.continuity",
    "mallipankki.adoptions",
    "mallipankki.imports",
    "mallipankki.privacy",
    "mallipankki.planning",
    "mallipankki.links",
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Before sessions: a cached page is answered before anything per visitor runs (core/page_cache.py).
    "mallipankki.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Where LocaleMiddleware would go: the URL prefix chooses the language.
    "mallipankki.core.middleware.UrlLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads the body first: refuses an upload over its view's limit unread.
    "mallipankki.core.upload_limits.UploadLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mallipankki.core.middleware.ContentSecurityPolicyMiddleware",
    "mallipankki.core.middleware.PermissionsPolicyMiddleware",
    # Inside the headers' middleware so that its 503 page gets them too.
    "mallipankki.core.middleware.DatabaseUnavailableMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The request's Wagtail site, kept per process until content changes.
    "mallipankki.core.memo.KnownSiteMiddleware",
]

ROOT_URLCONF = "mallipankki.urls"
WSGI_APPLICATION = "mallipankki.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "mallipankki.core.context_processors.site_navigation",
            ],
        },
    },
]

# An empty DATABASE_URL (e.g. "DATABASE_URL=" in an env file) means the default, as if unset.
_database_url = env.str("DATABASE_URL", default="").strip() or f"sqlite:///{DATA_DIR / 'mallipankki.sqlite3'}"
DATABASES = {"default": env.db_url_config(_database_url)}
# Seconds a write waits for another transaction's lock before giving up: a
# visitor's form then answers 503 with everything they typed kept
# (core/busy.py). Web transactions are short; an import holds the lock for
# its whole run and waits for the web, not the other way round (imports/locking.py).
DATABASE_LOCK_TIMEOUT = env.float("DATABASE_LOCK_TIMEOUT", default=5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. WAL lets readers run while one writes.
    # BEGIN IMMEDIATE takes the write lock when a transaction starts, not at
    # its first write: a transaction that has read and then finds another
    # writer's commit in between would fail at once ("database is locked")
    # instead of waiting. The timeout is how long a writer waits for the lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": DATABASE_LOCK_TIMEOUT,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# Persistent connections on SQLite too: a new one per request cost a page some
# 6 ms of CPU, SQLite reading the schema of every table again at its first
# statement (bench/README.md, "Rendering and load"). Outside a transaction a
# kept connection holds no lock, and WAL readers never block the writer.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A server that accepts the connection and never answers would hold each
    # request for minutes; with this the request gets the 503 page after it
    # (core/unavailable.py). psycopg waits at least 2 s.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
    # A row another transaction holds (an import's, for its whole run) is
    # waited for this long; then the statement fails and a visitor's form
    # answers 503 with what they typed, instead of the request hanging.
    lock_timeout = f"-c lock_timeout={round(DATABASE_LOCK_TIMEOUT * 1000)}"
    options["options"] = f"{options['options']} {lock_timeout}" if options.get("options") else lock_timeout

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache: a file cache under DATA_DIR unless CACHE_URL names Redis or
# Memcached (core/cache_url.py). The anonymous page cache (core/page_cache.py)
# is its main user; PAGE_CACHE=0 turns that off (benchmarks' uncached figures).
CACHES = {"default": cache_config(env.str("CACHE_URL", default=""), DATA_DIR)}
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
PAGE_CACHE_ALIAS = "default"
# How long a shared cache (CDN, Varnish) may keep a page without asking.
PAGE_CACHE_S_MAXAGE = env.int("PAGE_CACHE_S_MAXAGE", default=300)
# How long a page stays in our cache although nothing changed: bounds what
# changes by the clock alone (e.g. "funded until" turning past).
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=3600)
# A larger response (a big export) is sent but not kept.
PAGE_CACHE_MAX_BYTES = env.int("PAGE_CACHE_MAX_BYTES", default=32 * 1024 * 1024)
# Under these the answer's language may come from Accept-Language (the API's
# `lang` fallback), so the cache key holds the header's language too.
PAGE_CACHE_ACCEPT_LANGUAGE_PREFIXES = ["/api/"]
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/django-admin/", "/muistilista/", "/documents/", "/static/", "/media/"]
# Models whose saves and deletes change public pages, besides pages themselves
# (publish, unpublish, move, delete). Labels, resolved when the apps are ready.
PAGE_CACHE_INVALIDATED_BY = [
    "vocabularies.Theme",
    "vocabularies.TargetGroup",
    "vocabularies.Region",
    "vocabularies.Country",
    "evaluation.EvaluationCriterion",
    "evaluation.ScaleLevel",
    "evaluation.PracticeEvaluationSummary",
    "regions.RegionalWorker",
    "adoptions.PendingAdoption",
    "continuity.ContinuityConfirmation",
    "links.Link",
    "links.ArchivedCopy",
    "links.CopyPermission",
    "thesaurus.Concept",
    "wagtailcore.Site",
    # A section made private must leave the cached pages and listings at once.
    "wagtailcore.PageViewRestriction",
]
# A CDN or Varnish in front (README: Caching): on each change these listing
# paths, the theme and region pages and the changed page are purged, under
# each language prefix; everything else it holds expires after s-maxage.
PAGE_CACHE_PURGE_PATHS = ["/", "/mallit/", "/alueet/", "/sitemap.xml", "/syotteet/mallit.atom", "/api/v1/practices"]
PAGE_CACHE_LANGUAGE_PREFIXES = ["", "/sv", "/en"]
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_URL", default=""):
    # Varnish, nginx or any cache that takes an HTTP PURGE of a URL.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_URL"),
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN", default=""),
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The public site is Finnish until its Swedish and English translations exist:
# LocaleMiddleware is left out so that a browser asking for English does not get
# lang="en" on Finnish text. Add it back with the first translation catalogue.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploaded files: size limits are enforced before anything is stored. A request
# with more files than this is cut off at the first file too many (the proposal
# form takes 5); upload views also limit their whole request (core/upload_limits.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 5
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# Documents are checked and rewritten like proposal attachments (core/pdf.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "mallipankki.core.documents.PdfDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

WAGTAIL_SITE_NAME = "Mallipankki"
# Avatars would load from an outside host, which the admin's CSP blocks (broken
# images and console errors on every admin page); Wagtail then draws its own.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# Wagtail runs index and reference updates as tasks; run them in-process so
# content changes show at once without a separate worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="mallipankki@localhost")

# The public forms' per-address rate limit: behind N trusted reverse proxies
# the client address is the N-th entry from the right of X-Forwarded-For; with
# 0, REMOTE_ADDR. Set it in production (1 behind one nginx), or the limit
# counts every visitor as the proxy; and let the app be reached only through
# the proxies (README: Production deployment, core/public_forms.py).
PROPOSAL_TRUSTED_PROXIES = env.int("PROPOSAL_TRUSTED_PROXIES", default=0)
# Proposal attachments: persistent, never served by the web server.
PROPOSAL_FILES_ROOT = env.str("PROPOSAL_FILES_ROOT", default=str(DATA_DIR / "private"))

# Continuity reminders (manage.py send_continuity_reminders): how long an
# emailed confirmation link works, how often a practice may be reminded, and
# the address people are told to write to when a link has expired.
CONTINUITY_LINK_MAX_AGE_DAYS = env.int("CONTINUITY_LINK_MAX_AGE_DAYS", default=30)
# Load the planning matcher's index in the background when a server starts
# a worker (mallipankki/wsgi.py), rather than on the first match.
MATCH_INDEX_WARM_UP = env.bool("MATCH_INDEX_WARM_UP", default=True)
CONTINUITY_REMINDER_INTERVAL_DAYS = env.int("CONTINUITY_REMINDER_INTERVAL_DAYS", default=30)
CONTINUITY_CONTACT_EMAIL = env.str("CONTINUITY_CONTACT_EMAIL", default="")
# The contact point of the open data's DCAT-AP description; empty means DEFAULT_FROM_EMAIL.
OPEN_DATA_CONTACT_EMAIL = env.str("OPEN_DATA_CONTACT_EMAIL", default="")

# The link checker (manage.py check_links). LINK_CHECK_ALLOW_PRIVATE_NETWORKS is
# for tests only: it lets the checker reach loopback and private addresses,
# which in production would let a typed-in link make the server ask its own
# network (README: Link health). LINK_CHECK_HOST_DELAY is the pause between
# two requests to one host: keep it at 1 s or more outside tests.
LINK_CHECK_ALLOW_PRIVATE_NETWORKS = env.bool("LINK_CHECK_ALLOW_PRIVATE_NETWORKS", default=False)
LINK_CHECK_HOST_DELAY = env.float("LINK_CHECK_HOST_DELAY", default=1.0)
LINK_CHECK_CONCURRENCY = env.int("LINK_CHECK_CONCURRENCY", default=32)
LINK_CHECK_CONTACT_URL = env.str("LINK_CHECK_CONTACT_URL", default="")
# Archived copies of linked documents: persistent, never served by the web server.
LINK_ARCHIVE_ROOT = env.str("LINK_ARCHIVE_ROOT", default=str(DATA_DIR / "arkisto"))

# The open-data API is public: any origin may read it, nobody may write.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# Security headers. HTTPS-only settings switch on with DEBUG off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# SAMEORIGIN, not DENY: the Wagtail admin shows page previews in a same-origin
# iframe. CSP frame-ancestors 'self' says the same to modern browsers.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Content-Security-Policy: strict with nonces on the public site. The Wagtail
# admin emits inline scripts and styles, so /admin/ gets the relaxed policy in
# ADMIN_CSP_DIRECTIVES (see core/middleware.py); it is still same-origin only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
ADMIN_CSP_DIRECTIVES = {
    "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
}
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/", "/api/v1/docs")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
