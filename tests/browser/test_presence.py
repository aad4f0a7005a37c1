"""In Chromium: an editor who leaves a story's form without saving no longer shows as
editing it (the form's beacon), and one who only reads a story never did."""

import importlib
import time
from types import SimpleNamespace

import pytest

from articles.models import Article, EditPresence
from tests.factories import ArticleFactory

PASSWORD = "newsroom-demo"


@pytest.fixture
def open_as(live_server, transactional_db, browser):
    from django.apps import apps
    from django.db import connection

    from articles.management.demo import ensure_demo_users

    # A transactional test starts from flushed tables: the roles and groups come back first.
    importlib.import_module("articles.migrations.0002_default_roles").create_roles(apps, None)
    groups = importlib.import_module("articles.migrations.0003_editorial_groups")
    groups.create_groups(apps, SimpleNamespace(connection=connection))
    ensure_demo_users()
    contexts = []

    def log_in(username):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():  # the sign-in answered before going on
            page.click("input[type=submit]")
        return page

    yield live_server.url, log_in
    for context in contexts:
        context.close()


def editing(article):
    return set(
        EditPresence.objects.filter(article=article).values_list("user__username", flat=True)
    )


def wait_until(condition, seconds=5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_leaving_the_form_clears_the_notice_at_once(open_as):
    url, log_in = open_as
    article = ArticleFactory(status=Article.Status.SUBMITTED, published_at=None)
    editor = log_in("editor")
    editor.goto(f"{url}/admin/articles/article/{article.pk}/change/")
    assert editing(article) == {"editor"}
    editor.goto(f"{url}/admin/")  # away, without saving
    assert wait_until(lambda: editing(article) == set())

    reporter = log_in("reporter")  # submitted copy is read-only for a reporter
    reporter.goto(f"{url}/admin/articles/article/{article.pk}/change/")
    assert editing(article) == set()
