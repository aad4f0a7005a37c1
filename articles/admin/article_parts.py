"""The parts of a story on its admin page: bylines, photos, rosters, linked stories,
and the read-only status history and corrections."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.admin.base import HistoryInline
from articles.admin.forms import ArticlePartsFormSet, AwardRosterInlineForm, PhotoInlineForm
from articles.editorial import workflow
from articles.models import Article, AwardRoster, Byline, Correction, Photo, Role, StatusChange


def thumbnail(photo, width=96):
    if not photo or not photo.image:
        return "—"
    return format_html(
        '<img class="newsroom-thumb" src="{}" width="{}" alt="{}">',
        photo.image.url,
        width,
        photo.alt,
    )


class StoryPartInline:
    """A part edited in the story form; where the story is read-only for this user, its
    form-only fields (``read_only_as``) are shown through display methods instead."""

    read_only_as = {}

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and not workflow.can_edit(request.user, obj):
            fields = [self.read_only_as.get(name, name) for name in fields]
        return fields

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.read_only_as.values()]


class BylineInline(admin.TabularInline):
    model = Byline
    formset = ArticlePartsFormSet
    fields = ["order", "unit", "role", "person", "photo"]
    autocomplete_fields = ["person"]
    extra = 0
    ordering = ["photo", "order"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Narrow cells, so the row fits the form at 1280 px: no add, change and view
        icons beside the role and photo (roles have their own admin), short inputs."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        if db_field.name in ("role", "photo"):
            widget = field.widget
            for flag in ("can_add_related", "can_change_related", "can_delete_related"):
                setattr(widget, flag, False)
            widget.can_view_related = False
        if db_field.name == "order":
            field.widget.attrs.update({"class": "desk-narrow", "size": 3})
        if db_field.name == "unit":
            field.widget.attrs.update({"size": 12})
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        photo_field = formset.form.base_fields["photo"]
        photo_field.queryset = obj.photos.all() if obj else Photo.objects.none()
        role_field = formset.form.base_fields["role"]
        role_field.queryset = Role.objects.all()
        return formset

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "role", "photo")


class PhotoInline(StoryPartInline, admin.StackedInline):
    model = Photo
    form = PhotoInlineForm
    formset = ArticlePartsFormSet
    fields = ["preview", "image", "credit", "caption", "alt_text", "order"]
    readonly_fields = ["preview"]
    read_only_as = {"credit": "credit_text"}
    extra = 0

    @admin.display(description=_("preview"))
    def preview(self, photo):
        return thumbnail(photo, 160)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "caption":
            field.widget.attrs["rows"] = 3  # a caption is a sentence or two
        return field

    @admin.display(description=_("credit"))
    def credit_text(self, photo):
        return photo.credit_text or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article").with_credits()


class AwardRosterInline(StoryPartInline, admin.StackedInline):
    model = AwardRoster
    form = AwardRosterInlineForm
    formset = ArticlePartsFormSet
    read_only_as = {"names": "name_list"}
    extra = 0

    @admin.display(description=_("names"))
    def name_list(self, roster):
        return "、".join(entry.name for entry in roster.entries.all())

    verbose_name = _("related-links roster")
    verbose_name_plural = _("related links (相关链接) rosters")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("entries")


class CompanionInline(admin.TabularInline):
    model = Article
    fk_name = "main_article"
    fields = ["headline", "kind", "status"]
    readonly_fields = ["headline", "kind", "status"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = _("linked story")
    verbose_name_plural = _("linked stories (commentary, sidebars)")

    def has_add_permission(self, request, obj=None):
        return False


class StatusChangeInline(HistoryInline):
    model = StatusChange
    fields = ["created_at", "user", "from_status", "to_status", "comment"]
    readonly_fields = fields
    verbose_name_plural = _("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


class CorrectionInline(HistoryInline):
    model = Correction
    fields = ["created_at", "created_by", "note"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("created_by")
