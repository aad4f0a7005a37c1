"""Renaming a person, role, section or tag: the request records the work, the worker does it.

These tests use the database backend and run django-tasks-db's own worker loop, as
``manage.py db_worker`` does, inside the test's transaction.
"""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from taggit.models import Tag

from articles.editorial import background
from articles.models import Article
from articles.models.records import PendingRefresh
from articles.search import search
from tests.factories import BylineFactory, PersonFactory, SectionFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings, monkeypatch):
    """Tasks wait in the database for the worker, as in production."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    # The worker checks its connection between tasks; here that connection is the
    # test's own transaction, which must stay open.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker(max_tasks=None):
    """Run the worker until no task is ready (or ``max_tasks`` have run)."""
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def stories_by(person, count):
    return [BylineFactory(person=person).article for _ in range(count)]


def stored(article):
    return Article.objects.get(pk=article.pk)


def shows(article, name):
    """Whether the story's stored page, its card and the search index show ``name``."""
    row = stored(article)
    results = search(name)
    in_index = article.pk in {hit.pk for hit in results[: results.count()]}
    pieces = (name in row.rendered["head"], name in row.listing["byline"], in_index)
    assert len(set(pieces)) == 1, f"story {article.pk} half-updated: {pieces}"
    return pieces[0]


def rename_in_admin(client, person, name):
    """Post the person's change form as a browser would, with the management form the
    change page rendered (one row per credit the inline shows)."""
    url = f"/admin/people/person/{person.pk}/change/"
    page = client.get(url).content.decode()
    data = dict(re.findall(r'name="(bylines-[\w-]+)"[^>]*value="(\d+)"', page))
    assert "bylines-TOTAL_FORMS" in data and "bylines-0-id" in data
    data.update(name=name, disambiguation="", unit=person.unit, is_staff="on")
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data, follow=False)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response, len(queries)


def test_a_rename_answers_in_the_same_queries_for_3_and_30_stories(admin_client, queued):
    few, many = PersonFactory(name="少稿记者"), PersonFactory(name="多稿记者")
    stories_by(few, 3)
    stories_by(many, 30)
    _response, for_few = rename_in_admin(admin_client, few, "少稿改名")
    _response, for_many = rename_in_admin(admin_client, many, "多稿改名")
    assert for_few == for_many


def test_the_worker_renders_the_renamed_reporters_stories(admin_client, queued):
    person = PersonFactory(name="何春林")
    articles = stories_by(person, 4)
    response, _queries = rename_in_admin(admin_client, person, "谭昕吾")

    # The request recorded the work and enqueued it; no story is rendered yet.
    assert not any(shows(article, "谭昕吾") for article in articles)
    assert all(shows(article, "何春林") for article in articles)
    assert DBTaskResult.objects.ready().count() == 1
    assert PendingRefresh.objects.count() == 1
    messages = [str(message) for message in response.wsgi_request._messages]
    assert "正在后台逐篇更新相关稿件，读者页面随之陆续显示修改。" in messages

    run_worker()
    assert all(shows(article, "谭昕吾") for article in articles)
    assert not any(shows(article, "何春林") for article in articles)
    assert not PendingRefresh.objects.exists()
    assert DBTaskResult.objects.successful().count() == 1


def test_each_chunk_commits_and_moves_the_page_cache_on(queued, monkeypatch):
    from articles.public import cache

    bumps = []
    monkeypatch.setattr(cache, "bump_generation", lambda: bumps.append(1))
    monkeypatch.setattr(background, "CHUNK", 2)
    person = PersonFactory(name="旧名")
    articles = stories_by(person, 5)
    person.name = "新名"
    person.save()
    bumps.clear()
    background.refresh_pending(chunks=1)
    assert [shows(article, "新名") for article in articles] == [True, True, False, False, False]
    assert len(bumps) == 1  # readers see the first two now
    assert PendingRefresh.objects.get().done_up_to == articles[1].pk
    background.refresh_pending()
    assert all(shows(article, "新名") for article in articles)
    assert len(bumps) == 3


def test_a_worker_killed_mid_way_leaves_no_story_stale(queued, monkeypatch):
    monkeypatch.setattr(background, "CHUNK", 2)
    person = PersonFactory(name="旧名")
    articles = stories_by(person, 5)
    person.name = "新名"
    person.save()
    # A worker claims the task, commits one chunk and is killed: django-tasks-db leaves
    # its task RUNNING and never runs it again.
    DBTaskResult.objects.ready().get().claim("killed-worker")
    background.refresh_pending(chunks=1)
    run_worker()
    assert [shows(article, "新名") for article in articles] == [True, True, False, False, False]

    # What the worker's start runs (make demo, the systemd unit): the rest is done.
    call_command("refresh_stories", verbosity=0)
    run_worker()
    assert all(shows(article, "新名") for article in articles)
    assert not PendingRefresh.objects.exists()


