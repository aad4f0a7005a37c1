"""Reader queries compiled once and run with each call's values (articles/prepared.py)."""

import datetime
from unittest import mock

import pytest
from django.db import connection, models
from django.db.models import F
from django.db.models.functions import Now, Upper
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.public.prepared import Parameter, PreparedQuery, fill, parameters
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

KEY = models.IntegerField()
NOW = Parameter("now", models.DateTimeField(), default=lambda: timezone.now())


def headline_of():
    return PreparedQuery(
        lambda: (
            Article.objects.published(now=NOW)
            .filter(pk=Parameter("pk", KEY))
            .values_list("headline", "published_at")
        )
    )


def test_each_call_binds_its_own_values():
    first, second = ArticleFactory(headline="第一篇"), ArticleFactory(headline="第二篇")
    query = headline_of()
    assert query.rows(pk=first.pk)[0][0] == "第一篇"
    assert query.rows(pk=second.pk)[0][0] == "第二篇"
    assert query.rows(pk=0) == []


def test_rows_come_back_converted_as_the_queryset_gives_them():
    article = ArticleFactory()
    [(_headline, published_at)] = headline_of().rows(pk=article.pk)
    assert isinstance(published_at, datetime.datetime)
    assert published_at == article.published_at


def test_compiled_once_then_one_query_per_call():
    article = ArticleFactory()
    query = headline_of()
    query.rows(pk=article.pk)
    with (
        mock.patch.object(Article.objects, "published") as published,
        CaptureQueriesContext(connection) as queries,
    ):
        query.rows(pk=article.pk)
        query.rows(pk=article.pk)
    published.assert_not_called()  # not built again
    assert len(queries) == 2


def test_the_published_rule_sees_the_time_of_each_call_not_of_compiling():
    """A scheduled story appears by itself in a query compiled before its time came."""
    soon = timezone.now() + datetime.timedelta(minutes=5)
    article = ArticleFactory(published_at=soon)
    query = headline_of()
    assert query.rows(pk=article.pk) == []
    later = soon + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert query.rows(pk=article.pk)[0][0] == article.headline
    assert query.rows(pk=article.pk) == []


def test_drafts_and_withdrawn_stories_are_not_rows():
    draft = ArticleFactory(status=Article.Status.DRAFT)
    withdrawn = ArticleFactory(status=Article.Status.WITHDRAWN)
    query = headline_of()
    assert query.rows(pk=draft.pk) == []
    assert query.rows(pk=withdrawn.pk) == []


def test_in_lists_are_padded_to_a_fixed_size():
    articles = [ArticleFactory() for _ in range(3)]
    query = PreparedQuery(
        lambda: (
            Article.objects.published()
            .filter(pk__in=parameters("key", 5, KEY))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    )
    keys = [s.pk for s in articles]
    assert query.rows(**fill("key", keys[:2], 5, 0)) == [(keys[0],), (keys[1],)]
    assert len(query.rows(**fill("key", keys * 3, 5, 0))) == 3  # cut to 5, repeats once


def test_a_parameter_without_a_value_outside_a_prepared_query_is_refused():
    with pytest.raises(ValueError, match="no value"):
        list(Article.objects.filter(pk=Parameter("pk", KEY)))


def test_the_published_rule_still_works_in_ordinary_querysets():
    ArticleFactory()
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert Article.objects.published().count() == 1
    assert Article.objects.scheduled().count() == 1


def test_published_takes_any_now_value_or_expression():
    soon = timezone.now() + datetime.timedelta(minutes=5)
    article = ArticleFactory(published_at=soon)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert Article.objects.published(now=soon).filter(pk=article.pk).exists()
    assert not Article.objects.published(now=Now()).filter(pk=article.pk).exists()
    assert Article.objects.published(now=F("published_at")).filter(pk=article.pk).exists()


def test_rows_are_read_by_field_name():
    article = ArticleFactory(headline="按名读取")
    query = PreparedQuery(
        lambda: (
            Article.objects.published(now=NOW)
            .filter(pk=Parameter("pk", KEY))
            .annotate(status_label=Upper("status"))
            .values_list("headline", "pk", "section__name", "status_label")
        )
    )
    [row] = query.rows(pk=article.pk)
    assert row.headline == "按名读取" and row.pk == article.pk
    assert row.section__name == article.section.name
    assert row.status_label == "PUBLISHED"
    assert row == ("按名读取", article.pk, article.section.name, "PUBLISHED")  # still a tuple
