"""The story admin: list, form, workflow buttons and actions, saved through the editorial core.

Its inlines are in ``story_parts``; its history, diff, restore and recover views in
``story_versions``.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.db.models import OuterRef
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles import editorial, search
from articles.admin import filters
from articles.admin.article_parts import (
    AwardRosterInline,
    BylineInline,
    CompanionInline,
    CorrectionInline,
    PhotoInline,
    StatusChangeInline,
)
from articles.admin.article_versions import ArticleVersionViews
from articles.admin.base import count_of
from articles.admin.forms import ArticleAdminForm, TransitionForm
from articles.editorial import workflow
from articles.models import Article, EditPresence, Photo
from articles.paging import CappedCountPaginator

# How many of the newest matching stories the admin's search lists.
SEARCH_LIMIT = 200


class ArticleChangeList(ChangeList):
    """The story list reads no text and joins only what its columns show: a hundred
    bodies and renderings (the main story's too) read out of TOAST cost more than the
    rest of the list."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return (
            queryset.select_related(None)
            .select_related("section", "page__edition")
            .defer("body", "rendered", "listing")
        )


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("live", _("on the site")), ("scheduled", _("scheduled"))]

    def queryset(self, request, queryset):
        if self.value() == "live":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        return queryset


@admin.register(Article)
class ArticleAdmin(ArticleVersionViews):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"
    list_display = [
        "title_display",
        "kind",
        "section",
        "status_display",
        "page_display",
        "char_count",
        "photo_count",
        "published_at",
    ]
    list_filter = [
        PublicationStateFilter,
        "status",
        "kind",
        "section",
        filters.StoryEditionFilter,
        filters.PageOfEditionFilter,
        "published_at",
        filters.PublishedYearFilter,
    ]
    # The search goes through the search index (get_search_results); a story's number
    # finds it too.  The list is newest first, through the index that gives that order:
    # sorting a million stories by another column on every page is left to the filters.
    search_fields = ["headline"]
    search_help_text = lazy(
        lambda: (
            gettext(
                "Words of the headline or text (the newest %(limit)s matching stories), "
                "or a story's number."
            )
            % {"limit": SEARCH_LIMIT}
        ),
        str,
    )()
    ordering = ["-published_at", "-pk"]
    sortable_by = ["published_at"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    autocomplete_fields = ["main_article", "page"]
    readonly_fields = [
        "char_count",
        "created_at",
        "updated_at",
        "byline_preview",
        "status",
        "published_at",
        "created_by",
        "signed_off_by",
        "signed_off_at",
        "withdrawn_reason",
    ]
    actions = ["sign_off_selected", "withdraw_selected"]
    inlines = [
        BylineInline,
        PhotoInline,
        AwardRosterInline,
        CompanionInline,
        CorrectionInline,
        StatusChangeInline,
    ]
    fieldsets = [
        (None, {"fields": ["kicker", "headline", "subheadline", "kind", "section", "tags"]}),
        (
            _("Text"),
            {"fields": ["byline_preview", "dateline", "body", "char_count", "correction_note"]},
        ),
        (_("Placement"), {"fields": ["page", "page_position", "main_article"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "created_by",
                    "signed_off_by",
                    "signed_off_at",
                    "withdrawn_reason",
                    "created_at",
                    "updated_at",
                    "revision",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        # The list shows section and page, the change form these read-only for most roles
        # and states (list_select_related would be skipped: the queryset already selects).
        # The photo count is a subquery run for the shown rows only: a Count() join would
        # group the whole archive before the list's first hundred rows.
        related = ("section", "page__edition", "main_article", "created_by", "signed_off_by")
        return (
            super()
            .get_queryset(request)
            .select_related(*related)
            .annotate(photo_total=count_of(Photo.objects.filter(article=OuterRef("pk"))))
        )

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_search_results(self, request, queryset, search_term):
        """Stories whose words match, through the search index: the newest
        ``SEARCH_LIMIT`` of any status.  A number alone also finds the story it numbers."""
        term = search_term.strip()
        if not term:
            return queryset, False
        # The newest matches among the stories the list's filters leave (a year, a section).
        keys = search.newest_matching(term, limit=SEARCH_LIMIT, queryset=queryset)
        if term.isdigit() and len(term) < 19:
            keys = [int(term), *keys]
        return queryset.filter(pk__in=keys), False

    # Permissions: the workflow decides who may edit a story in its status ----
    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        # Nothing stored is lost: stories are withdrawn, never deleted, except by a superuser.
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not workflow.can_place(request.user):
            fields += ["page", "page_position"]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.needs_correction_note = bool(obj and obj.is_public)
        return form

    # Saving: one change through the editorial core ------------------------------
    def save_model(self, request, obj, form, change):
        """Nothing yet: save_related writes the story with its inlines as one change."""

    def save_related(self, request, form, formsets, change):
        article = form.instance
        # Photo rows deleted by the formset lose their primary key; note them first.
        removed = {
            f.instance.pk
            for formset in formsets
            if formset.model is Photo
            for f in formset.deleted_forms
            if f.instance.pk
        }
        note = form.cleaned_data.get("correction_note", "")
        with editorial.article_change(request.user, article, note=note) as edit:
            article.save()
            form.save_m2m()
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)
            edit.changed = (
                not change
                or form.content_changed()
                or any(formset.has_changed() for formset in formsets)
            )
            edit.message = self.construct_change_message(request, form, formsets, not change)
            for formset in formsets:
                if formset.model is Photo:
                    edit.photos |= {photo.pk for photo in formset.new_objects}
                    edit.photos |= {
                        photo.pk for photo, fields in formset.changed_objects if "image" in fields
                    }
            edit.removed_photos |= removed

    def log_addition(self, request, obj, message):
        """The editorial core wrote the audit entry with the change."""

    def log_change(self, request, obj, message):
        """The editorial core wrote the audit entry with the change."""

    def delete_model(self, request, obj):
        editorial.delete_article(request.user, obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            editorial.delete_article(request.user, article)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except editorial.EditConflict as conflict:
            return self.conflict_view(request, conflict)
        except workflow.Refused as refusal:
            return self.refused_view(request, refusal)

    def refused_view(self, request, refusal, article=None):
        """Nothing was saved: say why, in the words the rules give."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("This change was not saved"),
            "message": str(refusal),
            "article": article,
        }
        return TemplateResponse(request, "admin/articles/article/refused.html", context, status=403)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if article is not None:
            if request.method == "GET":
                extra_context["others_editing"] = EditPresence.others(article, request.user)
                # Opening the form is what marks an editor present (there is no heartbeat
                # to carry it): an explicit write, apart from reading who else is here.
                EditPresence.touch(article, request.user)
            extra_context["transitions"] = workflow.available_transitions(request.user, article)
            extra_context["transition_form"] = TransitionForm()
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST" and article is not None and response.status_code == 302:
            EditPresence.leave(article, request.user)
        return response

    # Workflow, history, restore and recover views -------------------------------
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/transition/",
                wrap(self.transition_view),
                name="{}_{}_transition".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/diff/",
                wrap(self.diff_view),
                name="{}_{}_diff".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/",
                wrap(self.restore_view),
                name="{}_{}_revision".format(*info),
            ),
            path("recover/", wrap(self.recover_list_view), name="{}_{}_recoverlist".format(*info)),
            path(
                "recover/<int:version_id>/",
                wrap(self.recover_view),
                name="{}_{}_recover".format(*info),
            ),
            *super().get_urls(),
        ]

    def _article_or_404(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise Http404
        return article

    def transition_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        if request.method != "POST":
            raise Http404
        form = TransitionForm(request.POST)
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if not form.is_valid():
            self.message_user(request, form.errors.as_text(), messages.ERROR)
            return HttpResponseRedirect(change_url)
        try:
            editorial.apply_transition(
                request.user,
                article,
                form.cleaned_data["name"],
                comment=form.cleaned_data["comment"],
                when=form.cleaned_data["publish_at"],
            )
        except workflow.TransitionNotAllowed as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(
                request,
                gettext("Done: %(action)s. The story is now %(status)s.")
                % {
                    "action": workflow.TRANSITIONS[form.cleaned_data["name"]].label,
                    "status": article.status_label,
                },
                messages.SUCCESS,
            )
        return HttpResponseRedirect(change_url)

    # Lists ---------------------------------------------------------------------
    @admin.display(description=_("title"), ordering="headline")
    def title_display(self, article):
        return article.title

    @admin.display(description=_("status"), ordering="status")
    def status_display(self, article):
        return article.status_label

    @admin.display(description=_("page"), ordering="page__edition__date")
    def page_display(self, article):
        if not article.page:
            return "—"
        return f"{article.page.edition} {article.page.label}"

    @admin.display(description=_("photos"))
    def photo_count(self, article):
        return article.photo_total

    @admin.display(description=_("byline as printed"))
    def byline_preview(self, article):
        return article.byline_text or "—"

    def _apply(self, request, queryset, name, done_message, comment=""):
        """Apply a status change to each story as this user; report what was done and refused."""
        done, refused = editorial.apply_to_each(request.user, queryset, name, comment=comment)
        for article, message in refused:
            self.message_user(request, f"{article.headline}：{message}", messages.ERROR)
        if done:
            count = len(done)
            self.message_user(request, done_message(count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Sign off (publish) selected stories"))
    def sign_off_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            "sign_off",
            lambda n: ngettext("%(count)d story signed off.", "%(count)d stories signed off.", n),
        )

    @admin.action(description=_("Withdraw selected stories"))
    def withdraw_selected(self, request, queryset):
        reason = (request.POST.get("reason") or "").strip()
        if request.POST.get("confirm") and reason:
            self._apply(
                request,
                queryset,
                "withdraw",
                lambda n: ngettext("%(count)d story withdrawn.", "%(count)d stories withdrawn.", n),
                comment=reason,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Withdraw stories"),
            "queryset": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "missing_reason": bool(request.POST.get("confirm")),
        }
        return TemplateResponse(request, "admin/articles/article/withdraw.html", context)
