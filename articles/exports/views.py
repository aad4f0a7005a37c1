"""Downloads of layout exports for logged-in staff (the admin's export buttons link here).

Thin: find the page or edition, call ``articles.exports.formats``, send the file.
Staff exports include stories of every status, so readers never reach them.
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404

from articles.exports.downloads import file_download
from articles.exports.formats import FORMATS, export_edition, export_page, find_edition, find_page
from articles.print_labels import LayoutError


@staff_member_required
def export_page_view(request, date, label, fmt):
    if fmt not in FORMATS:
        raise Http404
    try:
        page = find_page(date, label)
    except LayoutError as error:
        raise Http404(error.describe()) from None
    return file_download(export_page(page, fmt, request.build_absolute_uri("/")))


@staff_member_required
def export_edition_view(request, date, fmt=None):
    if fmt is not None and fmt not in FORMATS:
        raise Http404
    try:
        edition = find_edition(date)
        result = export_edition(edition, [fmt] if fmt else FORMATS, request.build_absolute_uri("/"))
    except LayoutError as error:
        raise Http404(error.describe()) from None
    return file_download(result)
