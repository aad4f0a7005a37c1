"""The newsroom's rule book: every change to a story and its parts goes through here.

Each entry point (the admin's change form and its inlines, bulk actions, status
changes, version restore and recover, the page importer, management commands)
calls one of the functions below, and each of them:

1. checks that this user may make this change to the story in its current state
   (``workflow`` holds the rules); a refusal raises ``workflow.Refused`` with a
   message the admin shows as it is;
2. writes atomically, as one version (django-reversion: who, when, comment) and
   one audit entry (the admin's ``LogEntry``, shown on each user's page);
3. schedules the side effects (stored renderings, search index, image
   renditions, page caches) once per transaction, on commit, for exactly the
   stories touched (``schedule_effects``).

The rules, in short: a story is filed as a draft; its status and publishing
fields change only through transitions; a published story changes only through
a correction, with a note for readers, by someone allowed to correct; placing a
story on a page needs the layout permission.  ``docs/editorial.md`` lists the
entry points and how to add one.
"""

import contextlib
import logging
from dataclasses import dataclass, field

import reversion
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.blocks import blocks_to_text, text_to_blocks
from articles.editorial import presence, workflow
from articles.editorial.diffs import TEXT_FIELDS
from articles.editorial.effects import schedule_effects
from articles.editorial.versions import parts_of
from articles.editorial.workflow import Refused
from articles.models import (
    Article,
    AwardRoster,
    Byline,
    Correction,
    Edition,
    Photo,
    Role,
    RosterEntry,
    StatusChange,
)

logger = logging.getLogger(__name__)

# Fields that only transitions set; no edit, restore or import may change them.
PUBLISHING_FIELDS = (
    "status",
    "status_changed_at",
    "published_at",
    "signed_off_by_id",
    "signed_off_at",
    "withdrawn_reason",
    "withdrawn_at",
    "created_by_id",
)
# Where the story is printed: only layout staff (workflow.can_place) change these.
PLACEMENT_FIELDS = ("page_id", "page_position")
# What the checks read of the story as stored.
STATE_FIELDS = (
    "revision",
    *(name.removesuffix("_id") for name in PUBLISHING_FIELDS + PLACEMENT_FIELDS),
)
# What readers read of a story, its parts aside (``reader_copy``): its text, in the order
# it prints, and its kind.  A change to any of it after proofreading must be proofread
# again.  Section, page, position, tags and related stories say where the story goes,
# not what it says.
READER_FIELDS = (*TEXT_FIELDS, "kind")
# A story's own content, as a restored version brings it back (never its status).
CONTENT_FIELDS = (*READER_FIELDS, "section_id")


def correction_note_missing():
    return _("This story is published: say what was corrected, for readers.")


class EditConflict(Exception):
    """The story was saved, or moved to another status, by someone else after this editor
    opened it; nothing was saved."""

    def __init__(self, article, opened_revision):
        super().__init__(article.pk)
        self.article = article
        self.opened_revision = opened_revision


# Checks ----------------------------------------------------------------------------------
def check_filing(user):
    if not (user.is_active and user.has_perm("articles.add_article")):
        raise Refused(_("You may not file stories."))


def check_change(user, stored, article=None):
    """Refuse unless ``user`` may change ``stored`` (the story as saved) into ``article``."""
    refusal = workflow.edit_refusal(user, stored)
    if refusal:
        raise Refused(refusal)
    if article is None:
        return
    if any(getattr(article, name) != getattr(stored, name) for name in PUBLISHING_FIELDS):
        raise Refused(
            _(
                "Status and publishing fields change only through the workflow "
                "(submit, sign off, withdraw)."
            )
        )
    if not workflow.can_place(user) and any(
        getattr(article, name) != getattr(stored, name) for name in PLACEMENT_FIELDS
    ):
        raise Refused(_("Only layout staff may place stories on pages."))


def _as_filed(article, user):
    """A new story starts as a draft filed by ``user``, whatever the caller set."""
    article.status = Article.Status.DRAFT
    article.status_changed_at = timezone.now()
    article.published_at = article.signed_off_at = article.withdrawn_at = None
    article.signed_off_by = None
    article.withdrawn_reason = ""
    if article.created_by_id is None:
        article.created_by = user


