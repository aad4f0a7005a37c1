"""The 数字报 (e-paper) page: the printed page as a picture whose story areas open the stories.

A thin view over ``published()``: the page, its published stories in print order (the
list of titles, each a real link for keyboards and screen readers), the areas of those
stories only (an area of a draft, scheduled or withdrawn story is never drawn), the page
images made when its PDF arrived (``articles.epaper.images``; never made here), the
edition's pages with a small picture each (版面导航), and the month's editions for the
calendar.  A page with no picture yet shows its titles and the page navigation.
"""

import calendar
import datetime
import functools
from dataclasses import dataclass, field

from django.db import models
from django.db.models import F, FilteredRelation, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.generic import View

from articles.models import Article, Edition, Page, PageImage
from articles.public.prepared import Parameter, PreparedQuery
from people.models import Person

# The widths the browser chooses from: the page column is at most this wide on a desktop,
# the whole screen on a phone (zoomed, the browser asks for a wider image).
PAGE_SIZES = "(min-width: 1000px) 620px, 100vw"
THUMBNAIL_SIZES = "96px"

# Prepared as the story and front pages' queries are (``prepared.py``, ``queries.py``):
# compiled once per process from the same ``published()`` querysets, "now" bound when
# the SQL runs, so a scheduled story's page appears by itself at its time.
_NOW = Parameter("now", models.DateTimeField(), default=lambda: timezone.now())
_DATE = models.DateField()

# The edition's pages readers may see, in order, each with its staff, whether it has a
# PDF, and its images (one row per image, narrowest first; one row with no image for a
# page without).  The page asked for is found among them: the page navigation needs
# them all anyway.
PAGES = PreparedQuery(
    lambda: (
        Page.objects.published(now=_NOW)
        .filter(edition__date=Parameter("date", _DATE))
        .order_by("order", "label", "pk", "images__format", "images__width")
        .values_list(
            "pk",
            "label",
            "name",
            "section__name",
            "edition_id",
            "edition__date",
            "edition__number",
            "chief_editor_id",
            "chief_editor__name",
            "art_editor_id",
            "art_editor__name",
            "proofreader_id",
            "proofreader__name",
            "print_sheet__pdf",
            "images__format",
            "images__width",
            "images__height",
            "images__file",
        )
    )
)

# The page's published stories in print order, each with its areas on this page (one
# row per area; one row with no area for a story without).  An area of a draft,
# scheduled or withdrawn story is never read: its story is not among the rows.
STORIES = PreparedQuery(
    lambda: (
        Article.objects.published(now=_NOW)
        .filter(page=Parameter("page", models.IntegerField()))
        .annotate(area=FilteredRelation("areas", condition=Q(areas__page=F("page"))))
        .order_by("page_position", "pk", "area__position", "area__pk")
        .values_list(
            "pk",
            "kicker",
            "headline",
            "subheadline",
            "kind",
            "area__pk",
            "area__position",
            "area__left",
            "area__top",
            "area__width",
            "area__height",
        )
    )
)

# The dates of the month's editions readers may see, for the calendar.
MONTH_EDITIONS = PreparedQuery(
    lambda: (
        Edition.objects.published(now=_NOW)
        .filter(date__gte=Parameter("first", _DATE), date__lt=Parameter("after", _DATE))
        .order_by("date")
        .values_list("date")
    )
)


@dataclass
class PagePicture:
    """A page's images as ``srcset`` values (narrowest first), with its size in pixels."""

    webp: str = ""
    jpeg: str = ""
    src: str = ""
    width: int = 0
    height: int = 0
    thumbnail: str = ""
    thumbnail_width: int = 0
    thumbnail_height: int = 0

    def add(self, url, fmt, width, height):
        entry = f"{url} {width}w"
        if fmt == PageImage.Format.WEBP:
            self.webp = f"{self.webp}, {entry}" if self.webp else entry
        else:
            self.jpeg = f"{self.jpeg}, {entry}" if self.jpeg else entry
            # The widest JPEG is the fallback; the narrowest is the navigation's thumbnail.
            if width > self.width:
                self.src, self.width, self.height = url, width, height
            if not self.thumbnail or width < self.thumbnail_width:
                self.thumbnail = url
                self.thumbnail_width, self.thumbnail_height = width, height

    def __bool__(self):
        return bool(self.src)


class Story:
    """A story in the list of titles and on the page's areas: what its row holds."""

    __slots__ = ("headline", "kicker", "kind", "pk", "subheadline", "title", "url")

    def __init__(self, row):
        self.pk, self.kicker, self.headline = row.pk, row.kicker, row.headline
        self.subheadline, self.kind = row.subheadline, row.kind
        # Each shown twice (its area, its title in the list): worked out once.
        self.title = Article.title.fget(self)
        self.url = Article.get_absolute_url(self)

    def get_kind_display(self):
        return Article.Kind(self.kind).label


@dataclass
class Area:
    """A story area as the page's SVG draws it: percentages of the page."""

    article: Story
    x: float
    y: float
    width: float
    height: float


@dataclass
class PrintedPage:
    """A page of the edition as the 数字报 shows it (the one read and its neighbours)."""

    pk: int
    label: str
    name: str
    url: str
    picture: PagePicture = field(default_factory=PagePicture)
    has_pdf: bool = False
    chief_editor: Person | None = None
    art_editor: Person | None = None
    proofreader: Person | None = None


def _person(pk, name):
    return Person(pk=pk, name=name) if pk else None


