"""A story signed off for a page of a past edition is that edition's news: it keeps the
edition's date as its public date, unless the chief sets another; the status history
still records when it was really signed off."""

import datetime

import pytest
from django.utils import timezone

from articles import editorial
from articles.models import Article, StatusChange
from tests.factories import ArticleFactory, EditionFactory, PageFactory

pytestmark = pytest.mark.django_db


def proofread_on(page):
    return ArticleFactory(status=Article.Status.PROOFREAD, published_at=None, page=page)


def page_of(date):
    return PageFactory(edition=EditionFactory(date=date), label="A05")


def local(moment):
    return timezone.localtime(moment)


def test_signed_off_for_a_past_edition_it_keeps_the_editions_date(users, client):
    page = page_of(datetime.date(2023, 12, 26))
    article = proofread_on(page)
    before = timezone.now()
    editorial.apply_transition(users["chief"], article, "sign_off")
    stored = Article.objects.get(pk=article.pk)
    assert local(stored.published_at).date() == datetime.date(2023, 12, 26)
    assert local(stored.published_at).time() == datetime.time(6, 0)
    # The history keeps the real time of the sign-off.
    assert stored.signed_off_at >= before
    assert StatusChange.objects.get(article=article).created_at >= before
    # Readers find it under that day's edition and page.
    assert stored in Article.objects.published()
    html = client.get("/editions/2023-12-26/A05/").content.decode()
    assert article.headline in html


def test_the_chief_may_set_another_date(users):
    article = proofread_on(page_of(datetime.date(2023, 12, 26)))
    chosen = timezone.now() - datetime.timedelta(hours=2)
    editorial.apply_transition(users["chief"], article, "sign_off", when=chosen)
    assert Article.objects.get(pk=article.pk).published_at == chosen


@pytest.mark.parametrize("days", [0, 1], ids=["today's paper", "tomorrow's paper"])
def test_todays_or_a_later_paper_is_published_now(users, days):
    article = proofread_on(page_of(timezone.localdate() + datetime.timedelta(days=days)))
    before = timezone.now()
    editorial.apply_transition(users["chief"], article, "sign_off")
    published_at = Article.objects.get(pk=article.pk).published_at
    assert before <= published_at <= timezone.now()


def test_a_story_on_no_page_is_published_now(users):
    article = proofread_on(None)
    before = timezone.now()
    editorial.apply_transition(users["chief"], article, "sign_off")
    assert Article.objects.get(pk=article.pk).published_at >= before


def test_through_the_admin_the_edition_date_is_kept_too(users, client_for):
    from django.urls import reverse

    article = proofread_on(page_of(datetime.date(2023, 12, 26)))
    url = reverse("admin:articles_article_transition", args=[article.pk])
    client_for("chief").post(url, {"name": "sign_off"})
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == Article.Status.PUBLISHED
    assert local(stored.published_at).date() == datetime.date(2023, 12, 26)
