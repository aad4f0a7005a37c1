"""Rendering again, in the background, the stories of a renamed person, role, section or tag.

A byline prints its person's name, so renaming a reporter changes every story they
are credited on: 33,432 of them for the most prolific at 100 k stories.  That work
grows with the archive, so it never runs in the request.  The save only writes one
``PendingRefresh`` row for the reference, in its own transaction, and enqueues
``refresh_stories`` when that commits.  The worker (``manage.py db_worker``) then
renders and indexes the stories in key order, ``CHUNK`` at a time, each chunk in a
transaction of its own with the row's progress (``effects.refresh_articles``): readers
see the new name story by story, and a killed worker loses at most the chunk it was on.

The rows, not the task, are the work list.  django-tasks-db leaves a task whose
worker died ``RUNNING`` and never runs it again; whatever run comes next (the next
rename's, or the one ``manage.py refresh_stories`` enqueues when the worker starts)
takes up every row where its last chunk left it.
"""

import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.tasks import task
from django_tasks_db.utils import is_locked_database_exception
from taggit.models import Tag, TaggedItem

from articles.editorial import effects
from articles.models import Article, Byline, Role, RosterEntry, Section
from articles.models.records import PendingRefresh
from people.models import Person

# Stories rendered and indexed per transaction: readers see each chunk when it commits.
# Small enough that the rows a chunk writes stay locked (an editor saving one of them
# waits) for seconds, not minutes: at 100 k a story took 90 to 150 ms to render and index
# on a busy 2-core machine, most of it finding its related stories.
CHUNK = 100
# Seconds one run works before it hands the rest to a new task, so that a worker asked
# to stop (it lets the running task finish) stops soon.
RUN_SECONDS = 20

# Reference rows that many stories show: their saves render the stories here, not in the request.
MODELS = (Person, Role, Section, Tag)


def _sources(model, object_id):
    """(queryset, key field) pairs naming the stories whose rendering shows this row."""
    if model is Person:
        return [
            (Byline.objects.filter(person=object_id), "article_id"),
            (RosterEntry.objects.filter(person=object_id), "roster__article_id"),
        ]
    if model is Role:
        return [(Byline.objects.filter(role=object_id), "article_id")]
    if model is Section:
        return [(Article.objects.filter(section=object_id), "pk")]
    if model is Tag:
        article_type = ContentType.objects.get_for_model(Article)
        tagged = TaggedItem.objects.filter(tag=object_id, content_type=article_type)
        return [(tagged, "object_id")]
    if model is Article:  # one story, recorded by key when what it showed was deleted
        return [(Article.objects.filter(pk=object_id), "pk")]
    return []


def stories_after(model, object_id, after=0, limit=None):
    """The first ``limit`` (``CHUNK``) keys above ``after`` of the stories that show this
    row, in order."""
    limit = limit or CHUNK
    keys = set()
    for queryset, key in _sources(model, object_id):
        found = queryset.filter(**{f"{key}__gt": after}).order_by(key)
        keys.update(found.values_list(key, flat=True).distinct()[:limit])
    return sorted(keys)[:limit]


def refresh_later(model, object_ids, *, using=None):
    """Note, in the current transaction, that the stories showing these rows need
    rendering again, and enqueue the worker's run when it commits.

    One statement whatever the number of stories: the stories themselves are found by
    the worker.  A row already waiting starts over under a new token, so a chunk the
    worker is rendering with the old name is not counted as done.
    """
    using = using or DEFAULT_DB_ALIAS
    content_type = ContentType.objects.db_manager(using).get_for_model(model)
    token = uuid.uuid4()
    PendingRefresh.objects.using(using).bulk_create(
        [PendingRefresh(content_type=content_type, object_id=pk, token=token) for pk in object_ids],
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=["token", "done_up_to", "requested_at"],
    )
    connection = connections[using]
    if not any(callback is _enqueue for _sids, callback, _robust in connection.run_on_commit):
        transaction.on_commit(_enqueue, using=using, robust=True)


def resume():
    """Enqueue a run if rows wait (a worker starting after one was killed); returns how many."""
    waiting = PendingRefresh.objects.count()
    if waiting:
        refresh_stories.enqueue()
    return waiting


def _enqueue():
    # The rows are committed already: if enqueueing fails, the next run still finds them.
    refresh_stories.enqueue()


def stories_showing_deleted(instance):
    """Keys of every story that shows ``instance``, read before it is deleted (its links
    to them go with it).  A list, as Django's delete loads the linking rows anyway."""
    keys, after = [], 0
    while chunk := stories_after(type(instance), instance.pk, after):
        keys += chunk
        after = chunk[-1]
    return keys


@task
def refresh_stories():
    """Render and index the stories the work list names; returns how many were done.

    Runs for ``RUN_SECONDS`` at most, then enqueues itself for the rest.
    """
    try:
        done, finished = refresh_pending(seconds=RUN_SECONDS)
    except OperationalError as error:
        # SQLite (development): another process wrote while a chunk was being read, and
        # the chunk was rolled back.  Try again in a new run; any other error stays one.
        if not is_locked_database_exception(error):
            raise
        done, finished = 0, False
    if not finished:
        refresh_stories.enqueue()
    return done


def refresh_pending(*, seconds=None, chunks=None, using=DEFAULT_DB_ALIAS):
    """Work through the list, chunk by chunk, until it is empty or ``seconds`` have
    passed (or ``chunks`` were done); returns (stories rendered, whether the list is empty).
    """
    deadline = None if seconds is None else time.monotonic() + seconds
    done = count = 0
    while True:
        if (deadline is not None and time.monotonic() > deadline) or count == chunks:
            return done, not PendingRefresh.objects.using(using).exists()
        pending = (
            PendingRefresh.objects.using(using)
            .select_related("content_type")
            .order_by("pk")
            .first()
        )
        if pending is None:
            return done, True
        done += refresh_chunk(pending, using=using)
        count += 1


def refresh_chunk(pending, *, using=DEFAULT_DB_ALIAS):
    """Render the next chunk of ``pending``'s stories and record it, in one transaction.

    Progress is recorded only if the row is as it was read: a rename since (new token)
    or another worker (moved on) makes this chunk count for nothing, and the row is
    read again.
    """
    model = pending.content_type.model_class()
    with transaction.atomic(using=using):
        keys = stories_after(model, pending.object_id, pending.done_up_to) if model else []
        same = PendingRefresh.objects.using(using).filter(
            pk=pending.pk, token=pending.token, done_up_to=pending.done_up_to
        )
        if keys:
            before = _versions(keys, using)
            effects.refresh_articles(keys, using=using)
            # A story an editor saved while the chunk was rendering may have had its own
            # fresh rendering overwritten by this older one: render it once more.
            if edited := {row[0] for row in before ^ _versions(keys, using)}:
                effects.refresh_articles(edited, using=using)
            same.update(done_up_to=keys[-1])
        else:
            same.delete()
    return len(keys)


def _versions(keys, using):
    """What changes when a story is edited (a new revision) or moved between states."""
    fields = ("pk", "revision", "status", "published_at")
    return set(Article.objects.using(using).filter(pk__in=keys).values_list(*fields))
