"""The "someone is editing" notice: only people who may edit count, and the notice goes
when they leave the form, save, or the story's status changes."""

import pytest
from django.urls import reverse

from articles import editorial
from articles.models import Article, EditPresence
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOTICE = "可能正在编辑"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def leave_url(article):
    return reverse("admin:articles_article_leave", args=[article.pk])


def present(article):
    return set(
        EditPresence.objects.filter(article=article).values_list("user__username", flat=True)
    )


def test_reading_a_story_read_only_is_not_editing(client_for, users):
    submitted = ArticleFactory(status=Article.Status.SUBMITTED, created_by=users["reporter"])
    client_for("reporter").get(change_url(submitted))  # may read, not change, submitted copy
    published = ArticleFactory(status=Article.Status.PUBLISHED)
    client_for("editor").get(change_url(published))  # only the chief corrects
    assert present(submitted) == set() and present(published) == set()
    assert NOTICE not in client_for("editor").get(change_url(submitted)).content.decode()
    assert present(submitted) == {"editor"}
    assert NOTICE in client_for("proofreader").get(change_url(submitted)).content.decode()


def test_leaving_the_form_clears_the_notice(client_for):
    article = ArticleFactory(status=Article.Status.SUBMITTED)
    editor, proofreader = client_for("editor"), client_for("proofreader")
    editor.get(change_url(article))
    proofreader.get(change_url(article))
    assert editor.get(leave_url(article)).status_code == 404  # only the beacon's POST
    response = editor.post(leave_url(article))
    assert response.status_code == 204
    assert present(article) == {"proofreader"}  # the others stay
    assert NOTICE not in proofreader.get(change_url(article)).content.decode()


def test_a_status_change_clears_every_notice(client_for, users):
    article = ArticleFactory(status=Article.Status.SUBMITTED)
    client_for("editor").get(change_url(article))
    client_for("proofreader").get(change_url(article))
    editorial.apply_transition(users["editor"], article, "finish_editing")
    assert present(article) == set()


def test_the_beacon_for_a_story_that_is_not_there_or_a_stranger(client, client_for):
    assert client_for("editor").post("/admin/articles/article/999999/leave/").status_code == 404
    article = ArticleFactory(status=Article.Status.SUBMITTED)
    client_for("editor").get(change_url(article))
    response = client.post(leave_url(article))  # not signed in: sent to the login page
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert present(article) == {"editor"}


def test_the_change_form_carries_the_beacon_script(client_for):
    article = ArticleFactory(status=Article.Status.SUBMITTED)
    html = client_for("editor").get(change_url(article)).content.decode()
    assert "admin/presence.js" in html