# One change to one story -----------------------------------------------------------------
@dataclass
class ArticleChange:
    """What the caller of ``story_change`` tells the core about the change it wrote."""

    user: object
    article: Article
    stored: Article | None  # the story as it was before; None for a new one
    changed: bool = True  # False: nothing differs (a published story then needs no note)
    written: bool = True  # False: the caller wrote nothing, so nothing is recorded
    message: str = ""
    photos: set = field(default_factory=set)  # photos whose picture is new
    removed_photos: set = field(default_factory=set)
    # Set by the core: the text of proofread copy changed, so it went back to the
    # proofreaders (the caller tells the editor why).
    back_to_proofreading: bool = False

    @property
    def is_correction(self):
        """A change to what readers can already see: a 更正 with a note."""
        return self.stored is not None and self.stored.is_public


@contextlib.contextmanager
def article_change(user, article, *, note="", comment="", action=None, adding=None):
    """Check, then let the caller write the story and its parts, then record it once.

    ``article`` is the caller's instance with its new values not yet saved (its
    ``revision`` is the one the editor opened: a newer saved one is a conflict).
    The caller saves inside the block and may set ``changed`` (False when nothing
    differs: a published story then needs no note) and the photo sets.  Raises
    ``Refused`` or ``EditConflict`` before anything is written, and ``Refused``
    at the end when a published story changed without a correction note.

    Proofread copy whose text readers would read changed (``reader_copy``) goes back to
    the proofreaders: its status returns to edited, recorded as a step of its own, and
    ``change.back_to_proofreading`` tells the caller.  Edited copy is already with them
    and stays there; a paper that does not proofread (``NEWSROOM_PROOFREADING``) sends
    nothing back.
    """
    adding = article.pk is None if adding is None else adding
    with transaction.atomic(), reversion.create_revision():
        if adding:
            check_filing(user)
            _as_filed(article, user)
            stored = None
        else:
            # Only what the rules read: the story's large JSON columns stay in the database.
            stored = Article.objects.select_for_update().only(*STATE_FIELDS).get(pk=article.pk)
            if stored.revision != article.revision:
                raise EditConflict(stored, article.revision)
            check_change(user, stored, article)
        proofread = (
            stored is not None and stored.status == workflow.PROOFREAD and workflow.proofreading()
        )
        before = reader_copy(article.pk) if proofread else None
        change = ArticleChange(user, article, stored)
        yield change
        if not change.written:
            return
        note = (note or "").strip()
        if change.is_correction and change.changed and not note:
            raise Refused(correction_note_missing())
        if change.is_correction and note:
            Correction.objects.create(article=article, note=note, created_by=user)
        if before is not None and reader_copy(article.pk) != before:
            _back_to_proofreading(change)
        _record(change, comment, action or (ADDITION if adding else CHANGE))


def reader_copy(pk):
    """Everything readers read of story ``pk`` as stored, in a form that compares equal
    exactly when they would read the same: its title block, dateline, text and kind (a
    photo story is credited by its pictures), its credits, its pictures with their
    captions and alternative text, and its award rosters.  Placement, section, tags and
    related stories are left out.  Five small queries, made only for proofread copy.

    The text is compared in the form editors type it, as the change form compares it: a
    body whose blocks only broke their lines differently reads the same."""
    fields = [
        {**row, "body": text_to_blocks(blocks_to_text(row["body"]))}
        for row in Article.objects.filter(pk=pk).values(*READER_FIELDS)
    ]
    return (
        fields,
        list(
            Byline.objects.filter(article=pk)
            .order_by("order", "pk")
            .values_list("person_id", "role_id", "unit", "photo_id")
        ),
        list(
            Photo.objects.filter(article=pk)
            .order_by("order", "pk")
            .values_list("pk", "image", "caption", "alt_text")
        ),
        list(
            AwardRoster.objects.filter(article=pk)
            .order_by("order", "pk")
            .values_list("pk", "title", "stated_count")
        ),
        list(
            RosterEntry.objects.filter(roster__article=pk)
            .order_by("roster_id", "order", "pk")
            .values_list("roster_id", "name", "person_id")
        ),
    )


def _back_to_proofreading(change):
    """The text of proofread copy changed: it returns to the proofreaders (edited)."""
    _move(
        change.user,
        change.article,
        workflow.EDITED,
        str(workflow.BACK_TO_PROOFREADING),
        comment=_("The text changed after it was proofread; it must be proofread again."),
    )
    change.back_to_proofreading = True


def save_article(user, article, *, note="", comment=""):
    """Save ``article``'s own fields (no parts) as ``user``; returns it."""
    with article_change(user, article, note=note, comment=comment):
        article.save()
    return article


