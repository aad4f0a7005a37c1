"""Side effects of editing: stored story renderings, fresh pages and image renditions.

Connected once in AppConfig.ready().  A story is rendered again whenever it or one
of its parts (bylines, photos, rosters, tags, the people and roles credited, the
section, page and edition it is printed in) is saved or it is published or withdrawn
in bulk; then every cached page is made stale.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import TaggedItem

from people.models import Person

from . import cache, rendering, renditions
from .models import (
    Article,
    AwardRoster,
    Byline,
    Correction,
    Edition,
    Page,
    Photo,
    Role,
    RosterEntry,
    Section,
)
from .signals import stories_changed

# Everything a reader's page shows comes from these models; a saved one renders the stories
# that show it again (stories_affected) and makes every cached page stale.
SHOWN_ON_PAGES = (
    Article,
    Byline,
    Photo,
    AwardRoster,
    RosterEntry,
    Correction,
    Section,
    Edition,
    Page,
    Person,
    Role,
)


def pages_changed(sender, **kwargs):
    cache.bump_generation()


def sections_changed(sender, **kwargs):
    cache.forget_navigation()


def stories_affected(instance):
    """Primary keys of the stories whose own rendering shows ``instance``."""
    if isinstance(instance, Article):
        return [instance.pk]
    if isinstance(instance, (Byline, Photo, AwardRoster, Correction)):
        return [instance.article_id]
    if isinstance(instance, RosterEntry):
        return list(
            AwardRoster.objects.filter(pk=instance.roster_id).values_list("article_id", flat=True)
        )
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
    if isinstance(instance, TaggedItem):
        if instance.content_type_id == ContentType.objects.get_for_model(Article).pk:
            return [instance.object_id]
        return []
    return []


def render_stories(sender, instance, raw=False, **kwargs):
    # Fixtures load rows in any order; their stories are rendered on first view instead.
    if raw:
        return
    pks = {pk for pk in stories_affected(instance) if pk}
    if pks:
        rendering.render(pks)


def render_changed_stories(sender, queryset, rendered=False, **kwargs):
    # Bulk publish() and withdraw() bypass post_save; the stored cards show the publish time.
    if not rendered:
        rendering.render(list(queryset.values_list("pk", flat=True)))


def tags_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Article):
        rendering.render([instance.pk])
    cache.bump_generation()


def photo_saved(sender, instance, **kwargs):
    renditions.refresh(instance)


def photo_deleted(sender, instance, **kwargs):
    renditions.delete(instance.pk)


def connect():
    for model in SHOWN_ON_PAGES:
        post_save.connect(pages_changed, sender=model, dispatch_uid=f"pages-save-{model.__name__}")
        post_delete.connect(
            pages_changed, sender=model, dispatch_uid=f"pages-delete-{model.__name__}"
        )
    for model in SHOWN_ON_PAGES:
        # Connected before the page handlers fire for the next request; order is irrelevant
        # because both run before the saving request returns.
        post_save.connect(render_stories, sender=model, dispatch_uid=f"render-{model.__name__}")
    for model in (Byline, Photo, AwardRoster, RosterEntry):
        post_delete.connect(
            render_stories, sender=model, dispatch_uid=f"render-delete-{model.__name__}"
        )
    post_save.connect(render_stories, sender=TaggedItem, dispatch_uid="render-tagged-save")
    post_delete.connect(render_stories, sender=TaggedItem, dispatch_uid="render-tagged-delete")
    post_save.connect(pages_changed, sender=TaggedItem, dispatch_uid="pages-tagged-save")
    post_delete.connect(pages_changed, sender=TaggedItem, dispatch_uid="pages-tagged-del")
    m2m_changed.connect(tags_changed, sender=Article.tags.through, dispatch_uid="pages-tags")
    post_save.connect(sections_changed, sender=Section, dispatch_uid="navigation-save")
    post_delete.connect(sections_changed, sender=Section, dispatch_uid="navigation-delete")
    stories_changed.connect(render_changed_stories, sender=Article, dispatch_uid="render-bulk")
    stories_changed.connect(pages_changed, sender=Article, dispatch_uid="pages-bulk")
    post_save.connect(photo_saved, sender=Photo, dispatch_uid="renditions-save")
    post_delete.connect(photo_deleted, sender=Photo, dispatch_uid="renditions-delete")
