import datetime
import uuid
from pathlib import PurePath

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.managers import TaggableManager

from people.models import Person

from . import blocks as body_blocks
from .images import strip_location
from .layout.credits import CreditEntry, format_credits
from .validators import validate_image


class UnicodeJSONEncoder(DjangoJSONEncoder):
    """Stores Chinese as characters, not \\u escapes, so the database can search it."""

    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


class PeerFetchingManager(models.Manager):
    """Lazy related lookups load for all rows of the same queryset at once.

    Django 6.1's FETCH_PEERS: a related object that a listing forgot to
    select costs one query for the whole list instead of one per row.
    """

    def get_queryset(self):
        return super().get_queryset().fetch_mode(models.FETCH_PEERS)


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


class SectionQuerySet(models.QuerySet):
    def districts(self):
        return self.filter(kind=Section.Kind.DISTRICT)

    def topical(self):
        return self.filter(kind=Section.Kind.TOPICAL)


class Section(models.Model):
    class Kind(models.TextChoices):
        TOPICAL = "topical", _("topical")
        DISTRICT = "district", _("district")

    name = models.CharField(_("name"), max_length=50)
    slug = models.SlugField(_("slug"), max_length=60, unique=True, allow_unicode=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.TOPICAL)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("description"), blank=True)

    objects = PeerFetchingManager.from_queryset(SectionQuerySet)()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", args=[self.slug])

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A section cannot be its own ancestor.")})
            ancestor = ancestor.parent

    def subtree_ids(self):
        """Primary keys of this section and every section below it."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                Section.objects.filter(parent__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids


class Edition(models.Model):
    date = models.DateField(_("date"), unique=True)
    number = models.PositiveIntegerField(_("issue number"), null=True, blank=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-date"]

    def __str__(self):
        return self.date.isoformat()

    def get_absolute_url(self):
        return reverse("articles:edition", args=[self.date.isoformat()])


class Page(models.Model):
    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="pages"
    )
    label = models.CharField(_("page label"), max_length=10, help_text=_("e.g. A05"))
    name = models.CharField(_("page name"), max_length=50, blank=True)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pages",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    chief_editor = models.ForeignKey(
        Person,
        verbose_name=_("editor in charge"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pages_edited",
    )
    art_editor = models.ForeignKey(
        Person,
        verbose_name=_("art editor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pages_designed",
    )
    proofreader = models.ForeignKey(
        Person,
        verbose_name=_("proofreader"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pages_proofread",
    )

    objects = PeerFetchingManager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["edition", "order", "label"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "label"], name="page_unique_label")
        ]

    def __str__(self):
        return f"{self.edition} {self.label} {self.name}".strip()

    def get_absolute_url(self):
        return reverse("articles:page", args=[self.edition.date.isoformat(), self.label])


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see: published, with a publish time not after ``now``.

        The only definition of visibility; every public view, feed, sitemap,
        search and reader export goes through it.  ``now`` is the current time
        unless given; it may be any value or expression (a query compiled once and
        run many times passes one bound when its SQL runs, see ``readers.py``).
        """
        if now is None:
            now = timezone.now()
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now)

    def withdrawn(self):
        """Stories taken off the site: their public address answers 410 Gone, showing nothing."""
        return self.filter(status=Article.Status.WITHDRAWN)

    def scheduled(self):
        """Signed off for a time still to come; they appear by themselves at that time."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def on_page(self, page):
        """Stories placed on ``page``, in page order."""
        return self.filter(page=page).order_by("page_position", "pk")

    def in_section(self, section):
        """Stories of ``section`` and of every section below it (石峰区 → 响石岭街道)."""
        return self.filter(section__in=section.subtree_ids())

    def for_listing(self):
        """Everything a list of stories shows, fetched up front in a fixed number of queries."""
        return self.select_related("section", "page__edition").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("person", "role")),
            "photos",
        )


class Article(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        COMMENTARY = "commentary", _("commentary")
        PHOTO = "photo", _("photo story")
        BRIEF = "brief", _("brief")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    kicker = models.CharField(_("kicker"), max_length=200, blank=True)
    headline = models.CharField(_("headline"), max_length=200)
    subheadline = models.CharField(_("subheadline"), max_length=200, blank=True)
    dateline = models.CharField(
        _("dateline"), max_length=50, blank=True, help_text=_("e.g. 12月23日")
    )
    body = models.JSONField(
        _("body"),
        default=list,
        blank=True,
        encoder=UnicodeJSONEncoder,
        validators=[body_blocks.validate_blocks],
        help_text=_("Paragraphs and intertitles, in order."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.NEWS)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    page_position = models.PositiveSmallIntegerField(_("position on page"), default=0)
    main_story = models.ForeignKey(
        "self",
        verbose_name=_("main story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="companions",
        help_text=_("For a commentary or sidebar that belongs to a main story."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("publish time"), null=True, blank=True, db_index=True)
    char_count = models.PositiveIntegerField(_("character count"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_filed",
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_signed_off",
    )
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    revision = models.PositiveIntegerField(
        _("revision"),
        default=1,
        help_text=_("Goes up with every saved edit; a save over a newer revision is refused."),
    )

    rendered = models.JSONField(
        _("rendered for readers"),
        default=dict,
        blank=True,
        editable=False,
        encoder=UnicodeJSONEncoder,
        help_text=_("The story's HTML for the public site, made when it is saved."),
    )
    listing = models.JSONField(
        _("rendered for lists"),
        default=dict,
        blank=True,
        editable=False,
        encoder=UnicodeJSONEncoder,
        help_text=_("The small parts of the rendering that lists of stories show."),
    )

    tags = TaggableManager(verbose_name=_("tags"), blank=True)

    objects = PeerFetchingManager.from_queryset(ArticleQuerySet)()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["page", "page_position"], name="article_page_order")]
        permissions = [
            ("submit_article", _("Can submit stories for editing")),
            ("send_back_article", _("Can send stories back to the reporter")),
            ("sign_off_article", _("Can sign off (publish) stories")),
            ("withdraw_article", _("Can withdraw published stories")),
            ("correct_article", _("Can correct published stories")),
            ("place_article", _("Can place stories on pages")),
            ("proofread_article", _("Can proofread submitted stories")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.char_count = self.compute_char_count()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "char_count"}
        if update_fields is None and not self._state.adding:
            # A full save is an edit: a new revision. Status changes save named fields only.
            self.revision += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.pk])

    def clean(self):
        if self.main_story_id and self.main_story_id == self.pk:
            raise ValidationError({"main_story": _("A story cannot belong to itself.")})
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    @property
    def title(self):
        """Kicker, headline and subheadline as one line (for lists, admin and feeds)."""
        return " ".join(part for part in (self.kicker, self.headline, self.subheadline) if part)

    @property
    def body_text(self):
        return body_blocks.plain_text(self.body)

    @property
    def intertitles(self):
        return [b["text"] for b in self.body if b["type"] == body_blocks.INTERTITLE]

    @property
    def paragraphs(self):
        return [b["text"] for b in self.body if b["type"] == body_blocks.PARAGRAPH]

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def compute_char_count(self):
        return body_blocks.count_characters(*(block["text"] for block in self.body or []))

    @property
    def status_label(self):
        """The status as editors say it, with 定时发布 for a story waiting for its time."""
        if self.is_scheduled:
            when = timezone.localtime(self.published_at).strftime("%m-%d %H:%M")
            return _("scheduled for %(when)s") % {"when": when}
        return self.get_status_display()

    @property
    def is_scheduled(self):
        """Signed off for a publish time still to come: appears by itself at that time."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    # Credits -----------------------------------------------------------------
    def _credit_entries(self, bylines):
        return [
            CreditEntry(
                name=b.person.name,
                role_label=b.role.print_label,
                unit=b.unit,
                photo=b.photo_id is not None or b.role.is_photo,
            )
            for b in bylines
        ]

    @property
    def text_bylines(self):
        return [b for b in self.bylines.all() if b.photo_id is None]

    @property
    def byline_text(self):
        """The story's credit line as printed; a photo story is credited by its photo credits."""
        bylines = self.text_bylines
        if not bylines and self.kind == self.Kind.PHOTO:
            bylines = list(self.bylines.all())
        return format_credits(self._credit_entries(bylines))


