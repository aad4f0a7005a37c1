"""Stories: what readers may see of them (ArticleQuerySet) and the story itself."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles import blocks as body_blocks
from articles.credits import article_bylines, byline_line
from articles.models.base import FetchModeManager, UnicodeJSONEncoder
from articles.models.parts import Photo
from articles.models.print_structure import Page, Section
from articles.typography import in_print_parentheses

# Above this many rows linking stories to a person or a tag, lists walk the newest-first
# index instead of sorting the linked stories (``ArticleQuerySet.linked_from``).
DENSE_LINKS = 3000


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

    def linked_from(self, *links, also=None):
        """Stories that any of ``links`` point at (or that meet ``also``, a ``Q`` on the
        story's own row and its joins), for a newest-first list of any length.

        Each link is ``(rows, field)``: a queryset of another table (a person's bylines,
        a tag's tagged items) and the field of it that names the story.  How the list is
        found depends on how many rows there are, counted no further than
        ``DENSE_LINKS``: a few thousand stories are looked up by key and sorted; more
        (a prolific reporter's, a popular tag's) are found by walking the newest-first
        index and checking each story with one index probe (a correlated subquery the
        planner cannot turn into a hash of every row), so a page costs its depth and
        never the number of stories linked, which grows with the archive.
        """
        dense = any(
            rows.order_by().values("pk")[:DENSE_LINKS].count() == DENSE_LINKS
            for rows, _field in links
        )
        queryset, condition = self, also or models.Q()
        for index, (rows, field) in enumerate(links):
            if dense:
                probe = rows.filter(**{field: models.OuterRef("pk")}).order_by().values("pk")
                name = f"_linked_{index}"
                queryset = queryset.alias(**{name: models.Subquery(probe[:1])})
                condition |= models.Q(**{f"{name}__isnull": False})
            else:
                condition |= models.Q(pk__in=rows.order_by().values(field))
        return queryset.filter(condition)

    def in_section(self, section):
        """Stories of ``section`` and of every section below it (石峰区 → 响石岭街道)."""
        return self.filter(section__in=section.subtree_ids())

    # The related rows each use of a story reads, fetched up front in a fixed number of
    # queries whatever the number of stories; the one place to add a part a use starts
    # to show.  (Lists of stories on the readers' site read stored renderings instead.)
    # Bylines come with their person and role, pages with their edition (their managers).

    def for_rendering(self):
        """Everything a story's stored rendering shows (``public/fragments.py``): section,
        page and edition, credits, photos with their credits, rosters, tags, corrections."""
        return self.select_related("section", "page__edition").prefetch_related(
            "bylines",
            models.Prefetch("photos", queryset=Photo.objects.with_credits()),
            "rosters__entries",
            "tags",
            "corrections",
        )

    def for_feed(self):
        """What a feed item shows beyond the story's own columns: its credit line and tags."""
        return self.prefetch_related("bylines", "tags")

    def for_export(self):
        """Everything a layout export prints (``exports/data.py``): section and its parent,
        page, main story and companions, credits (photo credits among them), photos,
        rosters, tags, corrections."""
        return self.select_related("section__parent", "main_article", "page").prefetch_related(
            "bylines", "photos", "rosters__entries", "tags", "companions", "corrections"
        )

    def for_search_index(self):
        """What a story's search document reads (``search/documents.py``): credited names,
        photo captions, tags."""
        return self.prefetch_related("bylines", "photos", "tags")


class Article(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        COMMENTARY = "commentary", _("commentary")
        PHOTO = "photo", _("photo story")
        BRIEF = "brief", _("brief")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        EDITED = "edited", _("edited, with the proofreaders")
        PROOFREAD = "proofread", _("proofread, waiting for sign-off")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    # The column label printed above the title (栏目, e.g. 民生关注).
    column = models.CharField(_("column"), max_length=50, blank=True)
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
    # Printed apart from the reporter's text: the 编者按 before it (paragraphs joined by
    # "\n") and the note at its foot (作者系…, 来源：…), shown in parentheses.
    editor_note = models.TextField(_("editor's note"), blank=True)
    author_note = models.CharField(_("author's note"), max_length=300, blank=True)
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
    main_article = models.ForeignKey(
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
    published_at = models.DateTimeField(_("publish time"), null=True, blank=True)
    # When the story entered its status (the editorial core sets it on every status
    # change): 待我处理 lists the stories that have waited longest first.
    status_changed_at = models.DateTimeField(
        _("in this status since"), default=timezone.now, editable=False
    )
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

    objects = FetchModeManager.from_queryset(ArticleQuerySet)()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-published_at", "-pk"]
        # Every list is newest first: each ordering has an index that gives it without a
        # sort, so a list's first page costs the same on a 30-year archive as on a new one.
        # (PostgreSQL puts drafts, with no publish time, first in a descending index, as it
        # does in ORDER BY ... DESC: the index and the admin's ordering agree.)  The newest
        # index carries the status too, so a walk that checks each story for a link (a
        # popular tag's page) reads the index alone and no story row it passes over.
        indexes = [
            models.Index(fields=["page", "page_position"], name="article_page_order"),
            models.Index(fields=["-published_at", "-id", "status"], name="article_newest"),
            models.Index(fields=["section", "-published_at", "-id"], name="article_section_newest"),
            # 待我处理: the stories of a few statuses, the longest waiting first.
            models.Index(fields=["status", "status_changed_at", "id"], name="article_waiting"),
        ]
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
        if self.main_article_id and self.main_article_id == self.pk:
            raise ValidationError({"main_article": _("A story cannot belong to itself.")})
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
        """The text blocks (paragraphs and stanzas) as runs of text, for summaries."""
        texts = (body_blocks.running_text(block) for block in self.body)
        return [text for text in texts if text is not None]

    @property
    def editor_note_paragraphs(self):
        """The 编者按 paragraph by paragraph (stored joined by line breaks)."""
        return [line.strip() for line in self.editor_note.splitlines() if line.strip()]

    @property
    def author_note_as_printed(self):
        """The author's note in the full-width parentheses the paper prints it in."""
        return in_print_parentheses(self.author_note)

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
    @property
    def text_bylines(self):
        return [b for b in self.bylines.all() if b.photo_id is None]

    @property
    def credited_bylines(self):
        """The bylines the story's credit line names (see ``articles.credits.story_bylines``)."""
        return article_bylines(self.bylines.all(), self.kind == self.Kind.PHOTO)

    @property
    def byline_text(self):
        """The story's credit line as printed; a photo story is credited by its photo credits."""
        return byline_line(self.credited_bylines)
