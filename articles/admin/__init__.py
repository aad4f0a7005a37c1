"""The editors' admin, one module per desk: stories, pages and editions, reference data."""

from . import audit, layout, pages, reference, stories  # noqa: F401  (registers the ModelAdmins)