def _record(change, comment, action):
    """One version (with the story's parts) and one audit entry; then the side effects."""
    article, user = change.article, change.user
    entry = log(user, article, action, change.message or comment)
    reversion.set_user(user)
    comment = comment or (entry.get_change_message() if entry else "")
    if change.back_to_proofreading:
        # The version says it too: the history lists versions by their comment.
        comment = "；".join(filter(None, [comment, str(workflow.BACK_TO_PROOFREADING)]))
    reversion.set_comment(comment)
    reversion.add_to_revision(article)
    schedule_effects([article.pk], photos=change.photos, removed_photos=change.removed_photos)


def log(user, article, action, message=""):
    """The audit entry (the admin's LogEntry) for one change to one story."""
    if user is None or user.pk is None:
        return None
    return LogEntry.objects.log_actions(
        user.pk, [article], action, change_message=message or "", single_object=True
    )


def place_article(user, article, position, page=None):
    """Move ``article`` to ``position`` (on ``page``, default its own) as layout staff."""
    fresh = Article.objects.get(pk=article.pk)
    fresh.page_position = position
    if page is not None:
        fresh.page = page
    with article_change(user, fresh, comment=_("Placed on the page")) as change:
        fresh.save()
        change.message = _("Placed on the page")
        # Where a story is printed is not what readers read of it: no correction note.
        change.changed = False
    return fresh


# Transitions -----------------------------------------------------------------------------
def _move(user, article, target, label, comment="", fields=(), now=None):
    """Move ``article`` (locked, as stored) to status ``target`` and record the step: the
    time it entered the status, a new revision (a form opened before the move is stale
    and is refused as an edit conflict), the status history, the audit entry; presence
    notices go.  ``fields`` are the other fields the caller set for the step.  Inside the
    caller's transaction and version."""
    previous = article.status
    article.status = target
    article.status_changed_at = now or timezone.now()
    article.revision += 1
    article.save(update_fields=["status", "status_changed_at", "revision", "updated_at", *fields])
    StatusChange.objects.create(
        article=article,
        user=user,
        from_status=previous,
        to_status=target,
        comment=(comment or "").strip(),
    )
    log(user, article, CHANGE, label)
    presence.status_changed(article)


def apply_transition(user, article, name, comment="", when=None, revision=None):
    """Apply the status change ``name`` as ``user``, after checking they may, and record it.

    ``revision`` is the one the user saw when they chose the step: a newer one (someone
    else edited or moved the story since) raises ``EditConflict`` and nothing changes.
    Raises workflow.TransitionNotAllowed with a message saying who may.
    """
    transition = workflow.get_transition(name)
    with transaction.atomic(), reversion.create_revision():
        stored = Article.objects.select_for_update().get(pk=article.pk)
        if revision is not None and stored.revision != revision:
            raise EditConflict(stored, revision)
        workflow.check_transition(user, stored, transition, comment)
        now = timezone.now()
        fields = []
        if name == "sign_off":
            stored.published_at = when or _edition_date(stored, now) or now
            stored.signed_off_by, stored.signed_off_at = user, now
            fields += ["published_at", "signed_off_by", "signed_off_at"]
        elif name == "withdraw":
            stored.withdrawn_reason, stored.withdrawn_at = comment.strip(), now
            fields += ["withdrawn_reason", "withdrawn_at"]
        elif name == "republish":
            # The withdrawal and its reason stay in the status history.
            stored.withdrawn_reason, stored.withdrawn_at = "", None
            fields += ["withdrawn_reason", "withdrawn_at"]
        label = str(transition.label)
        _move(user, stored, transition.target, label, comment, fields=fields, now=now)
        reversion.set_user(user)
        reversion.set_comment(label)
        reversion.add_to_revision(stored)
        schedule_effects([stored.pk])
    # The caller's instance is the story as it now is: saving it next is no conflict.
    for name_ in ("revision", "updated_at", *PUBLISHING_FIELDS):
        setattr(article, name_, getattr(stored, name_))
    return article


def _edition_date(article, now):
    """The public time of a story signed off for a page of a past edition: that edition's
    morning, so the archive lists it under the day it was printed (the status history
    keeps the real time of the sign-off).  None for no page, or today's or a later paper."""
    if article.page_id is None:
        return None
    edition = Edition.objects.filter(pages=article.page_id).first()
    if edition is None or edition.date >= timezone.localdate(now):
        return None
    return edition.morning


