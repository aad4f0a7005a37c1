from django.urls import path

from . import staff_views
from .converters import IsoDateConverter  # noqa: F401  (registers the isodate converter)

app_name = "staff"

urlpatterns = [
    path("export/<isodate:date>/", staff_views.export_edition_view, name="export_edition"),
    path(
        "export/<isodate:date>/all.<str:fmt>.zip",
        staff_views.export_edition_view,
        name="export_edition_format",
    ),
    path(
        "export/<isodate:date>/<str:label>/<str:fmt>/",
        staff_views.export_page_view,
        name="export_page",
    ),
]
