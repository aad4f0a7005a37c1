"""What is recorded about a story as people work on it: its status history, who has it
open, and which stories wait to be rendered again after a rename."""

import datetime
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.articles import Article


class StatusChange(models.Model):
    """One status change of a story: who, when, from, to, and the comment given."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="status_changes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=12, choices=Article.Status)
    to_status = models.CharField(_("to"), max_length=12, choices=Article.Status)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class EditPresence(models.Model):
    """Who has a story open in the admin: a light lock that expires by itself."""

    TTL_SECONDS = 10 * 60

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        # Django's own name for it (its permissions are named after it), in Chinese.
        verbose_name = _("edit presence")
        verbose_name_plural = _("edit presences")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="presence_unique_user")
        ]

    def __str__(self):
        return f"{self.user} @ {self.article_id}"

    @classmethod
    def touch(cls, article, user):
        """Note that ``user`` has ``article`` open as of now (a write, made on purpose)."""
        cls.objects.update_or_create(
            article=article, user=user, defaults={"seen_at": timezone.now()}
        )

    @classmethod
    def others(cls, article, user):
        """Everyone but ``user`` seen on this story within the time-to-live (only reads)."""
        horizon = timezone.now() - datetime.timedelta(seconds=cls.TTL_SECONDS)
        return list(
            cls.objects.filter(article=article, seen_at__gte=horizon)
            .exclude(user=user)
            .select_related("user")
        )

    @classmethod
    def leave(cls, article, user):
        cls.objects.filter(article=article, user=user).delete()


class PendingRefresh(models.Model):
    """Stories that show a renamed reference (a person, role, section or tag) and wait for
    the background worker to render them again (``editorial.background``).

    One row per reference, written in the same transaction as the rename, so the work is
    recorded exactly when the rename is: the worker renders the stories in key order and
    moves ``done_up_to`` on with each chunk it commits, and deletes the row when none is
    left.  A worker killed mid-way leaves the row where its last chunk left it; the next
    run carries on from there.  Saving the reference again gives the row a new ``token``
    and starts it over, and a chunk finished under an old token records nothing, so the
    newest name reaches every story.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    token = models.UUIDField(default=uuid.uuid4)
    done_up_to = models.PositiveBigIntegerField(default=0)
    requested_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pending refresh")
        verbose_name_plural = _("pending refreshs")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="pending_refresh_unique_reference"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} > {self.done_up_to}"
