"""Sitemaps for search engines: every public page, and Google News for the last two days.

``/sitemap.xml`` is an index of files that each hold one kind of page (stories,
editions, pages, sections, people, tags) in a range of primary keys:
``/sitemap-stories-3.xml`` holds the published stories with a pk in
[3·size, 4·size).  A file is one range scan of the primary key, so making file 300
of a million-story archive costs what file 0 of a new one does; Django's own
pagination would skip the rows before it (OFFSET) and count the whole table for
the index.  The index finds each kind's last file with one probe (its highest
visible pk) and lists every number up to it.  A range may hold fewer than ``size``
addresses, or none (drafts, deleted stories): it is still listed, and answers an
empty list rather than 404; a number past the last is 404.
"""

import datetime
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Edition, Page, Section, publication_name
from articles.public.views import visible_people

NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most this many URLs per sitemap
XML = "application/xml; charset=utf-8"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class Entry:
    location: str
    lastmod: datetime.datetime | None = None
    changefreq: str | None = None
    priority: float | None = None


class RangeSitemap:
    """One kind of public page, in files of ``size`` consecutive primary keys.

    ``size`` is at most 50,000, the protocol's limit for one file.
    """

    size = 10_000
    changefreq = None
    priority = None

    def items(self):
        """What readers may see of this kind; every file is a pk range of it."""
        raise NotImplementedError

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return None

    def last_number(self):
        """The number of the last file (highest visible pk // size), None when none is visible."""
        last_pk = self.items().order_by("-pk").values_list("pk", flat=True).first()
        return None if last_pk is None else last_pk // self.size

    def in_file(self, number):
        """The visible items with a pk in file ``number``'s range, in pk order."""
        low = number * self.size
        return self.items().filter(pk__gte=low, pk__lt=low + self.size).order_by("pk")

    def entries(self, number, base):
        return [
            Entry(base + self.location(item), self.lastmod(item), self.changefreq, self.priority)
            for item in self.in_file(number)
        ]


class ArticleSitemap(RangeSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Article.objects.published().only("pk", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class EditionSitemap(RangeSitemap):
    changefreq = "never"

    def items(self):
        return Edition.objects.published().only("pk", "date")


class PageSitemap(RangeSitemap):
    changefreq = "never"

    def items(self):
        # The manager brings each page's edition, which names it.
        return Page.objects.published().only("pk", "label", "edition", "edition__date")


class SectionSitemap(RangeSitemap):
    changefreq = "daily"

    def items(self):
        return Section.objects.only("pk", "slug")


class PersonSitemap(RangeSitemap):
    changefreq = "weekly"

    def items(self):
        # The same people who have a public page, and no one else.
        return visible_people().only("pk")


class TagSitemap(RangeSitemap):
    changefreq = "weekly"

    def items(self):
        tagged = Article.objects.published().filter(tags=OuterRef("pk"))
        return Tag.objects.filter(Exists(tagged)).only("pk", "slug")

    def location(self, item):
        return reverse("articles:tag", args=[item.slug])


SITEMAPS = {
    "stories": ArticleSitemap,
    "editions": EditionSitemap,
    "pages": PageSitemap,
    "sections": SectionSitemap,
    "people": PersonSitemap,
    "tags": TagSitemap,
}


def urlset(entries):
    """The XML of one sitemap file.

    Written out here rather than by a template: a template's loop cost about 110 µs an
    address, over a second for the ten thousand of one file (0.5 s in all now).
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NAMESPACE}">']
    for entry in entries:
        line = f"<url><loc>{escape(entry.location)}</loc>"
        if entry.lastmod:
            line += f"<lastmod>{timezone.localtime(entry.lastmod).isoformat()}</lastmod>"
        if entry.changefreq:
            line += f"<changefreq>{entry.changefreq}</changefreq>"
        if entry.priority:
            line += f"<priority>{entry.priority}</priority>"
        lines.append(line + "</url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


def _base(request):
    return f"{request.scheme}://{request.get_host()}"


def sitemap_index(request):
    """Every file of every kind (one probe per kind), then the news sitemap."""
    base = _base(request)
    locations = []
    for kind, sitemap_class in SITEMAPS.items():
        last = sitemap_class().last_number()
        if last is not None:
            locations += [
                base + reverse("sitemap_file", args=[kind, number]) for number in range(last + 1)
            ]
    locations.append(base + reverse("news_sitemap"))
    return render(request, "sitemaps/index.xml", {"locations": locations}, content_type=XML)


def sitemap_file(request, kind, number):
    """One file: the visible items of ``kind`` in the pk range ``number`` (two queries)."""
    try:
        sitemap = SITEMAPS[kind]()
    except KeyError:
        raise Http404 from None
    last = sitemap.last_number()
    if last is None or number > last:
        raise Http404
    entries = sitemap.entries(number, _base(request))
    return HttpResponse(urlset(entries), content_type=XML)


def news_sitemap(request):
    """Google News sitemap: stories published in the last two days."""
    since = timezone.now() - NEWS_WINDOW
    articles = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .prefetch_related("tags")
        .order_by("-published_at")[:NEWS_LIMIT]
    )
    return render(
        request,
        "articles/news_sitemap.xml",
        {"stories": articles, "publication": publication_name()},
        content_type=XML,
    )


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
