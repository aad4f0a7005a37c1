from django.urls import path, register_converter

from . import views


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        import datetime

        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value if isinstance(value, str) else value.isoformat()


register_converter(IsoDateConverter, "isodate")

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("editions/<isodate:date>/", views.EditionView.as_view(), name="edition"),
    path("editions/<isodate:date>/<str:label>/", views.PageView.as_view(), name="page"),
    path("sections/<str:slug>/", views.SectionView.as_view(), name="section"),
    path("stories/<int:pk>/", views.ArticleDetailView.as_view(), name="detail"),
    path("people/<int:pk>/", views.PersonView.as_view(), name="person"),
]
