"""The site degrades instead of failing when Redis or PostgreSQL goes away."""

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import path

from newsroom.cache import ResilientRedisCache


def dead_redis():
    # Nothing listens on port 1: every call fails at once with "connection refused".
    return ResilientRedisCache(
        "redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}}
    )


def test_cache_reads_are_misses_and_writes_are_dropped_while_redis_is_down():
    cache = dead_redis()
    assert cache.get("page") is None
    assert cache.get("page", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    cache.set("page", b"html", 60)
    cache.delete("page")
    with pytest.raises(ValueError):
        cache.incr("generation")


def database_gone(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


def programming_bug(request):
    raise ZeroDivisionError


urlpatterns = [path("gone/", database_gone), path("bug/", programming_bug)]
handler500 = "newsroom.views.error_500"


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_lost_database_answers_503_with_a_chinese_notice(client):
    client.raise_request_exception = False
    response = client.get("/gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "暂时无法访问" in body and "Traceback" not in body


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_other_errors_stay_500(client):
    client.raise_request_exception = False
    assert client.get("/bug/").status_code == 500


def test_one_redis_client_serves_every_call():
    cache = dead_redis()
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is client


def live_redis():
    import os

    url = os.environ.get("NEWSROOM_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
    cache = ResilientRedisCache(url, {"OPTIONS": {"socket_connect_timeout": 0.5}})
    try:
        cache._cache.get_client(write=True).ping()
    except Exception:
        if os.environ.get("NEWSROOM_REQUIRE_SERVICES"):
            pytest.fail(f"Redis is required at {url}")
        pytest.skip(f"needs Redis at {url}")
    return cache


def test_a_write_lost_during_an_outage_empties_the_cache_once_redis_is_back():
    cache = live_redis()
    cache.set("page", b"old page", 600)
    healthy_client = cache._cache._clients.copy()
    # Redis out of reach: the edit that should mark pages stale is lost.
    cache._cache._clients = {key: dead_redis()._cache.get_client() for key in healthy_client}
    cache.delete("page")
    assert cache._lost_writes
    # Back again: the first successful call empties what may be stale.
    cache._cache._clients = healthy_client
    cache.get("anything")
    assert cache.get("page") is None
    assert not cache._lost_writes
