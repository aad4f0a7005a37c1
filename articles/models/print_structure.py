"""The printed paper's structure: sections, editions and their pages."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.base import FetchModeManager
from people.models import Person


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

    objects = FetchModeManager.from_queryset(SectionQuerySet)()

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


class EditionQuerySet(models.QuerySet):
    def published(self, now=None):
        """Editions readers may see: those with a published page (``PageQuerySet.published``)."""
        return self.filter(Exists(Page.objects.published(now).filter(edition=OuterRef("pk"))))


class Edition(models.Model):
    date = models.DateField(_("date"), unique=True)
    number = models.PositiveIntegerField(_("issue number"), null=True, blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-date"]

    def __str__(self):
        return self.date.isoformat()

    def get_absolute_url(self):
        return reverse("articles:edition", args=[self.date.isoformat()])

    # When a day's paper is out: its stories are that morning's news (the seed's too).
    MORNING = datetime.time(6, 0)

    @property
    def morning(self):
        """The edition's date at MORNING, in the newsroom's time zone."""
        return timezone.make_aware(datetime.datetime.combine(self.date, self.MORNING))


class PageQuerySet(models.QuerySet):
    def published(self, now=None):
        """Pages readers may see: those holding at least one published story.

        Built on ``Article.objects.published()``, the one definition of what readers see:
        a page (or edition) of drafts, scheduled or withdrawn stories does not exist for
        them yet, and its address would tell what is coming.
        """
        from articles.models.articles import Article  # stories.py imports this module

        published = Article.objects.published(now).filter(page=OuterRef("pk"))
        return self.filter(Exists(published))


class PageManager(FetchModeManager.from_queryset(PageQuerySet)):
    """Every page comes with its edition, which names it (``__str__``, ``get_absolute_url``).

    Also where Django loads pages by itself, through this manager (admin filters and
    choice lists, a story's revisions), so no page reads its edition in a query of its own.
    """

    def get_queryset(self):
        return super().get_queryset().select_related("edition")


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

    objects = PageManager()

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

    def epaper_missing_stories(self):
        """Stories placed on this page that have no story area on it (数字报), in page order."""
        from articles.models.articles import Article  # stories.py imports this module

        return Article.objects.on_page(self).exclude(areas__page=self)
