"""A story's parts: credits (roles and bylines), photos, award rosters and corrections.

They point at their story by name ("Article"), so that ``stories`` can import them.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.credits import byline_line
from articles.models.base import FetchModeManager
from articles.photos.images import strip_location
from articles.photos.validators import validate_image
from people.models import Person


class RoleManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class Role(models.Model):
    """A credit role as printed (全媒体记者, 通讯员…); editors add roles in the admin."""

    name = models.CharField(_("name"), max_length=30, unique=True)
    print_label = models.CharField(
        _("printed label"),
        max_length=30,
        blank=True,
        help_text=_("Printed before the slash, e.g. 全媒体记者; empty to print the names alone."),
    )
    is_photo = models.BooleanField(
        _("photo credit"), default=False, help_text=_("Credits with this role end in 摄.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = RoleManager()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class BylineManager(FetchModeManager):
    """Every byline comes with its person and role, which its credit line prints (``__str__``).

    Also where Django and reversion load bylines by themselves through this manager
    (``story.bylines``, admin inlines, the revision saved with each edit), so no byline
    reads its person or role in a query of its own.
    """

    def get_queryset(self):
        return super().get_queryset().select_related("person", "role")


class Byline(models.Model):
    """A person credited on a story, in a role and order; with a photo, a photo credit."""

    article = models.ForeignKey(
        "Article", verbose_name=_("story"), on_delete=models.CASCADE, related_name="bylines"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="bylines"
    )
    role = models.ForeignKey(
        Role, verbose_name=_("role"), on_delete=models.PROTECT, related_name="bylines"
    )
    unit = models.CharField(
        _("unit as printed"),
        max_length=100,
        blank=True,
        help_text=_("Printed before the role, e.g. 株洲日报."),
    )
    photo = models.ForeignKey(
        "Photo",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="credits",
        help_text=_("Set for a photographer's credit on this photo (printed with 摄)."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = BylineManager()

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["order", "pk"]

    def __str__(self):
        return byline_line([self])

    def clean(self):
        if self.photo_id and self.article_id and self.photo.article_id != self.article_id:
            raise ValidationError({"photo": _("This photo belongs to another story.")})


def photo_upload_to(instance, filename):
    """A generated name: what the uploader called the file never reaches the public URL."""
    suffix = PurePath(filename).suffix.lower()[:5] or ".jpg"
    return timezone.now().strftime("photos/%Y/%m/") + uuid.uuid4().hex + suffix


class PhotoQuerySet(models.QuerySet):
    def with_credits(self):
        """Photos with their photographers' credits, ready for ``credit_text``."""
        return self.prefetch_related("credits")


class Photo(models.Model):
    article = models.ForeignKey(
        "Article", verbose_name=_("story"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(
        _("image"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_image],
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    caption = models.TextField(_("caption"), blank=True)
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the picture for readers who cannot see it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = FetchModeManager.from_queryset(PhotoQuerySet)()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption[:40] or self.image.name

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            cleaned = strip_location(self.image.file)
            if cleaned is not None:
                self.image.save(self.image.name, cleaned, save=False)
        super().save(*args, **kwargs)

    @property
    def credit_text(self):
        """The photo's credit line, e.g. 记者/刘震 摄."""
        return byline_line(self.credits.all(), photo=True)

    @property
    def alt(self):
        return self.alt_text or self.caption or self.article.headline


class AwardRoster(models.Model):
    """A titled list of names in a story's 相关链接 box, e.g. 冠军（15名）."""

    article = models.ForeignKey(
        "Article", verbose_name=_("story"), on_delete=models.CASCADE, related_name="rosters"
    )
    title = models.CharField(_("title"), max_length=200)
    stated_count = models.PositiveSmallIntegerField(
        _("stated count"), help_text=_("The number printed after the title, e.g. 15 for （15名）.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = FetchModeManager()

    class Meta:
        verbose_name = _("award roster")
        verbose_name_plural = _("award rosters")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return f"{self.title}（{self.stated_count}名）"

    def check_count(self, names):
        """Refuse ``names`` unless there are exactly ``stated_count`` of them."""
        check_roster_count(self.stated_count, len(names))

    @transaction.atomic
    def set_names(self, names, people=None):
        """Replace the roster's names after checking them against the stated count.

        ``people`` optionally maps a name to the Person it refers to.
        """
        names = [name.strip() for name in names if name.strip()]
        self.check_count(names)
        people = people or {}
        self.entries.all().delete()
        RosterEntry.objects.bulk_create(
            RosterEntry(roster=self, name=name, person=people.get(name), order=position)
            for position, name in enumerate(names)
        )


def check_roster_count(stated, actual):
    if stated != actual:
        raise ValidationError(
            ngettext(
                "The roster states %(stated)d name but lists %(actual)d.",
                "The roster states %(stated)d names but lists %(actual)d.",
                stated,
            ),
            code="roster_count",
            params={"stated": stated, "actual": actual},
        )


class RosterEntry(models.Model):
    roster = models.ForeignKey(
        AwardRoster, verbose_name=_("roster"), on_delete=models.CASCADE, related_name="entries"
    )
    name = models.CharField(_("name"), max_length=50)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roster_entries",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("roster name")
        verbose_name_plural = _("roster names")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class Correction(models.Model):
    """A public 更正 note on a published story."""

    article = models.ForeignKey(
        "Article", verbose_name=_("story"), on_delete=models.CASCADE, related_name="corrections"
    )
    note = models.TextField(_("correction note"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("corrected at"), auto_now_add=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.note[:40]
