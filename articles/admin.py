from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from people.admin import PersonAdmin

from .forms import ArticleAdminForm, AwardRosterInlineForm
from .models import (
    Article,
    AwardRoster,
    Byline,
    Edition,
    Page,
    Photo,
    Role,
    RosterEntry,
    Section,
    check_roster_count,
)


def thumbnail(photo, width=96):
    if not photo or not photo.image:
        return "—"
    return format_html(
        '<img src="{}" width="{}" alt="{}" style="height:auto">', photo.image.url, width, photo.alt
    )


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["name", "print_label", "is_photo", "order"]
    list_editable = ["print_label", "is_photo", "order"]
    search_fields = ["name"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "slug", "order"]
    list_editable = ["order"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


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


class ArticleOnPageInline(admin.TabularInline):
    """The stories on a page, where layout staff put them in order."""

    model = Article
    fk_name = "page"
    fields = ["page_position", "headline", "kind", "section", "status", "char_count"]
    readonly_fields = ["headline", "kind", "section", "status", "char_count"]
    ordering = ["page_position", "pk"]
    extra = 0
    show_change_link = True
    verbose_name = _("story on this page")
    verbose_name_plural = _("stories on this page, in order")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("section")


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = [
        "edition",
        "label",
        "name",
        "section",
        "chief_editor",
        "art_editor",
        "proofreader",
        "story_count",
    ]
    list_display_links = ["label"]
    list_filter = [("edition", admin.RelatedOnlyFieldListFilter), "section"]
    list_select_related = ["edition", "section", "chief_editor", "art_editor", "proofreader"]
    search_fields = ["label", "name", "edition__date"]
    ordering = ["-edition__date", "order", "label"]
    autocomplete_fields = ["chief_editor", "art_editor", "proofreader"]
    inlines = [ArticleOnPageInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description=_("stories"), ordering="article_total")
    def story_count(self, page):
        return page.article_total


class PageInline(admin.TabularInline):
    model = Page
    fields = ["order", "label", "name", "section", "chief_editor", "art_editor", "proofreader"]
    autocomplete_fields = ["chief_editor", "art_editor", "proofreader"]
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("section", "chief_editor", "art_editor", "proofreader")
        )


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["date", "number", "page_count"]
    ordering = ["-date"]
    date_hierarchy = "date"
    search_fields = ["date"]
    inlines = [PageInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(page_total=Count("pages"))

    @admin.display(description=_("pages"), ordering="page_total")
    def page_count(self, edition):
        return edition.page_total


class RosterEntryInline(admin.TabularInline):
    model = RosterEntry
    fields = ["order", "name", "person"]
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(AwardRoster)
class AwardRosterAdmin(admin.ModelAdmin):
    list_display = ["display_title", "article", "stated_count", "entry_count"]
    list_select_related = ["article"]
    search_fields = ["title", "entries__name"]
    ordering = ["article", "order", "pk"]
    autocomplete_fields = ["article"]
    inlines = [RosterEntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_total=Count("entries"))

    @admin.display(description=_("names listed"), ordering="entry_total")
    def entry_count(self, roster):
        return roster.entry_total

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield _count_checked(formset), inline


def _count_checked(formset_class):
    """Wrap the names formset so that a roster whose count differs from its names is refused."""

    class CountCheckedFormSet(formset_class):
        def clean(self):
            super().clean()
            stated = self.instance.stated_count
            if stated is None or any(self.errors):
                return
            kept = [
                form
                for form in self.forms
                if form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("name")
            ]
            check_roster_count(stated, len(kept))

    return CountCheckedFormSet


class PersonBylineInline(admin.TabularInline):
    """Every credit a person has, on their admin page (people/ cannot know about stories)."""

    model = Byline
    fields = ["article", "role", "unit", "photo"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name = _("credit")
    verbose_name_plural = _("credits on stories and photos")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "role", "photo")


PersonAdmin.inlines = [*PersonAdmin.inlines, PersonBylineInline]
