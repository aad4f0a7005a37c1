"""The 数字报 (e-paper): a page's printed PDF, the images made from it once, its story areas.

The PDF is the art editor's upload from the layout system, or one the newsroom makes
from the page's own print export (``articles.epaper.pdf``).  Images are rendered from
it when it arrives or the page changes (``articles.epaper.images``), never per request;
story areas are found from its text positions (``articles.epaper.areas``) and may be
corrected by hand.  Readers see areas of published stories only.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.base import FetchModeManager


def _upload_to(folder, suffix):
    return timezone.now().strftime(f"epaper/{folder}/%Y/%m/") + uuid.uuid4().hex + suffix


def page_pdf_upload_to(instance, filename):
    """A generated name: what the uploader called the file never reaches the public URL."""
    return _upload_to("pdf", ".pdf")


def page_image_upload_to(instance, filename):
    return _upload_to("images", "." + instance.format.replace("jpeg", "jpg"))


class PagePrint(models.Model):
    """The PDF of a printed page: one sheet of the paper's size."""

    class Source(models.TextChoices):
        UPLOADED = "uploaded", _("uploaded by the art editor")
        GENERATED = "generated", _("made from the print export")

    page = models.OneToOneField(
        "Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="print_sheet"
    )
    pdf = models.FileField(_("page PDF"), upload_to=page_pdf_upload_to)
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.GENERATED)
    # What the PDF was made from: the print export's hash (generated) or the file's (uploaded);
    # images and areas are remade only when it changes.
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    width_pt = models.FloatField(_("width (pt)"), default=0)
    height_pt = models.FloatField(_("height (pt)"), default=0)
    # A PDF made from the print export whose copy did not fit its sheet (the end was
    # cut): read from the PDF once when it is stored, so lists never open the files.
    cuts_copy = models.BooleanField(_("copy cut"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FetchModeManager()

    class Meta:
        verbose_name = _("page PDF")
        verbose_name_plural = _("page PDFs")

    def __str__(self):
        return str(self.page_id)


class PageImageQuerySet(models.QuerySet):
    def srcset(self, page, fmt):
        """The ``srcset`` attribute value of ``page``'s images in ``fmt`` ("webp"/"jpeg"),
        narrowest first: ``"/media/....webp 480w, ..."``; empty if there are none."""
        rows = self.filter(page=page, format=fmt).order_by("width")
        return ", ".join(f"{image.file.url} {image.width}w" for image in rows)


class PageImage(models.Model):
    """The page rendered at one screen width in one format; made once per PDF."""

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    page = models.ForeignKey(
        "Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="images"
    )
    width = models.PositiveIntegerField(_("width (px)"))
    height = models.PositiveIntegerField(_("height (px)"))
    format = models.CharField(_("format"), max_length=4, choices=Format)
    file = models.FileField(_("file"), upload_to=page_image_upload_to)

    objects = FetchModeManager.from_queryset(PageImageQuerySet)()

    class Meta:
        verbose_name = _("page image")
        verbose_name_plural = _("page images")
        ordering = ["page", "format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "format", "width"], name="page_image_unique_size"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.width}w {self.format}"


class StoryArea(models.Model):
    """A rectangle of the page image that holds (part of) a story: fractions 0..1 of the
    page's width and height, from its top left corner.  A story may have several."""

    class Source(models.TextChoices):
        AUTO = "auto", _("found from the PDF")
        MANUAL = "manual", _("drawn by hand")

    page = models.ForeignKey(
        "Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="areas"
    )
    article = models.ForeignKey(
        "Article", verbose_name=_("story"), on_delete=models.CASCADE, related_name="areas"
    )
    left = models.FloatField(_("left"))
    top = models.FloatField(_("top"))
    width = models.FloatField(_("width"))
    height = models.FloatField(_("height"))
    source = models.CharField(_("source"), max_length=6, choices=Source, default=Source.AUTO)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = FetchModeManager()

    class Meta:
        verbose_name = _("story area")
        verbose_name_plural = _("story areas")
        ordering = ["page", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(left__gte=0, top__gte=0, width__gt=0, height__gt=0)
                & models.Q(left__lte=1, top__lte=1, width__lte=1, height__lte=1),
                name="story_area_inside_page",
            )
        ]

    def __str__(self):
        return f"{self.page_id}: {self.article_id}"

    @property
    def box(self):
        """(left, top, right, bottom) as fractions of the page."""
        return (self.left, self.top, self.left + self.width, self.top + self.height)


class PrintedStory(models.Model):
    """A story the page's 数字报 was last made with.

    When a story moves to another page or is deleted, its old page must be made again,
    and by then the story no longer says where it was: this row does.  The story is a
    plain key, not a foreign key, so that the row outlives a deleted story until its
    page is made again without it.
    """

    page = models.ForeignKey(
        "Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="printed_stories"
    )
    article_id = models.PositiveIntegerField(_("story"), db_index=True)

    class Meta:
        verbose_name = _("printed story")
        verbose_name_plural = _("printed stories")
        constraints = [
            models.UniqueConstraint(fields=["page", "article_id"], name="printed_story_unique")
        ]

    def __str__(self):
        return f"{self.page_id}: {self.article_id}"


class StalePage(models.Model):
    """A page whose 数字报 is out of date: the work list of ``articles.epaper.tasks``.

    Written when a change to what the page prints commits; deleted by the worker once the
    page is made again, unless the page changed again meanwhile (a new ``token``).  A
    worker holds the row until ``claimed_until`` while it makes the page, so that a second
    worker takes another page, and a worker that died is replaced once that time passed.
    """

    page = models.OneToOneField(
        "Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="stale_mark"
    )
    token = models.UUIDField(_("token"), default=uuid.uuid4)
    marked_at = models.DateTimeField(_("marked"), default=timezone.now)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)

    objects = FetchModeManager()

    class Meta:
        verbose_name = _("page to make again")
        verbose_name_plural = _("pages to make again")
        ordering = ["marked_at", "pk"]

    def __str__(self):
        return str(self.page_id)
