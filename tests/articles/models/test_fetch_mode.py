"""How a relation that a queryset did not load is fetched (NEWSROOM_FETCH_MODE)."""

import pytest
from django.core.exceptions import FieldFetchBlocked, ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Byline, Page
from tests.factories import ArticleFactory, PageFactory, SectionFactory, make_article


def test_the_suite_fails_on_a_relation_no_queryset_selected(db):
    ArticleFactory(section=SectionFactory())
    with pytest.raises(FieldFetchBlocked):
        Article.objects.get().section  # noqa: B018
    assert Article.objects.select_related("section").get().section is not None


def test_production_loads_a_forgotten_relation_for_the_whole_list_at_once(db, settings):
    settings.NEWSROOM_FETCH_MODE = "peers"
    for _ in range(3):
        ArticleFactory(section=SectionFactory())
    articles = list(Article.objects.all())
    with CaptureQueriesContext(connection) as queries:
        names = [article.section.name for article in articles]
    assert len(names) == 3 and len(queries) == 1


def test_an_unknown_fetch_mode_is_refused(db, settings):
    settings.NEWSROOM_FETCH_MODE = "lazy"
    with pytest.raises(ImproperlyConfigured, match="NEWSROOM_FETCH_MODE"):
        Article.objects.all()


def test_pages_come_with_their_edition_and_bylines_with_person_and_role(db):
    """What names them (``__str__``) is read in the same query, wherever Django loads them."""
    article = make_article(bylines=2, page=PageFactory())
    with CaptureQueriesContext(connection) as queries:
        page_names = [str(page) for page in Page.objects.all()]
        credits = [str(byline) for byline in Byline.objects.filter(article=article)]
        credit_line = Article.objects.get(pk=article.pk).byline_text
    assert len(page_names) == 1 and len(credits) == 2 and credit_line
    assert len(queries) == 4  # pages; bylines; the story, then its bylines
