from django.urls import path

from articles.public import epaper, feeds, preview, views
from articles.public.cache import cache_public_page
from articles.search.views import SearchView

app_name = "articles"

# The query parameters a paginated list reads; every other parameter is dropped before
# the view sees it, so it neither makes a new cache entry nor changes the page.
PAGINATED = ("page",)


def cached(view_class, params=(), **initkwargs):
    return cache_public_page(view_class.as_view(**initkwargs), params=params)


urlpatterns = [
    path("", cached(views.HomeView), name="home"),
    path("editions/", cached(views.EditionArchiveView), name="edition_archive"),
    path(
        "editions/<year:year>/<month:month>/",
        cached(views.EditionArchiveView),
        name="edition_month",
    ),
    path("editions/<isodate:date>/", cached(views.EditionView), name="edition"),
    path("editions/<isodate:date>/<text:label>/", cached(epaper.PageView), name="page"),
    path("editions/<isodate:date>/<text:label>/pdf/", epaper.page_pdf, name="page_pdf"),
    path("sections/<text:slug>/", cached(views.SectionView, PAGINATED), name="section"),
    path("sections/<text:slug>/rss/", cache_public_page(feeds.SectionFeed()), name="section_feed"),
    path("stories/<id:pk>/", cached(views.ArticleDetailView), name="detail"),
    path("people/<id:pk>/", cached(views.PersonView, PAGINATED), name="person"),
    path("tags/<text:slug>/", cached(views.TagView, PAGINATED), name="tag"),
    path("search/", SearchView.as_view(), name="search"),
    path("rss/", cache_public_page(feeds.LatestArticlesFeed()), name="feed"),
    path(
        "photos/<id:pk>/<token:token>-<size:width>.<format:fmt>",
        views.rendition,
        name="rendition",
    ),
    # Staff, or a signed link, only; never cached (preview.py).
    path("preview/stories/<id:pk>/", preview.story, name="preview_story"),
    path("preview/pages/<isodate:date>/<text:label>/", preview.page, name="preview_page"),
    path(
        "preview/photos/<id:pk>/<token:token>-<size:width>.<format:fmt>",
        preview.photo,
        name="preview_photo",
    ),
]
