import datetime

from django.urls import path, register_converter

from . import feeds, views
from .cache import cache_public_page
from .search.views import SearchView


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(value) from error

    def to_url(self, value):
        return value if isinstance(value, str) else value.isoformat()


register_converter(IsoDateConverter, "isodate")

app_name = "articles"


def cached(view_class, **initkwargs):
    return cache_public_page(view_class.as_view(**initkwargs))


urlpatterns = [
    path("", cached(views.HomeView), name="home"),
    path("editions/", cached(views.EditionArchiveView), name="edition_archive"),
    path(
        "editions/<int:year>/<int:month>/",
        cached(views.EditionArchiveView),
        name="edition_month",
    ),
    path("editions/<isodate:date>/", cached(views.EditionView), name="edition"),
    path("editions/<isodate:date>/<str:label>/", cached(views.PageView), name="page"),
    path("sections/<str:slug>/", cached(views.SectionView), name="section"),
    path("sections/<str:slug>/rss/", cache_public_page(feeds.SectionFeed()), name="section_feed"),
    path("stories/<int:pk>/", cached(views.ArticleDetailView), name="detail"),
    path("people/<int:pk>/", cached(views.PersonView), name="person"),
    path("tags/<str:slug>/", cached(views.TagView), name="tag"),
    path("search/", SearchView.as_view(), name="search"),
    path("rss/", cache_public_page(feeds.LatestStoriesFeed()), name="feed"),
    path(
        "photos/<int:pk>/<str:token>-<int:width>.<str:fmt>",
        views.rendition,
        name="rendition",
    ),
]
