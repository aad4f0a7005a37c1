from django.urls import path

from articles.exports import views
from articles.public.converters import IsoDateConverter  # noqa: F401  (registers the isodate converter)

app_name = "staff"

urlpatterns = [
    path("export/<isodate:date>/", views.export_edition_view, name="export_edition"),
    path(
        "export/<isodate:date>/all.<str:fmt>.zip",
        views.export_edition_view,
        name="export_edition_format",
    ),
    path(
        "export/<isodate:date>/<str:label>/<str:fmt>/",
        views.export_page_view,
        name="export_page",
    ),
]
