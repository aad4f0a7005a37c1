"""Project-wide error pages."""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.views.defaults import server_error


def _database_down(error):
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    # psycopg wraps a lost server as DatabaseError subclasses with these markers.
    return isinstance(error, DatabaseError) and "connection" in str(error).lower()


def error_500(request, *args, **kwargs):
    """A lost database is an outage, not a bug: answer 503 with a short notice.

    Django calls this inside the `except` that caught the error, so the
    exception is at hand.  The notice is rendered without touching the database.
    """
    error = sys.exc_info()[1]
    if error is not None and _database_down(error):
        from django.http import HttpResponse

        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "5"
        return response
    return server_error(request, *args, **kwargs)
