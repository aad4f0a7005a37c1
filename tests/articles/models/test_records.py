"""Who has a story open in the admin (EditPresence): noted on purpose, read without writing."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import EditPresence
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_reading_who_else_has_a_story_open_writes_nothing():
    User = get_user_model()
    article = ArticleFactory()
    editor, proofreader = User.objects.create(username="e"), User.objects.create(username="p")
    EditPresence.touch(article, editor)
    with CaptureQueriesContext(connection) as queries:
        others = EditPresence.others(article, proofreader)
    assert [presence.user for presence in others] == [editor]
    assert all(query["sql"].lstrip().upper().startswith("SELECT") for query in queries)
    assert not EditPresence.objects.filter(user=proofreader).exists()


def test_an_editor_seen_longer_ago_than_the_time_to_live_is_not_shown():
    User = get_user_model()
    article = ArticleFactory()
    editor, proofreader = User.objects.create(username="e"), User.objects.create(username="p")
    EditPresence.touch(article, editor)
    EditPresence.objects.update(
        seen_at=EditPresence.objects.get().seen_at
        - datetime.timedelta(seconds=EditPresence.TTL_SECONDS + 1)
    )
    assert EditPresence.others(article, proofreader) == []
    EditPresence.touch(article, editor)  # opened again: seen now
    assert len(EditPresence.others(article, proofreader)) == 1