def edition_pages(rows):
    """``(edition, [PrintedPage…])`` from ``PAGES`` rows: the pages readers may see of an
    edition in order, with their pictures; ``(None, [])`` if there is none."""
    storage = PageImage._meta.get_field("file").storage
    edition, pages = None, {}
    for row in rows:
        page = pages.get(row.pk)
        if page is None:
            if edition is None:
                edition = Edition(pk=row.edition_id, date=row.edition__date)
                edition.number = row.edition__number
            page = pages[row.pk] = PrintedPage(
                pk=row.pk,
                label=row.label,
                name=row.name or row.section__name or "",
                url=Page(label=row.label, edition=edition).get_absolute_url(),
                has_pdf=bool(row.print_sheet__pdf),
                chief_editor=_person(row.chief_editor_id, row.chief_editor__name),
                art_editor=_person(row.art_editor_id, row.art_editor__name),
                proofreader=_person(row.proofreader_id, row.proofreader__name),
            )
        if row.images__file:
            page.picture.add(
                storage.url(row.images__file),
                row.images__format,
                row.images__width,
                row.images__height,
            )
    return edition, list(pages.values())


def page_stories(rows):
    """``(stories, areas)`` from ``STORIES`` rows: a page's published stories in print
    order, and their areas on it in the order they were stored."""
    stories, placed = {}, []
    for row in rows:
        story = stories.get(row.pk)
        if story is None:
            story = stories[row.pk] = Story(row)
        if row.area__pk is not None:
            area = Area(
                story,
                round(row.area__left * 100, 3),
                round(row.area__top * 100, 3),
                round(row.area__width * 100, 3),
                round(row.area__height * 100, 3),
            )
            placed.append(((row.area__position, row.area__pk), area))
    placed.sort(key=lambda item: item[0])
    return list(stories.values()), [area for _key, area in placed]


def month_calendar(month, editions):
    """The weeks of ``month`` as ``[(day, in month, edition or None), …]``, ``editions``
    being ``{date: edition}`` of the editions readers may see."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    return [[(day, day.month == month.month, editions.get(day)) for day in week] for week in weeks]


def _calendar_html(month, dates, current):
    editions = {day: Edition(date=day) for day in dates}
    context = {
        "month": month,
        "weeks": month_calendar(month, editions),
        "weekdays": [datetime.date(2024, 1, day) for day in range(1, 8)],  # Mon…Sun
        "current": current,
    }
    return render_to_string("articles/epaper/_calendar.html", context)


def month_dates(date):
    """The dates of the editions readers may see in the month of ``date``."""
    month = date.replace(day=1)
    after = (month + datetime.timedelta(days=31)).replace(day=1)
    return tuple(row.date for row in MONTH_EDITIONS.rows(first=month, after=after))


@functools.lru_cache(maxsize=128)
def page_parts(language, label, page_rows, story_rows, dates):
    """``(page, edition, body HTML)`` of the page ``label`` from the rows read for it.

    The same rows make the same page, so it is rendered once per process for each (as
    the masthead and menu are, ``context_processors.py``): keyed by everything it shows,
    never stale, only the three queries run on every request.  A story, area, picture,
    page or edition that changes changes its rows.
    """
    edition, siblings = edition_pages(page_rows)
    position = next(i for i, other in enumerate(siblings) if other.label == label)
    page = siblings[position]
    articles, areas = page_stories(story_rows)
    context = {
        "page": page,
        "edition": edition,
        "articles": articles,
        "areas": areas,
        "picture": page.picture,
        "page_sizes": PAGE_SIZES,
        "thumbnail_sizes": THUMBNAIL_SIZES,
        "pdf": page.has_pdf,
        "pdf_name": pdf_name(page, edition),
        "navigation": siblings,
        "previous_page": siblings[position - 1] if position > 0 else None,
        "next_page": siblings[position + 1] if position + 1 < len(siblings) else None,
        "calendar": mark_safe(_calendar_html(edition.date.replace(day=1), dates, edition.date)),
    }
    return page, edition, mark_safe(render_to_string("articles/epaper/_page.html", context))


class PageView(View):
    """One printed page of a published edition, as its readers' 数字报.

    Three prepared queries (the edition's pages with their staff, PDF and pictures; the
    page's stories with their areas; the month's editions); what they read is rendered
    once per process (``page_parts``).
    """

    template_name = "articles/epaper/page.html"

    def get(self, request, date, label):
        page_rows = tuple(PAGES.rows(date=date))
        found = next((row for row in page_rows if row.label == label), None)
        if found is None:
            raise Http404
        story_rows = tuple(STORIES.rows(page=found.pk))
        page, edition, body = page_parts(
            get_language(), label, page_rows, story_rows, month_dates(found.edition__date)
        )
        context = {"page": page, "edition": edition, "body": body}
        return TemplateResponse(request, self.template_name, context)


def _pdf(page):
    try:
        sheet = page.print_sheet
    except Page.print_sheet.RelatedObjectDoesNotExist:
        return None
    return sheet.pdf if sheet.pdf else None


def pdf_name(page, edition=None):
    return f"{(edition or page.edition).date:%Y%m%d}-{page.label}.pdf"


def page_pdf(request, date, label):
    """The page's PDF, for a page readers may see, named by its date and label."""
    found = get_object_or_404(
        Page.objects.published().select_related("print_sheet"), edition__date=date, label=label
    )
    pdf = _pdf(found)
    if pdf is None:
        raise Http404
    try:
        handle = pdf.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=pdf_name(found), content_type="application/pdf"
    )
    # Short: a page whose stories are withdrawn must leave browser caches soon.
    response["Cache-Control"] = "public, max-age=600"
    return response
