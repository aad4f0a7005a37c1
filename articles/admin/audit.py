"""Audit: on each user's admin page, what they changed and when."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision

from articles.admin.base import ReadOnlyInline
from articles.models import StatusChange


class UserStatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = ["created_at", "article", "from_status", "to_status", "comment"]
    readonly_fields = fields
    verbose_name_plural = _("status changes made by this user")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


class UserRevisionInline(ReadOnlyInline):
    model = Revision
    fields = ["date_created", "objects_changed", "comment"]
    readonly_fields = fields
    verbose_name_plural = _("saved versions by this user")

    @admin.display(description=_("what was saved"))
    def objects_changed(self, revision):
        return "、".join(str(version) for version in revision.version_set.all()[:5])

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("version_set")


User = get_user_model()
BaseUserAdmin = type(admin.site._registry[User]) if admin.site.is_registered(User) else UserAdmin


class AuditedUserAdmin(BaseUserAdmin):
    inlines = [*BaseUserAdmin.inlines, UserStatusChangeInline, UserRevisionInline]


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AuditedUserAdmin)
