"""The admin's lists cost the same on a 30-year archive: no GROUP BY, no full count,
no filter that reads every row for its choices, the search through the search index."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.paging import CappedCountPaginator
from tests.factories import ArticleFactory, EditionFactory, PageFactory, make_article

pytestmark = pytest.mark.django_db

LIST = "/admin/articles/article/"


def captured(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, response.status_code
    return response, [q["sql"].upper() for q in queries.captured_queries]


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "边坡"}, {"kind__exact": "news"}, {"year": "2026"}, {"status__exact": "draft"}],
)
def test_story_list_groups_nothing_and_counts_no_further_than_the_cap(admin_client, params):
    make_article(photos=1, headline="边坡整治")
    _, sqls = captured(admin_client, LIST, params)
    article_table = Article._meta.db_table.upper()
    on_stories = [sql for sql in sqls if article_table in sql]
    assert not any("GROUP BY" in sql and 'FROM "' + article_table in sql for sql in on_stories)
    assert not any("DISTINCT" in sql for sql in on_stories)
    counts = [sql for sql in on_stories if "COUNT(" in sql and "PHOTO" not in sql]
    assert counts and all("LIMIT" in sql for sql in counts), counts


@pytest.mark.parametrize("url", ["/admin/articles/page/", "/admin/articles/edition/"])
def test_page_and_edition_lists_count_their_stories_and_pages_per_row(admin_client, url):
    page = PageFactory()
    make_article(page=page)
    response, sqls = captured(admin_client, url)
    assert not any(
        "GROUP BY" in sql and "COUNT(" in sql and "SELECT COUNT" not in sql for sql in sqls
    )
    assert str(page.edition.date) in response.text


def test_search_finds_body_words_drafts_and_a_story_by_number(admin_client):
    published = make_article(headline="高新区晒成绩单")
    published.body = [{"type": "paragraph", "text": "职业技能大赛在株洲举行。"}]
    ArticleFactory(
        headline="技能草稿",
        status=Article.Status.DRAFT,
        published_at=None,
        body=[{"type": "paragraph", "text": "职业技能培训。"}],
    )
    other = ArticleFactory(headline="无关稿件")
    found = admin_client.get(LIST, {"q": "技能草稿"}).text
    assert "技能草稿" in found and "无关稿件" not in found
    by_number = admin_client.get(LIST, {"q": str(other.pk)}).text
    assert "无关稿件" in by_number
    assert "无关稿件" not in admin_client.get(LIST, {"q": "不存在的词语"}).text


def test_edition_and_page_filters_offer_the_latest_editions_and_the_chosen_ones_pages(
    admin_client,
):
    today = timezone.localdate()
    editions = [EditionFactory(date=today - datetime.timedelta(days=n)) for n in range(20)]
    oldest = editions[-1]
    a05 = PageFactory(edition=oldest, label="A05", name="区县新闻")
    make_article(headline="旧版面稿件", page=a05)
    make_article(headline="新版面稿件", page=PageFactory(edition=editions[0], label="A01"))
    listing = admin_client.get(LIST).text
    assert f"edition={editions[0].date.isoformat()}" in listing
    assert f"edition={oldest.date.isoformat()}" not in listing  # only the latest 14 offered
    chosen = admin_client.get(LIST, {"edition": oldest.date.isoformat()}).text
    assert "旧版面稿件" in chosen and "新版面稿件" not in chosen
    assert "page_label=A05" in chosen and "A05 区县新闻" in chosen
    on_page = admin_client.get(LIST, {"edition": oldest.date.isoformat(), "page_label": "A05"})
    assert "旧版面稿件" in on_page.text


@pytest.mark.parametrize("params", [{"edition": "2024-13-45"}, {"year": "abc"}, {"year": "0"}])
def test_a_bad_filter_value_is_reported_not_a_crash(admin_client, params):
    make_article(page=PageFactory())
    response = admin_client.get(LIST, params)
    assert response.status_code == 302 and "e=1" in response["Location"]


def test_year_filter_lists_years_from_the_newest_to_the_oldest(admin_client):
    now = timezone.now()
    make_article(headline="三年前的稿件", published_at=now - datetime.timedelta(days=3 * 366))
    make_article(headline="今年的稿件")
    listing = admin_client.get(LIST).text
    for year in range(now.year - 3, now.year + 1):
        assert f"year={year}" in listing
    old = admin_client.get(LIST, {"year": str(now.year - 3)}).text
    assert "三年前的稿件" in old and "今年的稿件" not in old


def test_a_list_longer_than_the_cap_says_so(admin_client, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 2)
    for number in range(3):
        ArticleFactory(headline=f"稿件{number}")
    text = admin_client.get(LIST).text
    assert "超过2篇稿件" in text
    assert "超过" not in admin_client.get(LIST, {"q": "稿件1"}).text.split("paginator")[-1]


def test_search_within_a_year_finds_that_years_stories(admin_client, monkeypatch):
    monkeypatch.setattr("articles.admin.articles.SEARCH_LIMIT", 1)
    now = timezone.now()
    make_article(headline="防汛抗旱旧闻", published_at=now - datetime.timedelta(days=3 * 366))
    make_article(headline="防汛抗旱新闻")
    assert "防汛抗旱新闻" in admin_client.get(LIST, {"q": "防汛抗旱"}).text
    old = admin_client.get(LIST, {"q": "防汛抗旱", "year": str(now.year - 3)}).text
    assert "防汛抗旱旧闻" in old and "防汛抗旱新闻" not in old
