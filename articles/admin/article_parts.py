"""The parts of a story on its admin page: bylines, photos, rosters, linked stories,
and the read-only status history and corrections."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.admin.base import HistoryInline
from articles.admin.forms import ArticlePartsFormSet, AwardRosterInlineForm
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


class BylineInline(admin.TabularInline):
    model = Byline
    formset = ArticlePartsFormSet
    fields = ["order", "unit", "role", "person", "photo"]
    autocomplete_fields = ["person"]
    extra = 0
    ordering = ["photo", "order"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        photo_field = formset.form.base_fields["photo"]
        photo_field.queryset = obj.photos.all() if obj else Photo.objects.none()
        role_field = formset.form.base_fields["role"]
        role_field.queryset = Role.objects.all()
        return formset

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "role", "photo")


class PhotoInline(admin.StackedInline):
    model = Photo
    formset = ArticlePartsFormSet
    fields = ["preview", "image", "caption", "alt_text", "order", "credit_line"]
    readonly_fields = ["preview", "credit_line"]
    extra = 0

    @admin.display(description=_("preview"))
    def preview(self, photo):
        return thumbnail(photo, 160)

    @admin.display(description=_("credit"))
    def credit_line(self, photo):
        return photo.credit_text or _("Add the photographer as a byline with this photo selected.")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article").with_credits()


class AwardRosterInline(admin.StackedInline):
    model = AwardRoster
    form = AwardRosterInlineForm
    formset = ArticlePartsFormSet
    extra = 0
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
