"""Sitemaps for search engines: every public page, and Google News for the last two days."""

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Edition, Page, Section, publication_name
from articles.public.views import visible_people

NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most this many URLs per sitemap


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8
    limit = 5000

    def items(self):
        return Article.objects.published().only("pk", "updated_at").order_by("-published_at")

    def lastmod(self, item):
        return item.updated_at


class EditionSitemap(Sitemap):
    changefreq = "never"

    def items(self):
        return Edition.objects.published()


class PageSitemap(Sitemap):
    changefreq = "never"

    def items(self):
        return (
            Page.objects.published().select_related("edition").order_by("-edition__date", "order")
        )


class SectionSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Section.objects.all()


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        # The same people who have a public page, and no one else.
        return visible_people().order_by("pk")


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        tagged = Article.objects.published().filter(tags=OuterRef("pk"))
        return Tag.objects.filter(Exists(tagged)).order_by("pk")

    def location(self, item):
        from django.urls import reverse

        return reverse("articles:tag", args=[item.slug])


SITEMAPS = {
    "stories": ArticleSitemap,
    "editions": EditionSitemap,
    "pages": PageSitemap,
    "sections": SectionSitemap,
    "people": PersonSitemap,
    "tags": TagSitemap,
}


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
        content_type="application/xml; charset=utf-8",
    )


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
