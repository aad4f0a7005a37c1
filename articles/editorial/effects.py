"""Side effects of a change, put off until its transaction commits.

Every change the core makes (``core.py``) and every reference-data save
(``signal_handlers.py``) asks for the stories, photos and navigation it touched
to be refreshed; one ``on_commit`` callback per transaction then renders the
stories' stored HTML (``public.fragments``), updates the search index, makes or
deletes image renditions, moves the page cache on and marks the printed pages
whose 数字报 must be made again (``articles.epaper.tasks``).  Those rooms are imported
only inside ``run_effects``: the core itself knows nothing of them.

Work that grows with the archive (the stories of a renamed reporter) is not done
here in the request: ``background.py`` records it and a worker renders the stories
in chunks through ``refresh_articles``.
"""

from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from articles.models import Photo


@dataclass
class _Pending:
    articles: set = field(default_factory=set)
    photos: set = field(default_factory=set)
    removed_photos: set = field(default_factory=set)
    navigation: bool = False
    pages: set = field(default_factory=set)  # pages whose printed look changed (数字报)


_PENDING_ATTRIBUTE = "newsroom_pending_effects"


def schedule_effects(
    articles=(), *, photos=(), removed_photos=(), navigation=False, pages=(), using=None
):
    """Render, index and refresh after the current transaction commits, once per transaction.

    Every call in one transaction adds to the same pending set; one on_commit
    callback then does the work for all of them.  Outside a transaction the work
    runs at once.  A rolled-back transaction drops its callback, and the next
    transaction starts a fresh set.
    """
    using = using or DEFAULT_DB_ALIAS
    connection = connections[using]
    pending = getattr(connection, _PENDING_ATTRIBUTE, None)
    registered = pending is not None and any(
        getattr(callback, "newsroom_pending", None) is pending
        for _sids, callback, _robust in connection.run_on_commit
    )
    if not registered:
        pending = _Pending()
        setattr(connection, _PENDING_ATTRIBUTE, pending)

        def callback():
            if getattr(connection, _PENDING_ATTRIBUTE, None) is pending:
                setattr(connection, _PENDING_ATTRIBUTE, None)
            run_effects(pending, using)

        callback.newsroom_pending = pending
    pending.articles.update(pk for pk in articles if pk)
    pending.photos.update(photos)
    pending.removed_photos.update(removed_photos)
    pending.navigation |= navigation
    pending.pages.update(pages)
    if not registered:
        transaction.on_commit(callback, using=using, robust=True)


def refresh_articles(articles, *, using=None):
    """Render and index ``articles`` now, inside the caller's transaction; the page cache
    moves on once that transaction commits.

    For background work that records its progress in the same transaction
    (``background.py``): a chunk's renderings and the note that they are done commit
    together or not at all, and readers see the chunk as soon as it commits.
    """
    using = using or DEFAULT_DB_ALIAS
    run_effects(_Pending(articles=set(articles)), using, caches=False)
    schedule_effects(using=using)


def run_effects(pending, using=DEFAULT_DB_ALIAS, *, caches=True):
    """The work ``schedule_effects`` put off: renderings, index, renditions, caches, and
    the 数字报's pages marked for the worker to make again."""
    from articles.epaper import tasks as epaper
    from articles.photos import renditions
    from articles.public import cache, fragments
    from articles.search.indexing import index_articles

    if pending.articles:
        fragments.render(pending.articles)
        index_articles(pending.articles, using=using)
    for pk in pending.removed_photos:
        renditions.delete(pk)
    for photo in Photo.objects.using(using).filter(pk__in=pending.photos):
        renditions.refresh(photo)
    if caches:
        if pending.navigation:
            cache.forget_navigation()
        cache.bump_generation()
    # Last, so that a failure here leaves the renderings and caches done; the pages of
    # every story of the transaction in two queries.
    epaper.mark_stale(pending.articles, pending.pages, using=using)
