"""Keep the search index in step with stories, their credits, photos and tags.

Side effects only; connected once by ``connect()`` from ``ArticlesConfig.ready()``.
Fixture loading (``raw``) is handled too, so the seed edition is searchable as
soon as it is loaded.  ``QuerySet.update()`` sends no signal; that is why the
index holds every story and visibility is decided at query time (``indexing``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag, TaggedItem

from people.models import Person

from ..models import Article, Byline, Photo
from .indexing import index_articles, remove_article


def article_saved(sender, instance, using, **kwargs):
    index_articles([instance.pk], using=using)


def article_deleted(sender, instance, using, **kwargs):
    remove_article(instance.pk, using=using)


def part_changed(sender, instance, using, **kwargs):
    """A byline or photo was saved or deleted: its story's text changed."""
    if instance.article_id is not None:
        index_articles([instance.article_id], using=using)


def person_saved(sender, instance, using, raw=False, **kwargs):
    if raw:  # a fixture's bylines reindex their stories themselves
        return
    pks = Byline.objects.using(using).filter(person=instance).values_list("article_id", flat=True)
    index_articles(set(pks), using=using)


def _is_article(tagged_item):
    return tagged_item.content_type_id == ContentType.objects.get_for_model(Article).pk


def tagged_item_saved(sender, instance, using, raw=False, **kwargs):
    # Taggit's manager reports its changes through m2m_changed; fixtures only through this.
    if raw and _is_article(instance):
        index_articles([instance.object_id], using=using)


def tagged_item_deleted(sender, instance, using, **kwargs):
    if _is_article(instance):
        index_articles([instance.object_id], using=using)


def tags_changed(sender, instance, action, pk_set, using, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Article):
        index_articles([instance.pk], using=using)


def tag_saved(sender, instance, using, raw=False, created=False, **kwargs):
    if raw or created:
        return
    pks = TaggedItem.objects.using(using).filter(
        tag=instance, content_type=ContentType.objects.get_for_model(Article)
    )
    index_articles(set(pks.values_list("object_id", flat=True)), using=using)


def connect():
    uid = "articles.search."
    post_save.connect(article_saved, sender=Article, dispatch_uid=uid + "article_saved")
    post_delete.connect(article_deleted, sender=Article, dispatch_uid=uid + "article_deleted")
    for model in (Byline, Photo):
        name = model._meta.model_name
        post_save.connect(part_changed, sender=model, dispatch_uid=f"{uid}{name}_saved")
        post_delete.connect(part_changed, sender=model, dispatch_uid=f"{uid}{name}_deleted")
    post_save.connect(person_saved, sender=Person, dispatch_uid=uid + "person_saved")
    post_save.connect(tagged_item_saved, sender=TaggedItem, dispatch_uid=uid + "tagged_saved")
    post_delete.connect(tagged_item_deleted, sender=TaggedItem, dispatch_uid=uid + "tagged_deleted")
    m2m_changed.connect(tags_changed, sender=TaggedItem, dispatch_uid=uid + "tags_changed")
    post_save.connect(tag_saved, sender=Tag, dispatch_uid=uid + "tag_saved")