def apply_to_each(user, articles, name, comment=""):
    """A transition over several stories, each checked and recorded on its own.

    Returns ``(done, refused)``: the stories changed, and ``(story, message)`` pairs.
    A story deleted since it was listed is reported with the refused ones.
    """
    done, refused = [], []
    for article in articles:
        try:
            apply_transition(user, article, name, comment=comment)
        except Refused as refusal:
            refused.append((article, str(refusal)))
        except Article.DoesNotExist:
            refused.append((article, _("This story no longer exists.")))
        else:
            done.append(article)
    return done, refused


# Versions --------------------------------------------------------------------------------
def _check_restorable(parts):
    from people.models import Person

    missing_photo = [p for p in parts["photos"] if not default_storage.exists(p.image.name)]
    if missing_photo:
        raise Refused(_("A picture of this version is no longer stored; it cannot be restored."))
    people = {b.person_id for b in parts["bylines"]}
    roles = {b.role_id for b in parts["bylines"]}
    if Person.objects.filter(pk__in=people).count() != len(people) or Role.objects.filter(
        pk__in=roles
    ).count() != len(roles):
        raise Refused(_("This version credits a person or role that no longer exists."))


def _restore_parts(change, parts):
    article = change.article
    keep = [photo.pk for photo in parts["photos"]]
    removed = set(article.photos.exclude(pk__in=keep).values_list("pk", flat=True))
    article.bylines.all().delete()
    article.rosters.all().delete()
    Photo.objects.filter(pk__in=removed).delete()
    existing = set(Photo.objects.filter(pk__in=keep).values_list("pk", flat=True))
    for photo in parts["photos"]:
        photo.save()
        if photo.pk not in existing:
            change.photos.add(photo.pk)
    change.removed_photos |= removed
    Byline.objects.bulk_create(parts["bylines"])
    AwardRoster.objects.bulk_create(parts["rosters"])
    RosterEntry.objects.bulk_create(parts["entries"])


def article_version(article, version_id):
    """The saved version ``version_id`` of ``article`` itself, or Refused.

    A version of another record (a byline, another story) is never taken for the
    story's, whatever its id.
    """
    from reversion.models import Version

    version = (
        Version.objects.get_for_object(article).select_related("revision").filter(pk=version_id)
    ).first()
    if version is None:
        raise Refused(_("This version does not belong to this story."))
    return version


def restore_version(user, article, version_id, note=""):
    """Bring back the story's own content and parts as they were in one of its versions.

    Never changes status or publishing fields; over a published story it is a
    correction (permission and note required); recorded as a new version.
    """
    version = article_version(article, version_id)
    fields = version.field_dict
    parts = parts_of(version.revision, article.pk)
    _check_restorable(parts)
    when = timezone.localtime(version.revision.date_created).strftime("%Y-%m-%d %H:%M")
    comment = _("Restored the version saved %(when)s") % {"when": when}
    fresh = Article.objects.get(pk=article.pk)
    with article_change(user, fresh, note=note, comment=comment) as change:
        for name in CONTENT_FIELDS:
            setattr(fresh, name, fields.get(name, getattr(fresh, name)))
        fresh.save()
        _restore_parts(change, parts)
    return fresh


def recover_article(user, version):
    """A deleted story back from its last version: as a new draft, with its parts."""
    if version.content_type.model_class() is not Article:
        raise Refused(_("This version does not belong to a story."))
    if Article.objects.filter(pk=version.object_id).exists():
        raise Refused(_("This story was not deleted."))
    if not user.has_perm("articles.delete_article"):
        raise Refused(_("Only an administrator may bring back a deleted story."))
    article = version._object_version.object
    parts = parts_of(version.revision, article.pk)
    _check_restorable(parts)
    article.created_by_id = None
    comment = _("Recovered after it was deleted")
    with article_change(user, article, comment=comment, adding=True) as change:
        article.revision = 1
        article.save(force_insert=True)
        _restore_parts(change, parts)
    return article


def delete_article(user, article):
    """Delete a story for good (administrators only; everyone else withdraws)."""
    if not (user.is_active and user.has_perm("articles.delete_article")):
        raise Refused(_("Stories are withdrawn, not deleted; only an administrator deletes."))
    with transaction.atomic():
        photos = set(article.photos.values_list("pk", flat=True))
        pk = article.pk
        log(user, article, DELETION, _("Deleted"))
        article.delete()
        schedule_effects([pk], removed_photos=photos)
