from django.urls import path

from . import (
    converters,  # noqa: F401  (registers id, year, month, isodate, text, …)
    feeds,
    views,
)
from .cache import cache_public_page
from .search.views import SearchView

app_name = "articles"


def cached(view_class, **initkwargs):
    return cache_public_page(view_class.as_view(**initkwargs))


urlpatterns = [
    path("", cached(views.HomeView), name="home"),
    path("editions/", cached(views.EditionArchiveView), name="edition_archive"),
    path(
        "editions/<year:year>/<month:month>/",
        cached(views.EditionArchiveView),
        name="edition_month",
    ),
    path("editions/<isodate:date>/", cached(views.EditionView), name="edition"),
    path("editions/<isodate:date>/<text:label>/", cached(views.PageView), name="page"),
    path("sections/<text:slug>/", cached(views.SectionView), name="section"),
    path("sections/<text:slug>/rss/", cache_public_page(feeds.SectionFeed()), name="section_feed"),
    path("stories/<id:pk>/", cached(views.ArticleDetailView), name="detail"),
    path("people/<id:pk>/", cached(views.PersonView), name="person"),
    path("tags/<text:slug>/", cached(views.TagView), name="tag"),
    path("search/", SearchView.as_view(), name="search"),
    path("rss/", cache_public_page(feeds.LatestStoriesFeed()), name="feed"),
    path(
        "photos/<id:pk>/<token:token>-<size:width>.<format:fmt>",
        views.rendition,
        name="rendition",
    ),
]
