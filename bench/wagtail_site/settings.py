"""A minimal Wagtail 8 site for bench/site_bench.py: the peer the readers' site is measured against.

Wagtail's own project template (``wagtail start``) with its middleware, production-like:
DEBUG off, persistent database connections (CONN_MAX_AGE 60, as newsroom's), served by
gunicorn with 2 sync workers.  Read from the environment that site_bench.py sets:

  DATABASE_URL        PostgreSQL database (newsroom_wagtailbench);
  WAGTAIL_BENCH_DIR   where media (the original images and their renditions) live;
  WAGTAIL_BENCH_REDIS when set, the cached run: Django's whole-page cache middleware
                      (UpdateCacheMiddleware first, FetchFromCacheMiddleware last) on
                      Django's Redis cache backend.  Unset, the uncached run: no page
                      cache, Django's default cache (local memory, as Wagtail's project
                      template leaves it and as newsroom's uncached run has).

Wagtail is installed only in the benchmark's own venv (var/bench-wagtail-venv), never in
the project's, so nothing here is imported by the test suite.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent
BENCH_DIR = Path(os.environ.get("WAGTAIL_BENCH_DIR", "/tmp/newsroom_wagtailbench"))

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "bench.wagtail_site.stories",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Django 6.1 asks for it where Wagtail's search index uses PostgreSQL's search fields.
    "django.contrib.postgres",
]

# Wagtail 8's project template, unchanged.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

REDIS_URL = os.environ.get("WAGTAIL_BENCH_REDIS", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("WAGTAIL_BENCH_CACHE_PREFIX", "wagtailbench"),
        }
    }
    MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    CACHE_MIDDLEWARE_SECONDS = 600

ROOT_URLCONF = "bench.wagtail_site.urls"
WSGI_APPLICATION = "bench.wagtail_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default="postgres://postgres@127.0.0.1:5432/newsroom_wagtailbench",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BENCH_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "株洲日报"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
