"""Cached pages are served without queries and are fresh after every edit, on both backends."""

import os

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import editorial
from articles.models import Article
from tests.factories import PageFactory, make_article, publish, staff_user, withdraw

REDIS_URL = os.environ.get("NEWSROOM_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def redis_available():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 600
    if request.param == "redis":
        if not redis_available():
            if os.environ.get("NEWSROOM_REQUIRE_SERVICES") == "1":
                pytest.fail(f"Redis is required (NEWSROOM_REQUIRE_SERVICES=1) at {REDIS_URL}")
            pytest.skip(f"Redis is not running at {REDIS_URL}")
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": f"newsroom-test-{os.getpid()}",
            }
        }
        assert "Redis" in type(caches["default"]).__name__
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


def fetch(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(context.captured_queries)


@pytest.fixture
def article(db):
    return make_article(headline="原来的标题", page=PageFactory(), bylines=1)


URLS = ["/", "{article}", "{section}", "/rss/", "/editions/{date}/"]


def urls(article):
    return [
        url.format(
            article=article.get_absolute_url(),
            section=article.section.get_absolute_url(),
            date=article.page.edition.date.isoformat(),
        )
        for url in URLS
    ]


def test_a_second_request_is_served_from_the_cache_without_queries(client, page_cache, article):
    for url in urls(article):
        first, _ = fetch(client, url)
        second, queries = fetch(client, url)
        assert second == first
        assert queries == 0, url


def test_editing_a_story_refreshes_every_page_that_shows_it(client, page_cache, article):
    for url in urls(article):
        assert "原来的标题" in fetch(client, url)[0]
    article.headline = "改过的标题"
    editorial.save_article(staff_user("chief"), article, note="标题有误。")
    for url in urls(article):
        html = fetch(client, url)[0]
        assert "改过的标题" in html and "原来的标题" not in html, url


def test_withdrawing_and_publishing_refresh_pages(client, page_cache, article):
    for url in urls(article):
        fetch(client, url)
    withdraw(article)
    assert client.get(article.get_absolute_url()).status_code == 410  # Gone, not cached
    assert "原来的标题" not in fetch(client, "/")[0]
    assert "原来的标题" not in fetch(client, "/rss/")[0]
    later = make_article(headline="后来签发的标题", section=article.section, page=article.page)
    Article.objects.filter(pk=later.pk).update(status=Article.Status.SUBMITTED)
    later.refresh_from_db()
    publish(later)
    assert "后来签发的标题" in fetch(client, "/")[0]
    assert "后来签发的标题" in fetch(client, later.get_absolute_url())[0]


def test_editing_a_byline_refreshes_the_story_page(client, page_cache, article):
    fetch(client, article.get_absolute_url())
    person = article.bylines.get().person
    person.name = "新名字"
    person.save()
    assert "新名字" in fetch(client, article.get_absolute_url())[0]


def test_renaming_a_role_refreshes_the_story_page(client, page_cache, article):
    fetch(client, article.get_absolute_url())
    role = article.bylines.get().role
    role.print_label = "特约记者"
    role.save()
    assert "特约记者" in fetch(client, article.get_absolute_url())[0]


def test_page_caching_can_be_turned_off(client, settings, article):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    fetch(client, "/")
    assert fetch(client, "/")[1] > 0
