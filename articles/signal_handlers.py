"""Side effects of editing: fresh pages and image renditions.  Connected in AppConfig.ready()."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import TaggedItem

from people.models import Person

from . import cache, renditions
from .models import (
    Article,
    AwardRoster,
    Byline,
    Edition,
    Page,
    Photo,
    RosterEntry,
    Section,
)
from .signals import stories_changed

# Everything a reader's page shows comes from these models.
SHOWN_ON_PAGES = (Article, Byline, Photo, AwardRoster, RosterEntry, Section, Edition, Page, Person)


def pages_changed(sender, **kwargs):
    cache.bump_generation()


def sections_changed(sender, **kwargs):
    cache.forget_navigation()


def photo_saved(sender, instance, **kwargs):
    renditions.refresh(instance)


def photo_deleted(sender, instance, **kwargs):
    renditions.delete(instance.pk)


def tagged_item_changed(sender, instance, **kwargs):
    cache.bump_generation()


def connect():
    for model in SHOWN_ON_PAGES:
        post_save.connect(pages_changed, sender=model, dispatch_uid=f"pages-save-{model.__name__}")
        post_delete.connect(
            pages_changed, sender=model, dispatch_uid=f"pages-delete-{model.__name__}"
        )
    post_save.connect(sections_changed, sender=Section, dispatch_uid="navigation-save")
    post_delete.connect(sections_changed, sender=Section, dispatch_uid="navigation-delete")
    stories_changed.connect(pages_changed, sender=Article, dispatch_uid="pages-bulk")
    m2m_changed.connect(pages_changed, sender=Article.tags.through, dispatch_uid="pages-tags")
    post_save.connect(tagged_item_changed, sender=TaggedItem, dispatch_uid="pages-tagged-save")
    post_delete.connect(tagged_item_changed, sender=TaggedItem, dispatch_uid="pages-tagged-del")
    post_save.connect(photo_saved, sender=Photo, dispatch_uid="renditions-save")
    post_delete.connect(photo_deleted, sender=Photo, dispatch_uid="renditions-delete")
