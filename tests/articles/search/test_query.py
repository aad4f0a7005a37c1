"""Chinese search (articles/search/) on the seed edition and on small stories.

Run on SQLite by default and on PostgreSQL with DATABASE_URL set: every test
here holds on both backends.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from taggit.models import Tag

from articles import editorial, search
from articles.models import Article
from articles.search.models import SearchDocument
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PersonFactory,
    PhotoFactory,
    publish,
    staff_user,
    withdraw,
)

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def found(query, queryset=None):
    results = search.search(query, queryset)
    return [article.headline for article in results[: results.count()]]


def paragraph(text):
    return [{"type": "paragraph", "text": text}]


@pytest.mark.parametrize(
    ("query", "headline"),
    [
        ("高新朋友圈", "拓展政企“朋友圈” 提升营商环境软实力"),  # a tag and body words
        ("技能人才", "顶尖技能高手接受城市礼遇"),
        ("技能人才", "制造业当家 需要高技能人才支撑"),
        ("阳光增收", "“阳光增收”"),
        ("响石岭", "老旧小区边坡安全隐患消除"),  # jieba cuts it 响 / 石岭
        ("何春林", "株洲青商会十年提供万余就业岗位"),  # only a byline name
        ("95后", "拓展政企“朋友圈” 提升营商环境软实力"),
        ("边坡", "老旧小区边坡安全隐患消除"),  # two characters
    ],
)
def test_seed_words_are_found(seed, query, headline):
    assert headline in found(query)


def test_seed_byline_name_finds_every_story_it_credits(seed):
    credited = set(
        Article.objects.published()
        .filter(bylines__person__name="何春林")
        .values_list("headline", flat=True)
    )
    assert len(credited) >= 4
    assert set(found("何春林")) == credited


def test_topical_word_finds_only_stories_that_contain_it(seed):
    assert found("阳光增收") == ["“阳光增收”"]
    assert "老旧小区边坡安全隐患消除" not in found("技能人才")


def test_query_without_a_hit_finds_nothing(seed):
    results = search.search("火星探测器")
    assert results.count() == 0
    assert list(results[0:20]) == []


@pytest.mark.parametrize("query", ["", "   ", "，。！“”"])
def test_query_without_words_finds_nothing(seed, query):
    assert search.search(query).count() == 0


def test_snippet_marks_the_matched_words(seed):
    (article,) = search.search("边坡")[0:1]
    assert "<mark>边坡</mark>" in article.search_snippet
    assert article.search_title == "老旧小区<mark>边坡</mark>安全隐患消除"


def test_headline_match_ranks_above_a_body_match():
    ArticleFactory(headline="会议纪要", body=paragraph("会上也谈到了边坡治理。"))
    ArticleFactory(headline="边坡治理完成", body=paragraph("工程结束。"))
    assert found("边坡") == ["边坡治理完成", "会议纪要"]


def test_what_editors_typed_is_escaped():
    ArticleFactory(
        headline="<script>alert(1)</script>边坡",
        body=paragraph("<b>边坡</b> & <img src=x onerror=alert(1)>"),
    )
    (article,) = search.search("边坡")[0:1]
    assert "<script>" not in article.search_title
    assert "&lt;script&gt;" in article.search_title
    assert "<b>" not in article.search_snippet and "<img" not in article.search_snippet
    assert "&lt;b&gt;<mark>边坡</mark>" in article.search_snippet


@pytest.mark.parametrize(
    ("status", "published_at"),
    [
        (Article.Status.DRAFT, None),
        (Article.Status.SUBMITTED, None),
        (Article.Status.PUBLISHED, timezone.now() + HOUR),  # scheduled
        (Article.Status.PUBLISHED, None),
        (Article.Status.WITHDRAWN, timezone.now() - HOUR),
    ],
)
def test_unpublished_stories_never_appear(status, published_at):
    ArticleFactory(headline="边坡之一", status=status, published_at=published_at)
    ArticleFactory(headline="边坡之二")
    assert found("边坡") == ["边坡之二"]
    assert search.search("边坡").count() == 1


def test_filters_cannot_widen_the_results():
    ArticleFactory(headline="边坡草稿", status=Article.Status.DRAFT)
    assert found("边坡", Article.objects.all()) == []


def test_scheduled_story_appears_once_its_time_has_passed(monkeypatch):
    now = timezone.now()
    ArticleFactory(headline="边坡定时稿", published_at=now + HOUR)
    assert found("边坡") == []
    monkeypatch.setattr(timezone, "now", lambda: now + 2 * HOUR)
    assert found("边坡") == ["边坡定时稿"]


def test_index_follows_edits():
    article = ArticleFactory(headline="边坡治理", body=paragraph("工程结束。"))
    article.headline = "河道治理"
    editorial.save_article(staff_user("chief"), article, note="标题更正。")
    assert found("边坡") == []
    assert found("河道") == ["河道治理"]


def test_index_follows_publish_and_withdraw_on_the_story():
    article = ArticleFactory(headline="边坡治理", status=Article.Status.DRAFT, published_at=None)
    assert found("边坡") == []
    publish(article)
    assert found("边坡") == ["边坡治理"]
    withdraw(article)
    assert found("边坡") == []


def test_index_follows_bulk_sign_off_and_withdrawal():
    from articles import editorial

    articles = [
        ArticleFactory(headline=f"边坡治理{n}", status=Article.Status.PROOFREAD, published_at=None)
        for n in range(2)
    ]
    editorial.apply_to_each(staff_user("chief"), articles, "sign_off")
    assert sorted(found("边坡")) == ["边坡治理0", "边坡治理1"]
    editorial.apply_to_each(staff_user("chief"), articles, "withdraw", comment="重复")
    assert found("边坡") == []


def test_index_follows_delete():
    article = ArticleFactory(headline="边坡治理")
    pk = article.pk
    assert SearchDocument.objects.filter(article_id=pk).exists()
    editorial.delete_article(staff_user("admin"), article)
    assert found("边坡") == []
    assert not SearchDocument.objects.filter(article_id=pk).exists()


def test_index_follows_bylines_photos_and_tags():
    article = ArticleFactory(headline="会议", body=paragraph("工程结束。"))
    BylineFactory(article=article, person=PersonFactory(name="何春林"))
    assert found("何春林") == ["会议"]
    photo = PhotoFactory(article=article, caption="响石岭街道的边坡。")
    assert found("响石岭") == ["会议"]
    with editorial.article_change(staff_user("chief"), article, note="删去图片。"):
        photo.delete()
    assert found("响石岭") == []
    article.tags.add("高新朋友圈")
    assert found("高新朋友圈") == ["会议"]
    article.tags.clear()
    assert found("高新朋友圈") == []


def test_index_follows_a_renamed_person_and_tag():
    article = ArticleFactory(headline="会议", body=paragraph("工程结束。"))
    byline = BylineFactory(article=article, person=PersonFactory(name="何春林"))
    article.tags.add("边坡")
    byline.person.name = "谭昕吾"
    byline.person.save()
    tag = Tag.objects.get(name="边坡")
    tag.name = "阳光增收"
    tag.save()
    assert found("谭昕吾") == found("阳光增收") == ["会议"]
    assert found("何春林") == found("边坡") == []


def test_rebuild_restores_an_emptied_index(seed):
    from articles.search.backends import get_backend

    get_backend().clear()
    assert found("边坡") == []
    chunks = []
    assert search.rebuild(progress=chunks.append, chunk_size=3) == Article.objects.count()
    assert sum(chunks) == Article.objects.count() and len(chunks) > 1
    assert "老旧小区边坡安全隐患消除" in found("边坡")


def test_results_slice_and_count_for_the_paginator():
    for number in range(5):
        ArticleFactory(headline=f"边坡{number}", published_at=timezone.now() - number * HOUR)
    results = search.search("边坡")
    assert results.count() == len(results) == 5
    first, rest = results[0:2], results[2:5]
    assert len(first) == 2 and len(rest) == 3
    assert {s.headline for s in first + rest} == {f"边坡{n}" for n in range(5)}


def test_the_newest_window_is_ranked_and_the_rest_follows_newest_first(monkeypatch):
    from articles.search.backends.base import SearchBackend

    monkeypatch.setattr(SearchBackend, "rank_window", 3)
    now = timezone.now()
    # Newest first: b0 (body only), t1 (headline), b2, b3, t4 (headline, outside the window).
    # Filed oldest first, so filing order (SQLite's window) and publish time (PostgreSQL's) agree.
    for number, in_headline in reversed(list(enumerate([False, True, False, False, True]))):
        ArticleFactory(
            headline=f"{'边坡' if in_headline else '会议'}{number}",
            body=paragraph("边坡治理。" if not in_headline else "工程结束。"),
            published_at=now - number * HOUR,
        )
    results = search.search("边坡")
    ordered = [s.headline for s in results[0:5]]
    assert ordered[0] == "边坡1"  # the window's best
    assert set(ordered[:3]) == {"会议0", "边坡1", "会议2"}
    assert ordered[3:] == ["会议3", "边坡4"]  # beyond the window: newest first
    # A page that straddles the window's end joins both parts.
    assert [s.headline for s in results[2:4]] == [ordered[2], "会议3"]
    assert results[4:5][0].search_rank is None


def test_results_beyond_the_window_are_served_and_counted(monkeypatch):
    from articles.search.backends.base import SearchBackend

    monkeypatch.setattr(SearchBackend, "rank_window", 3)
    for number in range(5):
        ArticleFactory(headline=f"边坡{number}")
    results = search.search("边坡")
    assert len(results[0:20]) == 5  # the window's 3, then the 2 that follow it
    assert results.count() == 5 and not results.count_is_estimate  # the slice saw the last
    assert search.search("边坡1").count() == 1


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ('a"b', False),
        ("NEAR(x y)", False),
        ("边坡 OR 河道", False),  # no query language: OR is a word to find
        ("c++ & | ! ( ) : * _ \\ '", False),
        ("^边坡*", True),  # punctuation around a word is dropped
        ("-边坡", True),
    ],
)
def test_query_syntax_is_never_interpreted(query, finds):
    ArticleFactory(headline="边坡治理")
    results = search.search(query)
    assert (results.count() == 1) is finds
    assert len(results[0:20]) == results.count()


if connection.vendor == "postgresql":  # prepared statements are PostgreSQL's; the suite
    # runs once on each database, so this runs in the PostgreSQL pass.

    def test_searches_are_planned_for_their_own_words_not_prepared():
        """Reader queries are prepared after five runs; a search's plan depends on its words."""
        ArticleFactory(headline="株洲新闻", body=paragraph("株洲今天开会。"))
        for _ in range(8):
            assert found("株洲") == ["株洲新闻"]
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            prepared = [statement for (statement,) in cursor.fetchall()]
        assert not [s for s in prepared if "plainto_tsquery" in s]  # indexing may be prepared
        assert connection.connection.prepare_threshold == 5  # restored after each search
