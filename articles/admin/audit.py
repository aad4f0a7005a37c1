"""Audit: on each user's admin page, what they changed and when; and permissions named
in Chinese on the user and group pages."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext
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
    # Shown through methods: django-reversion's own fields carry English help texts.
    fields = ["saved_at", "objects_changed", "note"]
    readonly_fields = fields
    verbose_name_plural = _("saved versions by this user")

    @admin.display(description=_("time"))
    def saved_at(self, revision):
        return revision.date_created

    @admin.display(description=_("comment"))
    def note(self, revision):
        return revision.comment

    @admin.display(description=_("what was saved"))
    def objects_changed(self, revision):
        return "、".join(str(version) for version in revision.version_set.all()[:5])

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("version_set")


# Django stores a permission's name in English ("Can add story", or the untranslated text
# of Meta.permissions) and shows it as it is stored: named here from the model instead.
DEFAULT_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_label(permission):
    """``app | model | what it allows``, in the reader's language."""
    model = permission.content_type.model_class()
    if model is None:
        return str(permission)
    app = apps.get_app_config(permission.content_type.app_label).verbose_name
    action, _sep, model_name = permission.codename.partition("_")
    if action in DEFAULT_ACTIONS and model_name == model._meta.model_name:
        name = DEFAULT_ACTIONS[action] % {"model": model._meta.verbose_name}
    else:
        name = gettext(permission.name)
    return f"{app} | {model._meta.verbose_name} | {name}"


class PermissionsInChinese:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if formfield is not None and db_field.name in ("permissions", "user_permissions"):
            formfield.label_from_instance = permission_label
        return formfield


User = get_user_model()
BaseUserAdmin = type(admin.site._registry[User]) if admin.site.is_registered(User) else UserAdmin


class AuditedUserAdmin(PermissionsInChinese, BaseUserAdmin):
    inlines = [*BaseUserAdmin.inlines, UserStatusChangeInline, UserRevisionInline]


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AuditedUserAdmin)


BaseGroupAdmin = (
    type(admin.site._registry[Group]) if admin.site.is_registered(Group) else GroupAdmin
)


class NewsroomGroupAdmin(PermissionsInChinese, BaseGroupAdmin):
    pass


if admin.site.is_registered(Group):
    admin.site.unregister(Group)
admin.site.register(Group, NewsroomGroupAdmin)
