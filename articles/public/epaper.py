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
from dataclasses import dataclass

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from articles.models import Article, Edition, Page, PageImage, StoryArea

# The widths the browser chooses from: the page column is at most this wide on a desktop,
# the whole screen on a phone (zoomed, the browser asks for a wider image).
PAGE_SIZES = "(min-width: 1000px) 620px, 100vw"
THUMBNAIL_SIZES = "96px"


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

    def add(self, image):
        url = image.file.url
        entry = f"{url} {image.width}w"
        if image.format == PageImage.Format.WEBP:
            self.webp = f"{self.webp}, {entry}" if self.webp else entry
        else:
            self.jpeg = f"{self.jpeg}, {entry}" if self.jpeg else entry
            # The widest JPEG is the fallback; the narrowest is the navigation's thumbnail.
            if image.width > self.width:
                self.src, self.width, self.height = url, image.width, image.height
            if not self.thumbnail or image.width < self.thumbnail_width:
                self.thumbnail = url
                self.thumbnail_width, self.thumbnail_height = image.width, image.height

    def __bool__(self):
        return bool(self.src)


def pictures(pages):
    """``{page key: PagePicture}`` of ``pages``, read in one query."""
    found = {page.pk: PagePicture() for page in pages}
    images = PageImage.objects.filter(page__in=list(found)).order_by("page", "format", "width")
    for image in images.only("page_id", "format", "width", "height", "file"):
        found[image.page_id].add(image)
    return found


@dataclass
class Area:
    """A story area as the page's SVG draws it: percentages of the page."""

    article: Article
    x: float
    y: float
    width: float
    height: float


def areas(page, articles):
    """The areas of ``page`` that belong to ``articles`` (its published stories), in order."""
    by_key = {article.pk: article for article in articles}
    found = StoryArea.objects.filter(
        page=page, article__in=Article.objects.published().filter(page=page)
    ).order_by("position", "pk")
    return [
        Area(
            by_key[area.article_id],
            round(area.left * 100, 3),
            round(area.top * 100, 3),
            round(area.width * 100, 3),
            round(area.height * 100, 3),
        )
        for area in found.only("article_id", "left", "top", "width", "height")
        if area.article_id in by_key
    ]


def month_calendar(month):
    """The weeks of ``month`` as ``[(day, in month, edition or None), …]`` with the editions
    readers may see, in one query."""
    editions = {
        edition.date: edition
        for edition in Edition.objects.published().filter(
            date__year=month.year, date__month=month.month
        )
    }
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    return [[(day, day.month == month.month, editions.get(day)) for day in week] for week in weeks]


class PageView(DetailView):
    """One printed page of a published edition, as its readers' 数字报."""

    template_name = "articles/epaper/page.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        pages = Page.objects.published().select_related(
            "edition", "section", "chief_editor", "art_editor", "proofreader", "print_sheet"
        )
        return get_object_or_404(
            pages, edition__date=self.kwargs["date"], label=self.kwargs["label"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        # The list of titles shows what the story's own row holds: no stored card to read.
        articles = list(
            Article.objects.published()
            .on_page(page)
            .only("pk", "kicker", "headline", "subheadline", "kind", "page_position")
        )
        siblings = list(
            Page.objects.published()
            .filter(edition=page.edition_id)
            .select_related("section")
            .order_by("order", "label")
        )
        position = [p.pk for p in siblings].index(page.pk)
        found = pictures(siblings)
        previous_page = siblings[position - 1] if position > 0 else None
        next_page = siblings[position + 1] if position + 1 < len(siblings) else None
        month = page.edition.date.replace(day=1)
        context.update(
            edition=page.edition,
            articles=articles,
            areas=areas(page, articles),
            picture=found[page.pk],
            page_sizes=PAGE_SIZES,
            thumbnail_sizes=THUMBNAIL_SIZES,
            pdf=_pdf(page),
            pdf_name=pdf_name(page),
            navigation=[(other, found[other.pk]) for other in siblings],
            previous_page=previous_page,
            next_page=next_page,
            month=month,
            weeks=month_calendar(month),
            weekdays=[datetime.date(2024, 1, day) for day in range(1, 8)],  # Mon…Sun
        )
        return context


def _pdf(page):
    try:
        sheet = page.print_sheet
    except Page.print_sheet.RelatedObjectDoesNotExist:
        return None
    return sheet.pdf if sheet.pdf else None


def pdf_name(page):
    return f"{page.edition.date:%Y%m%d}-{page.label}.pdf"


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
