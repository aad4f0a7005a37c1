"""Production settings refuse what would be unsafe, and say what to set instead."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
STRONG_KEY = secrets.token_urlsafe(50)
PRINT_CACHE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.CACHES['default']['BACKEND'], settings.NEWSROOM_PAGE_CACHE_SECONDS)"
)


def start(tmp_path, **env):
    """Load the settings in a fresh interpreter with only ``env`` (and PATH, HOME) set."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "NEWSROOM_VAR_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_CACHE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production(tmp_path, **env):
    return start(tmp_path, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=STRONG_KEY, **env)


def test_production_refuses_a_page_cache_in_each_worker(tmp_path):
    result = production(tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "REDIS_URL (e.g. redis://127.0.0.1:6379/0)" in result.stderr
    assert "every gunicorn worker must see the same cache" in result.stderr.lower()
    assert "NEWSROOM_PAGE_CACHE_SECONDS=0" in result.stderr


def test_production_starts_with_redis(tmp_path):
    result = production(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["newsroom.cache.ResilientRedisCache", "600"]


def test_production_without_redis_keeps_nothing_between_requests(tmp_path):
    # Page caching off: no per-worker cache at all, so no worker can serve a stale menu.
    result = production(tmp_path, NEWSROOM_PAGE_CACHE_SECONDS="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.core.cache.backends.dummy.DummyCache", "0"]


def test_development_keeps_its_cache_in_memory(tmp_path):
    result = start(tmp_path, DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.parametrize(
    "key",
    [
        secrets.token_urlsafe(36),  # 48 characters: accepted before, W009 under check --deploy
        "x" * 64,  # one character repeated
        "abcd" * 20,  # four different characters
        "django-insecure-" + secrets.token_urlsafe(50),  # what startproject makes
    ],
    ids=["48 characters", "one character", "four characters", "django-insecure prefix"],
)
def test_production_refuses_a_weak_secret_key(tmp_path, key):
    result = start(
        tmp_path, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=key, REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr
    assert "at least 5 different ones" in result.stderr
    assert "'django-insecure-'" in result.stderr


def test_production_accepts_a_strong_secret_key(tmp_path):
    key = secrets.token_urlsafe(38)  # 51 characters
    result = start(
        tmp_path, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=key, REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert result.returncode == 0, result.stderr
