"""Stories with their bylines, photos and rosters."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from articles import editorial
from articles.admin.base import HistoryInline
from articles.admin.forms import (
    ArticleAdminForm,
    AwardRosterInlineForm,
    RestoreForm,
    StoryPartsFormSet,
    TransitionForm,
)
from articles.editorial import versions, workflow
from articles.editorial.diffs import story_diff
from articles.models import (
    Article,
    AwardRoster,
    Byline,
    Correction,
    EditPresence,
    Photo,
    Role,
    StatusChange,
)


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
    formset = StoryPartsFormSet
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
    formset = StoryPartsFormSet
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
    formset = StoryPartsFormSet
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


def labelled(changes):
    """Field names as editors read them (主题, 正文…) for a list of (field, diff)."""
    return [(Article._meta.get_field(name).verbose_name, html) for name, html in changes]


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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
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
        ("page__edition", admin.RelatedOnlyFieldListFilter),
        ("page", admin.RelatedOnlyFieldListFilter),
        "published_at",
    ]
    list_select_related = ["section", "page__edition"]
    search_fields = ["headline", "kicker", "subheadline", "body"]
    ordering = ["-published_at", "-pk"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["main_story"]
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
        (_("Placement"), {"fields": ["page", "page_position", "main_story"]}),
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
        return super().get_queryset(request).annotate(photo_total=Count("photos"))

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
        with editorial.story_change(request.user, article, note=note) as story:
            article.save()
            form.save_m2m()
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)
            story.changed = (
                not change
                or form.content_changed()
                or any(formset.has_changed() for formset in formsets)
            )
            story.message = self.construct_change_message(request, form, formsets, not change)
            for formset in formsets:
                if formset.model is Photo:
                    story.photos |= {photo.pk for photo in formset.new_objects}
                    story.photos |= {
                        photo.pk for photo, fields in formset.changed_objects if "image" in fields
                    }
            story.removed_photos |= removed

    def log_addition(self, request, obj, message):
        """The editorial core wrote the audit entry with the change."""

    def log_change(self, request, obj, message):
        """The editorial core wrote the audit entry with the change."""

    def delete_model(self, request, obj):
        editorial.delete_story(request.user, obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            editorial.delete_story(request.user, article)

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

    def conflict_view(self, request, conflict):
        """Nothing was saved: show what changed since this editor opened the story."""
        current = Article.objects.get(pk=conflict.article.pk)
        opened = versions.fields_at_revision(current, conflict.opened_revision)
        changes = labelled(story_diff(opened, versions.current_fields(current))) if opened else []
        mine = labelled(
            story_diff(versions.current_fields(current), versions.form_fields(request.POST))
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("This story was changed while you were editing it"),
            "article": current,
            "opened_revision": conflict.opened_revision,
            "changes": changes,
            "mine": mine,
            "history": current.status_changes.select_related("user")[:5],
            "editors": versions.editors_since(current, conflict.opened_revision),
        }
        return TemplateResponse(
            request, "admin/articles/article/conflict.html", context, status=409
        )

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

    def _story_or_404(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise Http404
        return article

    def transition_view(self, request, object_id):
        article = self._story_or_404(request, object_id)
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

    def history_view(self, request, object_id, extra_context=None):
        article = self._story_or_404(request, object_id)
        action_list = [
            {
                "revision": version.revision,
                "url": reverse("admin:articles_article_revision", args=[article.pk, version.pk]),
            }
            for version in Version.objects.get_for_object(article).select_related("revision__user")
        ]
        return super().history_view(
            request, object_id, {**(extra_context or {}), "action_list": action_list}
        )

    def restore_view(self, request, object_id, version_id):
        """A version compared with the story as it is now; POST restores it as a new version."""
        article = self._story_or_404(request, object_id)
        try:
            version = editorial.story_version(article, version_id)
        except workflow.Refused:
            raise Http404 from None
        refusal = workflow.edit_refusal(request.user, article)
        needs_note = article.is_public
        form = RestoreForm(
            request.POST if request.method == "POST" else None, needs_note=needs_note
        )
        if request.method == "POST" and refusal is None and form.is_valid():
            try:
                editorial.restore_version(
                    request.user, article, version.pk, note=form.cleaned_data["correction_note"]
                )
            except workflow.Refused as refused:
                return self.refused_view(request, refused, article)
            self.message_user(request, _("The version was restored as a new version."))
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Restore this version"),
            "article": article,
            "version": version,
            "form": form,
            "refusal": refusal,
            "changes": labelled(story_diff(versions.current_fields(article), version.field_dict))
            + versions.parts_changes(article, version),
        }
        status = 403 if refusal and request.method == "POST" else 200
        return TemplateResponse(
            request, "admin/articles/article/restore.html", context, status=status
        )

    def recover_list_view(self, request):
        if not self.has_delete_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Deleted stories"),
            "deleted": Version.objects.get_deleted(Article).select_related("revision__user"),
        }
        return TemplateResponse(request, "admin/articles/article/recover_list.html", context)

    def recover_view(self, request, version_id):
        if not self.has_delete_permission(request) or request.method != "POST":
            raise PermissionDenied
        version = Version.objects.get_deleted(Article).filter(pk=version_id).first()
        if version is None:
            raise Http404
        try:
            article = editorial.recover_story(request.user, version)
        except workflow.Refused as refused:
            return self.refused_view(request, refused)
        self.message_user(request, _("The story is back, as a draft."))
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def diff_view(self, request, object_id, version_id):
        article = self._story_or_404(request, object_id)
        try:
            version, previous = versions.version_and_previous(article, version_id)
        except versions.VersionNotFound:
            raise Http404 from None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Changes in this version"),
            "article": article,
            "version": version,
            "previous": previous,
            "changes": labelled(
                story_diff(previous.field_dict if previous else {}, version.field_dict)
            ),
        }
        return TemplateResponse(request, "admin/articles/article/diff.html", context)

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

    @admin.display(description=_("photos"), ordering="photo_total")
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
