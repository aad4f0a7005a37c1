"""Side effects of saving what stories show but the editorial core does not write.

Stories and their parts change only through ``articles.editorial``, which schedules
its own side effects.  These handlers cover the rest, each by asking the core to
schedule the same side effects for the stories that show the saved row:

- reference data edited in its own admin (people, roles, sections, pages,
  editions): a renamed reporter or page is printed in every story that shows it;
- django-taggit's models, whose saves have no other hook (tags are attached to
  a story inside the core's change, but a renamed tag shows on its stories).

People, roles, sections and tags are shown by stories in numbers that grow with
the archive: their saves and deletes record the stories for the background worker
(``background.py``) and do in the request only what does not grow (the page cache,
the navigation).  Pages, editions and a story's own tags show on a handful of stories,
rendered again on commit as the core's changes are.

Connected once in AppConfig.ready().
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from taggit.models import Tag, TaggedItem

from articles import editorial
from articles.editorial import background
from articles.models import Article, Edition, Page, Role, Section
from people.models import Person

# Reference rows a reader's page shows: a saved one renders the stories that show it again.
REFERENCE_MODELS = (Person, Role, Section, Page, Edition)


def articles_showing(instance):
    """Primary keys of the stories whose own rendering shows ``instance``, a row that only
    a handful of stories show (those of ``background.MODELS`` are found by the worker)."""
    if isinstance(instance, Page):  # its label and name are in the story's print line
        return list(Article.objects.filter(page=instance).values_list("pk", flat=True))
    if isinstance(instance, Edition):
        return list(Article.objects.filter(page__edition=instance).values_list("pk", flat=True))
    article_type = ContentType.objects.get_for_model(Article).pk
    if isinstance(instance, TaggedItem) and instance.content_type_id == article_type:
        return [instance.object_id]
    return []


def reference_saved(sender, instance, created=False, raw=False, using=None, **kwargs):
    # Fixtures load rows in any order; the seed loader schedules its stories itself.
    if raw:
        return
    navigation = isinstance(instance, Section)
    if isinstance(instance, background.MODELS):
        if not created:  # a row just made is on no story yet
            background.refresh_later(type(instance), [instance.pk], using=using)
        editorial.schedule_effects(navigation=navigation, using=using)
    else:
        # A page's label, name and staff are printed on it: its 数字报 is made again.
        pages = [instance.pk] if isinstance(instance, Page) else ()
        editorial.schedule_effects(
            articles_showing(instance), pages=pages, navigation=navigation, using=using
        )


def reference_deleted(sender, instance, using=None, origin=None, **kwargs):
    navigation = isinstance(instance, Section)
    if isinstance(instance, background.MODELS):  # reference_deleting noted its stories
        editorial.schedule_effects(navigation=navigation, using=using)
    elif not (isinstance(instance, TaggedItem) and _deleted_with_its_tag(origin)):
        editorial.schedule_effects(articles_showing(instance), navigation=navigation, using=using)


def reference_deleting(sender, instance, using=None, **kwargs):
    """Before a person or tag goes, note the stories that show it: the rows linking them
    (roster names, tagged items) go first.  Roles, sections and credited people are
    protected from deletion while a story shows them."""
    keys = background.stories_showing_deleted(instance)
    if keys:
        background.refresh_later(Article, keys, using=using)


def _deleted_with_its_tag(origin):
    # Deleting a tag deletes its tagged items: reference_deleting noted their stories.
    return isinstance(origin, Tag) or (isinstance(origin, QuerySet) and origin.model is Tag)


def tags_changed(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and isinstance(instance, Article):
        editorial.schedule_effects([instance.pk], using=using)


def connect():
    for model in (*REFERENCE_MODELS, Tag, TaggedItem):
        name = model.__name__
        post_save.connect(reference_saved, sender=model, dispatch_uid=f"effects-save-{name}")
        post_delete.connect(reference_deleted, sender=model, dispatch_uid=f"effects-del-{name}")
    for model in background.MODELS:
        name = model.__name__
        pre_delete.connect(
            reference_deleting, sender=model, dispatch_uid=f"effects-deleting-{name}"
        )
    m2m_changed.connect(tags_changed, sender=Article.tags.through, dispatch_uid="effects-tags")
