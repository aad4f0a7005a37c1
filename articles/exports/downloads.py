"""An export file sent as a download, the one way staff exports leave the site.

Both the staff download URLs (staff_views.py) and the admin's export actions use
it; it sits apart from both so that neither imports the other.
"""

from django.http import HttpResponse


def file_download(export):
    """``export`` (a ``layout.exports.ExportFile``) as an attachment that no cache keeps.

    Staff exports carry drafts and withdrawn stories: neither a shared cache nor the
    browser's may store them.
    """
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.name}"'
    response["Cache-Control"] = "private, no-store"
    return response
