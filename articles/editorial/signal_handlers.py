"""Side effects of saving what stories show but the editorial core does not write.

Stories and their parts change only through ``articles.editorial``, which schedules
its own side effects.  These handlers cover the rest, each by asking the core to
schedule the same side effects for the stories that show the saved row:

- reference data edited in its own admin (people, roles, sections, pages,
  editions): a renamed reporter or page is printed in every story that shows it;
- django-taggit's models, whose saves have no other hook (tags are attached to
  a story inside the core's change, but a renamed tag shows on its stories).

Connected once in AppConfig.ready().
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag, TaggedItem

from articles import editorial
from articles.models import Article, AwardRoster, Edition, Page, Role, Section
from people.models import Person

# Reference rows a reader's page shows: a saved one renders the stories that show it again.
REFERENCE_MODELS = (Person, Role, Section, Page, Edition)


def articles_showing(instance):
    """Primary keys of the stories whose own rendering shows ``instance``."""
    if isinstance(instance, Person):
        return list(
            Article.objects.filter(bylines__person=instance).values_list("pk", flat=True)
        ) + list(
            AwardRoster.objects.filter(entries__person=instance).values_list(
                "article_id", flat=True
            )
        )
    if isinstance(instance, Role):
        return list(Article.objects.filter(bylines__role=instance).values_list("pk", flat=True))
    if isinstance(instance, Section):
        return list(Article.objects.filter(section=instance).values_list("pk", flat=True))
    if isinstance(instance, Page):  # its label and name are in the story's print line
        return list(Article.objects.filter(page=instance).values_list("pk", flat=True))
    if isinstance(instance, Edition):
        return list(Article.objects.filter(page__edition=instance).values_list("pk", flat=True))
    if isinstance(instance, Tag):
        return list(Article.objects.filter(tags=instance).values_list("pk", flat=True))
    article_type = ContentType.objects.get_for_model(Article).pk
    if isinstance(instance, TaggedItem) and instance.content_type_id == article_type:
        return [instance.object_id]
    return []


def reference_saved(sender, instance, raw=False, using=None, **kwargs):
    # Fixtures load rows in any order; the seed loader schedules its stories itself.
    if raw:
        return
    editorial.schedule_effects(
        articles_showing(instance), navigation=isinstance(instance, Section), using=using
    )


def tags_changed(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and isinstance(instance, Article):
        editorial.schedule_effects([instance.pk], using=using)


def connect():
    for model in (*REFERENCE_MODELS, Tag, TaggedItem):
        name = model.__name__
        post_save.connect(reference_saved, sender=model, dispatch_uid=f"effects-save-{name}")
        post_delete.connect(reference_saved, sender=model, dispatch_uid=f"effects-del-{name}")
    m2m_changed.connect(tags_changed, sender=Article.tags.through, dispatch_uid="effects-tags")
