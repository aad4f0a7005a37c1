"""Keeping the index in step with the stories.

Every stored story is indexed whatever its status, and visibility is decided
when a reader searches, by ``Article.objects.published()``: a scheduled story
must appear by itself when its time comes, and ``ArticleQuerySet.publish()`` /
``withdraw()`` change status with ``update()``, which sends no signal.  Deciding
visibility at index time would leave the index wrong in both cases.
"""

from django.db import transaction

from articles.models import Article
from articles.search.backends import get_backend
from articles.search.documents import document_for

CHUNK_SIZE = 500


def _with_search_fields(queryset):
    return queryset.for_search_index().order_by()


def index_articles(pks, using="default"):
    """(Re)index the stories with these primary keys; ones that no longer exist are removed."""
    pks = set(pks)
    if not pks:
        return 0
    articles = list(_with_search_fields(Article.objects.using(using).filter(pk__in=pks)))
    backend = get_backend(using)
    backend.upsert([document_for(article) for article in articles])
    gone = pks - {article.pk for article in articles}
    if gone:
        backend.remove(gone)
    return len(articles)


def index_article(article, using="default"):
    return index_articles([article.pk], using=using)


def remove_article(pk, using="default"):
    get_backend(using).remove([pk])


def rebuild(progress=None, using="default", chunk_size=CHUNK_SIZE):
    """Empty the index and index every story again; returns how many were indexed.

    ``progress(count)`` is called after each chunk with the number just indexed.
    """
    pks = list(Article.objects.using(using).order_by("pk").values_list("pk", flat=True))
    backend = get_backend(using)
    with transaction.atomic(using=using):
        backend.clear()
        for start in range(0, len(pks), chunk_size):
            chunk = pks[start : start + chunk_size]
            index_articles(chunk, using=using)
            if progress is not None:
                progress(len(chunk))
    return len(pks)
