"""Readers who reach a wrong address or a fault see a Chinese page with the masthead and
its search box, never Django's bare English "Not Found"."""

import lxml.html
import pytest
from django.test import override_settings
from django.urls import include, path

from tests.chinese import english_words


def programming_bug(request):
    raise ZeroDivisionError


urlpatterns = [path("bug/", programming_bug), path("", include("newsroom.urls"))]
handler500 = "newsroom.views.error_500"


def assert_chinese_page_with_masthead(response, heading):
    body = response.content.decode()
    page = lxml.html.document_fromstring(body)
    assert page.xpath("string(//h1)") == heading
    assert page.xpath("//header[@class='masthead']//a[@class='brand']")
    search = page.xpath("//form[@role='search']")
    assert search and search[0].get("action") == "/search/"
    assert search[0].xpath(".//input[@name='q']")
    assert english_words(body) == []
    assert "Not Found" not in body and "Server Error" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/no-such-page/", "/editions/2023-12-26/B01/", "/stories/999999/"])
def test_a_wrong_address_answers_a_chinese_404_with_the_masthead(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert_chinese_page_with_masthead(response, "页面不存在")
    assert b'name="robots" content="noindex"' in response.content


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_fault_answers_a_chinese_500_with_the_masthead(client):
    client.raise_request_exception = False
    response = client.get("/bug/")
    assert response.status_code == 500
    assert_chinese_page_with_masthead(response, "服务器错误")


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_the_500_page_is_whole_without_the_database(client):
    # No django_db mark: any query raises, and the page would fall back to a bare notice.
    client.raise_request_exception = False
    response = client.get("/bug/")
    assert response.status_code == 500
    assert_chinese_page_with_masthead(response, "服务器错误")
