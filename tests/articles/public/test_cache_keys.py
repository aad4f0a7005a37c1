"""Cached pages are keyed on scheme, host, path and only the parameters a page reads."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SectionFactory, make_article


@pytest.fixture
def cached(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 600
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as context:
        # A Host header, as a proxy sends: the address then has no port in it.
        response = client.get(url, HTTP_HOST="testserver", **headers)
    assert response.status_code == 200, url
    return response.content.decode(), len(context.captured_queries)


def test_https_addresses_are_not_served_to_http_readers(client, db, cached, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    article = make_article()
    url = article.get_absolute_url()
    secure, _ = get(client, url, HTTP_X_FORWARDED_PROTO="https")
    assert f'<link rel="canonical" href="https://testserver{url}">' in secure
    plain, _ = get(client, url)
    assert f'<link rel="canonical" href="http://testserver{url}">' in plain
    assert "https://testserver" not in plain  # neither the canonical nor the JSON-LD
    again, queries = get(client, url, HTTP_X_FORWARDED_PROTO="https")
    assert again == secure and queries == 0  # each scheme has its own entry


def test_an_untrusted_forwarded_proto_changes_nothing(client, db, cached, settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    article = make_article()
    forged, _ = get(client, article.get_absolute_url(), HTTP_X_FORWARDED_PROTO="https")
    assert "https://testserver" not in forged


def test_parameters_a_page_does_not_read_make_no_entries(client, db, cached):
    make_article(headline="头版新闻")
    front, _ = get(client, "/")
    entries = len(cached._cache)
    for number in range(20):
        html, queries = get(client, f"/?q=随机词{number}&utm_source={number}")
        assert html == front  # the search box does not echo it, the canonical is "/"
        assert queries == 0
    assert len(cached._cache) == entries


def test_parameters_a_page_does_not_read_change_nothing_uncached(client, db, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    make_article(headline="头版新闻")
    html, _ = get(client, "/?q=随机词")
    assert "随机词" not in html
    assert '<link rel="canonical" href="http://testserver/">' in html


def test_a_list_is_keyed_on_its_page_number_only(client, db, cached):
    section = SectionFactory(slug="keyed")
    articles = [make_article(section=section, headline=f"列表新闻{n:02d}") for n in range(21)]
    first, _ = get(client, "/sections/keyed/")
    second, _ = get(client, "/sections/keyed/?page=2")
    oldest = articles[0].headline
    assert oldest not in first and oldest in second
    for variant in ["?page=2&utm_source=x", "?page=02", "?utm_source=x&page=2", "?page=1&page=2"]:
        html, queries = get(client, f"/sections/keyed/{variant}")
        assert html == second and queries == 0, variant
    assert '<link rel="canonical" href="http://testserver/sections/keyed/?page=2">' in second
