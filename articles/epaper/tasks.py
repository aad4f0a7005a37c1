"""Making a page's 数字报 again, in the background, when a change to what it prints commits.

A story edited, placed, moved, signed off, withdrawn or deleted, its photos changed, a
page's label or staff changed: ``mark_stale`` runs once per transaction after it
commits (``editorial.effects.run_effects``) and writes one ``StalePage`` row per page
it touched, whatever the number of stories: the page the story is on now, and the page
whose 数字报 was made with it (``PrintedStory``), so that a story moved or deleted
remakes its old page too.  Only pages already in the 数字报 (with a ``PagePrint``) are
marked, published or not: the flatplan shows tonight's pages to staff as readers see
the published ones.  It then enqueues ``remake_pages``; nothing is made in the request.

The rows, not the task, are the work list (as in ``editorial.background``).  The worker
(``manage.py db_worker``) claims one page at a time (``claimed_until``: a second worker
takes another page, and a dead worker's page is taken again once its claim ran out),
makes it with ``refresh.remake_page`` and deletes the row, unless the page changed
again meanwhile (a new token): then it is made once more.  A page that fails is logged
and set aside for a while; the other pages are made, and its row waits.
"""

import logging
import time
import uuid
from datetime import timedelta

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F, Q
from django.tasks import task
from django.utils import timezone

from articles.epaper import refresh

logger = logging.getLogger(__name__)

# How long a worker holds a page it is making; a page takes seconds, so a claim this old
# is a dead worker's.
CLAIM = timedelta(minutes=10)
# A page that failed waits this long before it is tried again, doubling with each
# failure up to ``RETRY_MAX``; a new change to it starts the count again.
RETRY, RETRY_MAX = timedelta(minutes=1), timedelta(minutes=15)
# Seconds one run works before it hands the rest to a new task, so a worker asked to
# stop (it lets the running task finish) stops soon.
RUN_SECONDS = 60


def stale_pages(articles=(), pages=(), *, using=DEFAULT_DB_ALIAS):
    """Keys of the pages in the 数字报 that show ``articles`` (now, or when last made)
    or are among ``pages``: one query."""
    from articles.models import Article, Page
    from articles.models.epaper import PrintedStory

    shown = Q(pk__in=list(pages))
    if articles:
        articles = list(articles)
        placed = Article.objects.using(using).filter(pk__in=articles).values("page")
        printed = PrintedStory.objects.using(using).filter(article_id__in=articles)
        shown |= Q(pk__in=placed) | Q(pk__in=printed.values("page"))
    in_epaper = Page._base_manager.using(using).filter(print_sheet__isnull=False)
    return list(in_epaper.filter(shown).order_by().values_list("pk", flat=True).distinct())


def mark_stale(articles=(), pages=(), *, using=DEFAULT_DB_ALIAS):
    """Mark the pages that show ``articles`` or are ``pages`` to be made again, and enqueue
    the worker's run once the current transaction (if any) commits.  Two queries however
    many stories and pages (and the task's row when it is enqueued); returns the keys of
    the pages marked.

    A page already waiting gets a new token (a worker making it now will make it once
    more) and its failures are forgotten; its place in the list is kept.
    """
    from articles.models.epaper import StalePage

    if not articles and not pages:
        return []
    keys = stale_pages(articles, pages, using=using)
    if not keys:
        return []
    token, now = uuid.uuid4(), timezone.now()
    StalePage.objects.using(using).bulk_create(
        [StalePage(page_id=pk, token=token, marked_at=now) for pk in keys],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["token", "attempts"],
    )
    connection = connections[using]
    if not any(callback is _enqueue for _sids, callback, _robust in connection.run_on_commit):
        transaction.on_commit(_enqueue, using=using, robust=True)
    return keys


def _enqueue():
    # The rows are committed already: if enqueueing fails, ``resume`` finds them.
    remake_pages.enqueue()


def resume():
    """Enqueue a run if pages wait (a worker starting after one was killed); returns how
    many wait."""
    from articles.models.epaper import StalePage

    waiting = StalePage.objects.count()
    if waiting:
        remake_pages.enqueue()
    return waiting


@task
def remake_pages():
    """Bring the waiting pages up to date; returns how many were done (made again, or
    found unchanged).

    Runs for ``RUN_SECONDS`` at most, then enqueues itself for the rest.
    """
    done, finished = remake_pending(seconds=RUN_SECONDS)
    if not finished:
        remake_pages.enqueue()
    return done


def remake_pending(*, seconds=None, using=DEFAULT_DB_ALIAS):
    """Make the pages the list names, one claimed page at a time, until none is free to
    take or ``seconds`` have passed.  Returns (pages done, whether none is left to take
    now: pages set aside after a failure or claimed by another worker are not waited for).
    """
    deadline = None if seconds is None else time.monotonic() + seconds
    done = 0
    while deadline is None or time.monotonic() < deadline:
        mark = claim_next(using=using)
        if mark is None:
            return done, True
        done += remake_marked(mark, using=using)
    return done, claim_next(using=using, peek=True) is None


def _free(now):
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def claim_next(*, using=DEFAULT_DB_ALIAS, peek=False):
    """The oldest waiting page no worker holds, now claimed by this one (None if there is
    none).  The claim is one conditional update: of two workers, one gets it."""
    from articles.models.epaper import StalePage

    marks = StalePage.objects.using(using)
    while True:
        now = timezone.now()
        mark = marks.filter(_free(now)).order_by("marked_at", "pk").first()
        if mark is None or peek:
            return mark
        claimed_until = now + CLAIM
        if marks.filter(_free(now), pk=mark.pk).update(claimed_until=claimed_until):
            mark.claimed_until = claimed_until
            return mark


def remake_marked(mark, *, using=DEFAULT_DB_ALIAS):
    """Bring ``mark``'s page up to date and clear the mark; returns 1 if that was done.

    A failure is logged with the page and kept on the row (tried again after ``RETRY``,
    doubling); it does not stop the run.  A page deleted meanwhile took its mark with it.
    """
    from articles.models import Page
    from articles.models.epaper import StalePage

    marks = StalePage.objects.using(using).filter(pk=mark.pk)
    page = Page.objects.using(using).filter(pk=mark.page_id).first()
    if page is None:
        marks.delete()
        return 0
    try:
        made = refresh.remake_page(page)
    except Exception as error:
        logger.exception("数字报: making page %s (%s) again failed", page.pk, page)
        wait = min(RETRY * 2**mark.attempts, RETRY_MAX)
        marks.update(
            claimed_until=timezone.now() + wait,
            attempts=F("attempts") + 1,
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        return 0
    if not marks.filter(token=mark.token).delete()[0]:
        marks.update(claimed_until=None)  # changed while it was made: make it again
    logger.info(
        "数字报: page %s made again (pdf %s, %d images, %d areas)",
        page,
        "made" if made.pdf else "kept",
        made.images,
        made.areas,
    )
    return 1
