"""Editions and pages: page staff and the order of stories on a page."""

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import editorial, workflow
from ..models import Article, Edition, Page
from . import layout


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

    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Reordering a page moves its stories: layout staff only, each move through the core.
        return workflow.can_place(request.user)

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
    actions = layout.PAGE_EXPORT_ACTIONS

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description=_("stories"), ordering="article_total")
    def story_count(self, page):
        return page.article_total

    def save_formset(self, request, form, formset, change):
        if formset.model is not Article:
            return super().save_formset(request, form, formset, change)
        # A story's place on the page is a change to the story: the editorial core checks
        # who may place it in its state (a published story is moved by the duty chief).
        formset.new_objects, formset.deleted_objects, formset.changed_objects = [], [], []
        for story_form in formset.forms:
            if story_form.instance.pk and story_form.has_changed():
                editorial.place_story(
                    request.user, story_form.instance, story_form.cleaned_data["page_position"]
                )
                formset.changed_objects.append((story_form.instance, story_form.changed_data))
        return None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.Refused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(request.path)


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
    list_display = ["date", "number", "page_count", "flatplan_link"]
    ordering = ["-date"]
    date_hierarchy = "date"
    search_fields = ["date"]
    inlines = [PageInline]
    actions = [layout.export_editions]
    change_list_template = "admin/articles/edition_change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(page_total=Count("pages"))

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "import/",
                wrap(lambda request: layout.import_view(self, request)),
                name="articles_edition_import",
            ),
            path(
                "<int:object_id>/flatplan/",
                wrap(lambda request, object_id: layout.flatplan_view(self, request, object_id)),
                name="articles_edition_flatplan",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("flatplan"))
    def flatplan_link(self, edition):
        url = reverse("admin:articles_edition_flatplan", args=[edition.pk])
        return format_html('<a href="{}">{}</a>', url, _("flatplan"))

    @admin.display(description=_("pages"), ordering="page_total")
    def page_count(self, edition):
        return edition.page_total
