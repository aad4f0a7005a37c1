"""Settings for newsroom, read from the environment.

DATABASE_URL selects the database (PostgreSQL in production); with none set an
embedded SQLite file under var/ is used.  With DEBUG off the site refuses to
start on a secret key that ``check --deploy`` would warn about, and with a page
cache of its own in each process (docs/operations.md).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

DEV_SECRET_KEY = "django-insecure-newsroom-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEV_SECRET_KEY)


def strong_secret_key(key):
    """What ``manage.py check --deploy`` accepts without warning W009."""
    return (
        len(key) >= SECRET_KEY_MIN_LENGTH
        and len(set(key)) >= SECRET_KEY_MIN_UNIQUE_CHARACTERS
        and not key.startswith(SECRET_KEY_INSECURE_PREFIX)
    )


if not DEBUG and not strong_secret_key(SECRET_KEY):
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is off but DJANGO_SECRET_KEY is unset, the development key, or weak. "
        f"Production needs a key of at least {SECRET_KEY_MIN_LENGTH} characters with at "
        f"least {SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones, not starting with "
        f"'{SECRET_KEY_INSECURE_PREFIX}' (what `manage.py check --deploy` requires); make "
        "one with `python -c 'import secrets; print(secrets.token_urlsafe(50))'`. "
        "Or set DJANGO_DEBUG=1 for local development."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "django_filters",
    "reversion",
    "newsroom.apps.LoginSecurityConfig",  # django-axes
    # django-tasks-db: the database backend and worker (db_worker) for Django's tasks.
    "newsroom.apps.BackgroundTasksConfig",
    "people",
    "articles",
    "articles.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login: after 5 failures, lock for an hour both the user name at that address and
# the address itself. The pair alone let anyone spray 4 tries at every user name; the
# address alone would let one attacker lock a user out everywhere. A real user at another
# address is never locked by someone else's failures.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
# The client's address (newsroom/clientip.py): REMOTE_ADDR, unless the site runs behind
# NEWSROOM_TRUSTED_PROXY_COUNT proxies of its own; then the address the outermost of them
# appended to NEWSROOM_CLIENT_IP_HEADER. Addresses a client wrote there itself are ignored.
NEWSROOM_TRUSTED_PROXY_COUNT = int(os.environ.get("NEWSROOM_TRUSTED_PROXY_COUNT", 0))
NEWSROOM_CLIENT_IP_HEADER = os.environ.get("NEWSROOM_CLIENT_IP_HEADER", "X-Forwarded-For")
AXES_CLIENT_IP_CALLABLE = "newsroom.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "articles.public.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'newsroom.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif os.environ.get("DATABASE_SERVER_SIDE_BINDING", "1") == "1":
    # Server-side parameters let psycopg prepare a statement it has run five times on a
    # connection, so PostgreSQL stops planning the readers' queries on every request
    # (planning the front page's query took longer than running it).  Django turns
    # psycopg's automatic preparing off unless prepare_threshold is given.  Restart the
    # application after migrating, and use session pooling if a pooler sits in between.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The search index's tsvector fields and GIN index (articles/search/models.py).
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))

# Images: Pillow refuses anything larger than this many pixels (decompression bombs).
NEWSROOM_MAX_IMAGE_PIXELS = int(os.environ.get("NEWSROOM_MAX_IMAGE_PIXELS", 60_000_000))
NEWSROOM_MAX_UPLOAD_BYTES = int(os.environ.get("NEWSROOM_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
NEWSROOM_PUBLICATION = os.environ.get("NEWSROOM_PUBLICATION", "株洲日报")
# Edited stories go to the proofreaders (校对) and the chief signs off proofread ones; a
# paper without proofreaders sets NEWSROOM_PROOFREADING=0 and signs off edited copy.
NEWSROOM_PROOFREADING = env_bool("NEWSROOM_PROOFREADING", default=True)
# The printed paper's sheet (数字报 page PDFs, print export): broadsheet (对开), tabloid (四开)
# or a3; see articles/epaper/pdf.py.
NEWSROOM_PAPER_SIZE = os.environ.get("NEWSROOM_PAPER_SIZE", "broadsheet")
# How a related object a queryset did not load is fetched (articles/models/base.py):
# "peers" loads it for the whole list at once; the test suite sets "raise" to find such lookups.
NEWSROOM_FETCH_MODE = os.environ.get("NEWSROOM_FETCH_MODE", "peers")


def person_url(person):
    # people/ knows nothing of the site that shows it; the readers' site gives a person a
    # page, so the wiring says where it is (Person.get_absolute_url, made by Django).
    from django.urls import reverse

    return reverse("articles:person", args=[person.pk])


ABSOLUTE_URL_OVERRIDES = {"people.person": person_url}

SECURE_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "frame-ancestors": ["'none'"],
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    # HTTPS in production; a TLS-terminating proxy sets X-Forwarded-Proto.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 31_536_000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)

# Readers' pages are cached whole and made fresh on every edit (articles/cache.py);
# 0 turns page caching off.
NEWSROOM_PAGE_CACHE = "default"
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", 600))

# Caches: Redis when REDIS_URL is set (shared by every worker). Without it, local memory
# in development; in production a page cache in each worker's memory would keep serving
# a withdrawn story from every worker but the one that withdrew it, so it is refused.
REDIS_URL = os.environ.get("REDIS_URL", "")
if not DEBUG and not REDIS_URL and NEWSROOM_PAGE_CACHE_SECONDS:
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is off and page caching is on, but REDIS_URL is unset. Every gunicorn "
        "worker must see the same cache, or a withdrawn or corrected story stays on the "
        "pages the other workers cached. Set REDIS_URL (e.g. redis://127.0.0.1:6379/0), or "
        "set NEWSROOM_PAGE_CACHE_SECONDS=0 to turn page caching off."
    )
if REDIS_URL:
    CACHES = {
        "default": {
            # Serves uncached instead of failing while Redis is down (newsroom/cache.py).
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
            "KEY_PREFIX": os.environ.get("NEWSROOM_CACHE_PREFIX", "newsroom"),
        }
    }
elif os.environ.get("NEWSROOM_NO_CACHE") == "1" or not DEBUG:
    # No cache at all: nothing is kept between requests, so no worker can be stale (the
    # section menu is read on each page). Production without Redis; bench/site_bench.py's
    # uncached run.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Background work (Django's tasks framework): re-rendering the stories of a renamed person,
# role, section or tag, which grows with the archive, never runs inside a request.  The
# tasks wait in the database until `manage.py db_worker` runs them (docs/operations.md).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# Image renditions (articles/renditions.py); default: a "renditions" folder beside MEDIA_ROOT.
NEWSROOM_RENDITIONS_ROOT = os.environ.get("NEWSROOM_RENDITIONS_ROOT") or None
NEWSROOM_RENDITIONS_ON_SAVE = True
# Page-text uploads wait here (not under MEDIA_ROOT: never served) between the dry run and
# the save; an import in the browser gives up with a message after this many seconds,
# before a worker's time limit (gunicorn's default is 30) would kill the request.
NEWSROOM_IMPORT_DIR = os.environ.get("NEWSROOM_IMPORT_DIR") or str(VAR_DIR / "imports")
NEWSROOM_IMPORT_SECONDS = int(os.environ.get("NEWSROOM_IMPORT_SECONDS", 20))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
