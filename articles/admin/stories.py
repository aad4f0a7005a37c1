"""Stories with their bylines, photos and rosters."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..forms import ArticleAdminForm, AwardRosterInlineForm
from ..models import Article, AwardRoster, Byline, Photo, Role


def thumbnail(photo, width=96):
    if not photo or not photo.image:
        return "—"
    return format_html(
        '<img src="{}" width="{}" alt="{}" style="height:auto">', photo.image.url, width, photo.alt
    )


class BylineInline(admin.TabularInline):
    model = Byline
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
        return (
            super()
            .get_queryset(request)
            .select_related("article")
            .prefetch_related("credits__person", "credits__role")
        )


class AwardRosterInline(admin.StackedInline):
    model = AwardRoster
    form = AwardRosterInlineForm
    extra = 0
    verbose_name = _("related-links roster")
    verbose_name_plural = _("related links (相关链接) rosters")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("entries")


class CompanionInline(admin.TabularInline):
    model = Article
    fk_name = "main_story"
    fields = ["headline", "kind", "status"]
    readonly_fields = ["headline", "kind", "status"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = _("linked story")
    verbose_name_plural = _("linked stories (commentary, sidebars)")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title_display",
        "kind",
        "section",
        "status",
        "page_display",
        "char_count",
        "photo_count",
        "published_at",
    ]
    list_filter = [
        "status",
        "kind",
        "section",
        ("page__edition", admin.RelatedOnlyFieldListFilter),
        ("page", admin.RelatedOnlyFieldListFilter),
        "published_at",
    ]
    list_select_related = ["section", "page__edition"]
    search_fields = ["headline", "kicker", "subheadline", "body"]
    ordering = ["-published_at", "-pk"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["main_story"]
    readonly_fields = ["char_count", "created_at", "updated_at", "byline_preview"]
    actions = ["publish_selected", "withdraw_selected"]
    inlines = [BylineInline, PhotoInline, AwardRosterInline, CompanionInline]
    fieldsets = [
        (None, {"fields": ["kicker", "headline", "subheadline", "kind", "section", "tags"]}),
        (
            _("Text"),
            {"fields": ["byline_preview", "dateline", "body", "char_count"]},
        ),
        (_("Placement"), {"fields": ["page", "page_position", "main_story"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(photo_total=Count("photos"))

    @admin.display(description=_("title"), ordering="headline")
    def title_display(self, article):
        return article.title

    @admin.display(description=_("page"), ordering="page__edition__date")
    def page_display(self, article):
        if not article.page:
            return "—"
        return f"{article.page.edition} {article.page.label}"

    @admin.display(description=_("photos"), ordering="photo_total")
    def photo_count(self, article):
        return article.photo_total

    @admin.display(description=_("byline as printed"))
    def byline_preview(self, article):
        return article.byline_text or "—"

    @admin.action(description=_("Publish selected stories"), permissions=["change"])
    def publish_selected(self, request, queryset):
        count = queryset.publish()
        self.message_user(
            request,
            ngettext("%(count)d story published.", "%(count)d stories published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Withdraw selected stories"), permissions=["change"])
    def withdraw_selected(self, request, queryset):
        count = queryset.withdraw()
        self.message_user(
            request,
            ngettext("%(count)d story withdrawn.", "%(count)d stories withdrawn.", count)
            % {"count": count},
            messages.SUCCESS,
        )
