"""Pieces the admin modules share."""

from django.contrib import admin
from django.db.models import Func, Subquery


def count_of(rows):
    """A column counting ``rows`` (a queryset with an ``OuterRef``) for each row shown.

    A correlated subquery runs for the rows of the page only, where a ``Count()``
    annotation groups the whole table before the first row of a list is known.
    """
    return Subquery(rows.order_by().annotate(n=Func("pk", function="COUNT")).values("n"))


class ReadOnlyInline(admin.TabularInline):
    """A record shown on a page that nobody edits there (history, credits, audit)."""

    extra = 0
    max_num = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class HistoryInline(ReadOnlyInline):
    """A story's own record: whoever may see the story sees it."""

    def has_view_permission(self, request, obj=None):
        return True
