"""The readers' search page /search/: filters, paging, messages, escaping, query counts."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles import editorial
from articles.models import Article, Section
from articles.search.views import SearchView
from tests.factories import ArticleFactory, PageFactory, SectionFactory, make_article, staff_user

pytestmark = pytest.mark.django_db
URL = reverse("articles:search")


def headlines(response):
    return [article.headline for article in response.context["results"]]


def test_search_page_ranks_and_highlights(seed, client):
    response = client.get(URL, {"q": "技能人才"})
    assert response.status_code == 200
    assert "顶尖技能高手接受城市礼遇" in headlines(response)
    assert "<mark>技能人才</mark>" in response.text
    assert "老旧小区边坡安全隐患消除" not in response.text


@pytest.mark.parametrize(
    ("query", "headline"),
    [("响石岭", "老旧小区边坡安全隐患消除"), ("何春林", "株洲青商会十年提供万余就业岗位")],
)
def test_search_page_finds_seed_words(seed, client, query, headline):
    assert headline in headlines(client.get(URL, {"q": query}))


def test_no_hit_says_so_and_suggests_nothing(seed, client):
    response = client.get(URL, {"q": "火星探测器"})
    assert response.status_code == 200
    assert headlines(response) == []
    assert "火星探测器" in response.text
    assert 'class="empty search-empty"' in response.text
    assert "<mark>" not in response.text
    assert "?q=" not in response.text.split('class="empty search-empty"')[1]  # no filters: no link


def test_no_hit_with_filters_offers_the_unfiltered_search(seed, client):
    response = client.get(URL, {"q": "技能人才", "section": "shifeng"})
    assert headlines(response) == []
    empty = response.text.split('class="empty search-empty"')[1]
    assert f'href="{URL}?q=%E6%8A%80%E8%83%BD%E4%BA%BA%E6%89%8D"' in empty


def test_empty_query_shows_the_form_only(seed, client):
    response = client.get(URL)
    assert response.status_code == 200
    assert headlines(response) == []
    assert 'name="q"' in response.text and "search-empty" not in response.text


def test_district_filter_includes_sub_districts(seed, client):
    # 边坡 is in a story of 响石岭街道, which lies in 石峰区.
    for slug in ("shifeng", "xiangshiling"):
        assert headlines(client.get(URL, {"q": "边坡", "section": slug})) == [
            "老旧小区边坡安全隐患消除"
        ]
    assert headlines(client.get(URL, {"q": "边坡", "section": "lusong"})) == []


def test_kind_filter(seed, client):
    response = client.get(URL, {"q": "技能人才", "kind": "commentary"})
    assert headlines(response) == ["制造业当家 需要高技能人才支撑"]


def test_date_range_filter(client):
    now = timezone.now()
    ArticleFactory(headline="边坡旧闻", published_at=now - datetime.timedelta(days=30))
    ArticleFactory(headline="边坡新闻", published_at=now - datetime.timedelta(hours=1))
    week_ago = (now - datetime.timedelta(days=7)).date().isoformat()
    assert headlines(client.get(URL, {"q": "边坡", "date_after": week_ago})) == ["边坡新闻"]
    assert headlines(client.get(URL, {"q": "边坡", "date_before": week_ago})) == ["边坡旧闻"]


def test_invalid_filter_is_reported_not_a_crash(client):
    ArticleFactory(headline="边坡新闻")
    response = client.get(URL, {"q": "边坡", "section": "no-such-section"})
    assert response.status_code == 200
    assert response.context["filterset"].errors


def test_unpublished_stories_are_not_on_the_page(client):
    ArticleFactory(headline="边坡草稿", status=Article.Status.DRAFT)
    ArticleFactory(headline="边坡撤稿", status=Article.Status.WITHDRAWN)
    ArticleFactory(headline="边坡定时", published_at=timezone.now() + datetime.timedelta(hours=1))
    response = client.get(URL, {"q": "边坡"})
    assert "边坡草稿" not in response.text
    assert "边坡撤稿" not in response.text
    assert "边坡定时" not in response.text


def test_paging_keeps_the_query_and_filters(client):
    section = SectionFactory(slug="jiuye")
    for number in range(25):
        ArticleFactory(headline=f"边坡{number}", section=section)
    first = client.get(URL, {"q": "边坡", "section": "jiuye"})
    assert len(headlines(first)) == 20
    assert "page=2" in first.text and "section=jiuye" in first.text
    second = client.get(URL, {"q": "边坡", "section": "jiuye", "page": 2})
    assert len(headlines(second)) == 5
    assert not set(headlines(first)) & set(headlines(second))


def test_editors_text_is_escaped_on_the_page(client):
    ArticleFactory(
        kicker="<i>引题</i>",
        headline="<script>alert(1)</script>边坡",
        body=[{"type": "paragraph", "text": "<img src=x onerror=alert(1)>边坡"}],
    )
    response = client.get(URL, {"q": "边坡"})
    assert "<script>alert(1)" not in response.text
    assert "<img src=x" not in response.text
    assert "<i>引题" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<mark>边坡</mark>" in response.text


@pytest.mark.parametrize("articles", [3, 30])
def test_search_page_query_count_does_not_grow(client, django_assert_num_queries, articles):
    section = Section.objects.create(name="区县新闻", slug="quxian")
    for number in range(articles):
        make_article(bylines=2, photos=1, headline=f"边坡{number}", section=section)
    client.get(URL, {"q": "河道"})  # the masthead's menu is cached across requests
    with django_assert_num_queries(QUERIES_PER_SEARCH_PAGE):
        response = client.get(URL, {"q": "边坡", "section": "quxian"})
    assert len(headlines(response)) == min(articles, 20)


# The chosen section and its subtree (2), the scored newest matches (count and ranked
# window in one statement), the page's stories with their stored credit lines and photo
# captions, the section choices in the form (1); on PostgreSQL, first the planner's
# estimate of the words' shares (one EXPLAIN), which chooses how to find the newest matches.
QUERIES_PER_SEARCH_PAGE = 5 + (connection.vendor == "postgresql")


@pytest.mark.parametrize("stale", [False, True])
def test_result_shows_credit_section_page_and_date(client, stale):
    section = SectionFactory(name="要闻")
    article = make_article(bylines=1, photos=1, headline="会议纪要", section=section)
    page = PageFactory(label="A05")
    with editorial.article_change(staff_user("chief"), article, note="补充图片说明。"):
        article.page = page
        article.save()
        photo = article.photos.get()
        photo.caption = "响石岭街道的边坡。"
        photo.save()
    if stale:  # saved without signals, or before the fragments' templates changed
        stored = {"rendered", "listing"} & {field.name for field in Article._meta.fields}
        Article.objects.filter(pk=article.pk).update(**{name: {} for name in stored})
    article.refresh_from_db()
    response = client.get(URL, {"q": "边坡"})
    (result,) = response.context["results"]
    assert result.byline_text == article.byline_text != ""
    result_html = response.text.split('class="search-result"')[1]
    for shown in (article.byline_text, "要闻", "A05", article.get_absolute_url()):
        assert shown in result_html
    assert timezone.localtime(article.published_at).isoformat() in result_html
    assert "响石岭街道的<mark>边坡</mark>。" in result_html  # a caption's snippet


def test_rebuild_command_reports_progress(seed):
    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=err)
    count = Article.objects.count()
    assert str(count) in out.getvalue()
    assert f"{count}/{count}" in err.getvalue()


def test_page_says_about_how_many_when_the_count_is_estimated(client, monkeypatch):
    from articles.search.backends import get_backend
    from articles.search.backends.base import SearchBackend

    monkeypatch.setattr(SearchBackend, "rank_window", 2)
    monkeypatch.setattr(SearchView, "paginate_by", 2)
    monkeypatch.setattr(type(get_backend()), "estimate", lambda *args: (12345, True))
    for number in range(5):
        ArticleFactory(headline=f"边坡{number}")
    response = client.get(URL, {"q": "边坡"})
    assert len(headlines(response)) == 2
    assert response.context["count_is_estimate"]
    summary = response.text.split('class="search-summary"')[1].split("</p>")[0]
    assert "约12300篇稿件" in summary and "共找到" not in summary
    assert "第1页" in response.text and "共" not in response.text.split('class="pagination"')[-1]


def test_page_says_how_many_when_few_match(client):
    for number in range(3):
        ArticleFactory(headline=f"边坡{number}")
    response = client.get(URL, {"q": "边坡"})
    assert not response.context["count_is_estimate"]
    summary = response.text.split('class="search-summary"')[1].split("</p>")[0]
    assert "共找到3篇稿件" in summary and "约" not in summary
