"""Project-wide error pages."""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _database_down(error):
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    # psycopg wraps a lost server as DatabaseError subclasses with these markers.
    return isinstance(error, DatabaseError) and "connection" in str(error).lower()


def error_500(request, *args, **kwargs):
    """A lost database is an outage, not a bug: answer 503 with a short notice; any other
    error shows the readers' masthead and search box over a Chinese notice.

    Django calls this inside the `except` that caught the error, so the
    exception is at hand.  The notice is rendered without touching the database.
    """
    error = sys.exc_info()[1]
    if error is not None and _database_down(error):
        from django.http import HttpResponse

        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "5"
        return response
    try:
        from articles.public.context_processors import error_page_context

        body = render_to_string("500.html", error_page_context())
    except Exception:  # the error page itself must not fail
        logger.exception("The 500 page could not be rendered; a bare notice is shown")
        body = f"<!DOCTYPE html><title>{_('Server error')}</title><h1>{_('Server error')}</h1>"
    return HttpResponseServerError(body)