def test_a_second_rename_under_way_ends_with_the_newest_name(queued, monkeypatch):
    monkeypatch.setattr(background, "CHUNK", 2)
    person = PersonFactory(name="第一名")
    articles = stories_by(person, 5)
    person.name = "第二名"
    person.save()
    background.refresh_pending(chunks=1)
    person.name = "第三名"
    person.save()
    run_worker()
    assert all(shows(article, "第三名") for article in articles)
    assert not PendingRefresh.objects.exists()


def test_a_chunk_rendered_with_the_old_name_does_not_count(queued, monkeypatch):
    """The rename commits while the worker renders a chunk with the name before it."""
    from articles.editorial import effects

    monkeypatch.setattr(background, "CHUNK", 2)
    person = PersonFactory(name="第一名")
    articles = stories_by(person, 3)
    person.name = "第二名"
    person.save()
    original = effects.refresh_articles

    def rename_meanwhile(keys, **kwargs):
        original(keys, **kwargs)
        if person.name == "第二名":
            person.name = "第三名"
            person.save()

    monkeypatch.setattr(effects, "refresh_articles", rename_meanwhile)
    background.refresh_pending(chunks=1)
    assert PendingRefresh.objects.get().done_up_to == 0  # starts over
    run_worker()
    assert all(shows(article, "第三名") for article in articles)


def test_a_story_edited_while_its_chunk_renders_keeps_its_edit(queued, monkeypatch):
    """The editor's own rendering lands before the chunk's older one: rendered again."""
    from django.db.models import F

    from articles.editorial import effects

    person = PersonFactory(name="旧名")
    articles = stories_by(person, 3)
    person.name = "新名"
    person.save()
    original = effects.refresh_articles

    def edited_meanwhile(keys, **kwargs):
        original(keys, **kwargs)
        if len(keys) == 3:  # the chunk, not the story rendered again
            Article.objects.filter(pk=articles[1].pk).update(
                headline="编辑刚改的标题", revision=F("revision") + 1
            )

    monkeypatch.setattr(effects, "refresh_articles", edited_meanwhile)
    run_worker()
    assert "编辑刚改的标题" in stored(articles[1]).listing["card"]
    assert all(shows(article, "新名") for article in articles)


def test_a_roster_name_linked_to_the_person_is_rendered_again(queued):
    from tests.factories import AwardRosterFactory

    person = PersonFactory(name="漆志")
    article = make_article(bylines=0)
    roster = AwardRosterFactory(article=article, title="冠军", stated_count=1)
    roster.set_names(["漆志"], {"漆志": person})
    assert background.stories_after(type(person), person.pk) == [article.pk]


def test_renaming_a_section_renders_its_stories_in_the_background(queued):
    section = SectionFactory(name="旧栏目")
    articles = [make_article(section=section) for _ in range(3)]
    section.name = "新栏目"
    section.save()
    assert not any("新栏目" in stored(article).rendered["page_top"] for article in articles)
    run_worker()
    assert all("新栏目" in stored(article).rendered["page_top"] for article in articles)


def test_deleting_a_tag_takes_it_off_its_stories_in_the_background(queued):
    articles = [make_article() for _ in range(3)]
    for article in articles:
        article.tags.add("将删标签")
    assert all("将删标签" in stored(article).rendered["html"] for article in articles)
    Tag.objects.get(name="将删标签").delete()
    assert all("将删标签" in stored(article).rendered["html"] for article in articles)
    run_worker()
    assert not any("将删标签" in stored(article).rendered["html"] for article in articles)


def test_a_new_person_or_tag_enqueues_nothing(queued):
    PersonFactory()
    make_article(bylines=0).tags.add("新标签")
    assert not PendingRefresh.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_the_change_form_shows_only_the_newest_credits(admin_client, monkeypatch):
    from articles.admin.reference import NewestFormSet

    monkeypatch.setattr(NewestFormSet, "limit", 2)
    person = PersonFactory(name="多产记者")
    articles = stories_by(person, 3)
    page = admin_client.get(f"/admin/people/person/{person.pk}/change/").content.decode()
    assert 'name="bylines-TOTAL_FORMS" value="2"' in page
    assert articles[2].headline in page and articles[0].headline not in page


def test_the_queue_is_listed_read_only_in_the_admin_in_chinese(admin_client, queued):
    person = PersonFactory(name="旧名")
    stories_by(person, 1)
    person.name = "新名"
    person.save()
    page = admin_client.get("/admin/django_tasks_database/dbtaskresult/").content.decode()
    assert "后台任务" in page and "refresh_stories" in page
    assert "/admin/django_tasks_database/dbtaskresult/add/" not in page
