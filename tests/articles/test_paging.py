"""Lists of stories are paged without counting them: a page costs its depth, not the archive."""

import datetime

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Section
from articles.paging import KeysFirstPaginator, UncountedPaginator
from tests.factories import ArticleFactory


def test_a_page_knows_whether_an_older_one_follows_without_a_total():
    paginator = UncountedPaginator(list(range(45)), 20)
    first, third = paginator.page(1), paginator.page(3)
    assert list(first) == list(range(20)) and first.has_next() and not first.has_previous()
    assert list(third) == list(range(40, 45)) and not third.has_next()
    assert (third.start_index(), third.end_index()) == (41, 45)
    assert paginator.count is None and paginator.num_pages is None
    with pytest.raises(EmptyPage):
        paginator.page(4)
    with pytest.raises(EmptyPage):
        paginator.page(0)
    with pytest.raises(PageNotAnInteger):
        paginator.page("last")
    with pytest.raises(EmptyPage):
        paginator.page(9223372036854775807)
    assert list(UncountedPaginator([], 20).page(1)) == []


@pytest.fixture
def section_of_45(db):
    section = Section.objects.create(name="芦淞区", slug="lusong", kind=Section.Kind.DISTRICT)
    now = timezone.now()
    for minutes in range(45):
        ArticleFactory(
            section=section,
            headline=f"芦淞区新闻{minutes:02d}",
            published_at=now - datetime.timedelta(minutes=minutes + 1),
        )
    ArticleFactory(section=section, headline="未发稿件", status=Article.Status.DRAFT)
    return section


def test_section_pages_go_back_to_the_oldest_story_and_no_further(client, section_of_45):
    url = section_of_45.get_absolute_url()
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url)
    assert first.status_code == 200
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    text = first.content.decode()
    assert "芦淞区新闻00" in text and "芦淞区新闻19" in text and "芦淞区新闻20" not in text
    assert "第1页" in text and "?page=2" in text and "共" not in text.split("第1页")[1][:5]
    last = client.get(url, {"page": 3}).content.decode()
    assert "芦淞区新闻44" in last and "?page=4" not in last and "未发稿件" not in last
    assert client.get(url, {"page": 4}).status_code == 404
    assert client.get(url, {"page": "last"}).status_code == 404
    assert client.get(url, {"page": "x"}).status_code == 404
    assert client.get(url, {"page": "9223372036854775807"}).status_code == 404


def test_a_deeper_page_runs_the_same_queries(client, section_of_45):
    url = section_of_45.get_absolute_url()
    client.get(url)  # warm the per-process caches (the page cache then serves it)
    with CaptureQueriesContext(connection) as first:
        client.get(url, {"page": 2})
    with CaptureQueriesContext(connection) as deep:
        client.get(url, {"page": 3})
    assert len(first) == len(deep) > 0


def test_keys_first_pages_hold_the_same_stories_in_one_query_each(section_of_45):
    listed = Article.objects.published().in_section(section_of_45)
    plain = UncountedPaginator(listed, 20)
    shown = []
    keyed = KeysFirstPaginator(listed, 20, present=lambda rows: rows.only("headline"))
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            page = keyed.page(number)
        assert len(queries) == 1
        assert [a.headline for a in page] == [a.headline for a in plain.page(number)]
        assert page.has_next() == (number < 3)
        shown += [a.headline for a in page]
    assert shown == [f"芦淞区新闻{minutes:02d}" for minutes in range(45)]
    with pytest.raises(EmptyPage):
        keyed.page(4)
