"""Pieces the admin modules share."""

from django.contrib import admin


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
