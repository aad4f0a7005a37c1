"""Editions and pages: page staff and the order of stories on a page; the edition's
page-text upload (dry run first) and flatplan, and the export actions."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import editorial
from articles.admin import filters, layout
from articles.admin.base import count_of
from articles.editorial import workflow
from articles.exports.formats import FORMATS
from articles.models import Article, Edition, Page, PageImage
from articles.paging import CappedCountPaginator
from articles.public import preview


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
        "article_count",
    ]
    list_display_links = ["label"]
    list_filter = [filters.EditionFilter, "section"]
    search_fields = ["label", "name", "edition__date"]
    ordering = ["-edition__date", "order", "label"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    autocomplete_fields = ["chief_editor", "art_editor", "proofreader"]
    inlines = [ArticleOnPageInline]
    actions = layout.PAGE_EXPORT_ACTIONS

    def get_queryset(self, request):
        # Not list_select_related: the changelist skips it for a queryset that already
        # selects (the manager brings each page's edition).
        # The story count is a subquery run for the shown rows only (no GROUP BY over the
        # archive's stories before the first hundred pages).
        staff = ("chief_editor", "art_editor", "proofreader")
        return (
            super()
            .get_queryset(request)
            .select_related("section", *staff)
            .annotate(article_total=count_of(Article.objects.filter(page=OuterRef("pk"))))
        )

    @admin.display(description=_("stories"))
    def article_count(self, page):
        return page.article_total

    def save_formset(self, request, form, formset, change):
        if formset.model is not Article:
            return super().save_formset(request, form, formset, change)
        # A story's place on the page is a change to the story: the editorial core checks
        # who may place it in its state (a published story is moved by the duty chief).
        formset.new_objects, formset.deleted_objects, formset.changed_objects = [], [], []
        for article_form in formset.forms:
            if article_form.instance.pk and article_form.has_changed():
                editorial.place_article(
                    request.user, article_form.instance, article_form.cleaned_data["page_position"]
                )
                formset.changed_objects.append((article_form.instance, article_form.changed_data))
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
        return (
            super()
            .get_queryset(request)
            .annotate(page_total=count_of(Page.objects.filter(edition=OuterRef("pk"))))
        )

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="articles_edition_import",
            ),
            path(
                "import/status/<str:token>/",
                self.admin_site.admin_view(self.import_status_view),
                name="articles_edition_import_status",
            ),
            path(
                "<int:object_id>/flatplan/",
                self.admin_site.admin_view(self.flatplan_view),
                name="articles_edition_flatplan",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        return layout.import_view(self, request)

    def import_status_view(self, request, token):
        return layout.import_status_view(self, request, token)

    def flatplan_view(self, request, object_id):
        """Every page of an edition as a card: stories, 字数, photos, staff, its preview and
        export buttons."""
        edition = get_object_or_404(Edition, pk=object_id)
        if not self.has_view_permission(request, edition):
            raise PermissionDenied
        articles = Article.objects.order_by("page_position", "pk").annotate(
            photo_total=Count("photos")
        )
        pages = (
            Page.objects.filter(edition=edition)
            .select_related("section", "chief_editor", "art_editor", "proofreader", "print_sheet")
            .prefetch_related(Prefetch("articles", queryset=articles))
            # Each page's picture (数字报): its narrowest JPEG, linking to its area editor.
            .prefetch_related(
                Prefetch(
                    "images",
                    queryset=PageImage.objects.filter(format=PageImage.Format.JPEG).order_by(
                        "width"
                    ),
                )
            )
            .order_by("order", "label")
        )
        # The page as readers will see it, for those who may preview (its banner gives
        # staff the signed link for a phone, as a story's preview does).
        previewing = preview.may_preview(request.user)
        cards = []
        for page in pages:
            page.edition = edition  # page_url reads the date; no query per page
            page_articles = list(page.articles.all())
            sheet = getattr(page, "print_sheet", None)
            cards.append(
                {
                    "page": page,
                    "stories": page_articles,
                    "char_total": sum(article.char_count for article in page_articles),
                    "photo_total": sum(article.photo_total for article in page_articles),
                    "preview": preview.page_url(page) if previewing else "",
                    # Its PDF, made from the print export, cut copy that did not fit.
                    "cuts_copy": bool(sheet and sheet.cuts_copy),
                    "exports": [
                        (
                            layout.FORMAT_LABELS[fmt],
                            reverse("staff:export_page", args=[edition.date, page.label, fmt]),
                        )
                        for fmt in FORMATS
                    ],
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Flatplan of %(date)s") % {"date": edition.date.isoformat()},
            "edition": edition,
            "cards": cards,
            "edition_export": reverse("staff:export_edition", args=[edition.date]),
        }
        return TemplateResponse(request, "admin/articles/edition_flatplan.html", context)

    @admin.display(description=_("flatplan"))
    def flatplan_link(self, edition):
        url = reverse("admin:articles_edition_flatplan", args=[edition.pk])
        return format_html('<a href="{}">{}</a>', url, _("flatplan"))

    @admin.display(description=_("pages"), ordering="page_total")
    def page_count(self, edition):
        return edition.page_total