class Byline(models.Model):
    """A person credited on a story, in a role and order; with a photo, a photo credit."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="bylines"
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

    objects = PeerFetchingManager()

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["order", "pk"]

    def __str__(self):
        return format_credits(
            [CreditEntry(self.person.name, self.role.print_label, self.unit, self.is_photo)]
        )

    @property
    def is_photo(self):
        return self.photo_id is not None or self.role.is_photo

    def clean(self):
        if self.photo_id and self.article_id and self.photo.article_id != self.article_id:
            raise ValidationError({"photo": _("This photo belongs to another story.")})


def photo_upload_to(instance, filename):
    """A generated name: what the uploader called the file never reaches the public URL."""
    suffix = PurePath(filename).suffix.lower()[:5] or ".jpg"
    return timezone.now().strftime("photos/%Y/%m/") + uuid.uuid4().hex + suffix


class Photo(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="photos"
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

    objects = PeerFetchingManager()

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
        return format_credits(
            [
                CreditEntry(c.person.name, c.role.print_label, c.unit, photo=True)
                for c in self.credits.all()
            ]
        )

    @property
    def alt(self):
        return self.alt_text or self.caption or self.article.headline


class AwardRoster(models.Model):
    """A titled list of names in a story's 相关链接 box, e.g. 冠军（15名）."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="rosters"
    )
    title = models.CharField(_("title"), max_length=200)
    stated_count = models.PositiveSmallIntegerField(
        _("stated count"), help_text=_("The number printed after the title, e.g. 15 for （15名）.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PeerFetchingManager()

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


def publication_name():
    return settings.NEWSROOM_PUBLICATION


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


class Correction(models.Model):
    """A public 更正 note on a published story."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="corrections"
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


class EditPresence(models.Model):
    """Who has a story open in the admin: a light lock that expires by itself."""

    TTL_SECONDS = 10 * 60

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="presence_unique_user")
        ]

    def __str__(self):
        return f"{self.user} @ {self.article_id}"

    @classmethod
    def others(cls, article, user):
        """Everyone else seen on this story within the time-to-live, after noting ``user``."""
        now = timezone.now()
        cls.objects.update_or_create(article=article, user=user, defaults={"seen_at": now})
        horizon = now - datetime.timedelta(seconds=cls.TTL_SECONDS)
        return list(
            cls.objects.filter(article=article, seen_at__gte=horizon)
            .exclude(user=user)
            .select_related("user")
        )

    @classmethod
    def leave(cls, article, user):
        cls.objects.filter(article=article, user=user).delete()


# Versions (django-reversion): a story is kept with its bylines, photos and rosters.
reversion.register(RosterEntry)
reversion.register(AwardRoster, follow=["entries"])
reversion.register(Byline)
reversion.register(Photo)
reversion.register(Article, follow=["bylines", "photos", "rosters"])
