"""The story admin: list, form, workflow buttons and actions, saved through the editorial core.

Its inlines are in ``story_parts``; its history, diff, restore and recover views in
``story_versions``.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.db.models import F, OuterRef, Sum
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import editorial, search
from articles.admin import filters, printed_credits
from articles.admin.article_actions import ArticleActions
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
from articles.editorial import presence, versions, workflow
from articles.models import Article, Byline, Photo
from articles.paging import CappedCountPaginator
from people.models import Person

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
            .prefetch_related("bylines")
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
class ArticleAdmin(ArticleActions, ArticleVersionViews):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"

    class Media:
        # The beacon that clears "someone is editing" when the editor leaves the form.
        js = ["admin/presence.js"]

    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"
    list_display = [
        "title_display",
        "authors",
        "section",
        "status_display",
        "page_display",
        "char_count",
        "photo_count",
        "published_display",
    ]
    list_filter = [
        filters.DeskFilter,
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
                "Words of the headline or text, or a name in the bylines "
                "(the newest %(limit)s matching stories), or a story's number."
            )
            % {"limit": SEARCH_LIMIT}
        ),
        str,
    )()
    # Stories not yet signed off (no publish time) come first, as on PostgreSQL's index.
    ordering = [F("published_at").desc(nulls_first=True), "-pk"]
    sortable_by = ["published_display"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    autocomplete_fields = ["main_article", "page"]
    readonly_fields = ["char_count_live", "byline_preview", "body_text"]
    inlines = [
        BylineInline,
        PhotoInline,
        AwardRosterInline,
        CompanionInline,
        CorrectionInline,
        StatusChangeInline,
    ]
    # The order of the work: title block, bylines, dateline and text, photos, where it
    # goes, what it links to.  The desk sections (render_change_form) put each inline
    # after its fieldset; status, sign-off and versions sit in the panel above.
    TITLE, CREDITS, TEXT, PLACEMENT, RELATED, CORRECTION = (
        _("Title"),
        _("Bylines"),
        _("Dateline and text"),
        _("Section, page and tags"),
        _("Related stories"),
        _("Correction (更正)"),
    )
    fieldsets = [
        (TITLE, {"fields": ["column", "kicker", "headline", "subheadline"]}),
        (CREDITS, {"fields": ["byline_preview", "credit_line"]}),
        (TEXT, {"fields": ["dateline", "editor_note", "body", "char_count_live", "author_note"]}),
        (PLACEMENT, {"fields": ["kind", "section", "page", "page_position", "tags"]}),
        (RELATED, {"fields": ["main_article"]}),
        (CORRECTION, {"fields": ["correction_note"]}),
        (None, {"fields": ["revision"], "classes": ["hidden"]}),
    ]
    # Which inline follows which fieldset on the desk (by formset prefix).
    DESK_ORDER = [
        (TITLE, []),
        (CREDITS, ["bylines"]),
        (TEXT, ["rosters"]),
        (None, ["photos"]),
        (PLACEMENT, []),
        (RELATED, ["companions"]),
        (CORRECTION, ["corrections"]),
        (None, ["status_changes"]),
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
        # A name in the bylines finds the newest stories it credits (the index holds the
        # text).  The people are looked up first: given a name, PostgreSQL merged every
        # byline of the archive with the stories (0.2-0.5 s at a million) to find none.
        people = list(Person.objects.filter(name__in=term.split()).values_list("pk", flat=True))
        if people:
            credited = (
                queryset.linked_from((Byline.objects.filter(person__in=people), "article"))
                .order_by("-published_at", "-pk")
                .values_list("pk", flat=True)[:SEARCH_LIMIT]
            )
            keys = [*keys, *credited]
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

    def get_fieldsets(self, request, obj=None):
        """The desk's fieldsets for this user and story: a correction note only where
        the change would be a 更正, and the text as readers read it where it is read-only."""
        editable = self.has_change_permission(request, obj) if obj else True
        fieldsets = []
        for name, options in self.fieldsets:
            fields = list(options["fields"])
            if name == self.CORRECTION and not (editable and obj is not None and obj.is_public):
                continue
            if not editable:
                fields = [
                    {"body": "body_text", "credit_line": None, "revision": None}.get(f, f)
                    for f in fields
                ]
                fields = [f for f in fields if f]
                if not fields:
                    continue
            fieldsets.append((name, {**options, "fields": fields}))
        return fieldsets

    def get_inlines(self, request, obj):
        """Corrections only for a story that has been published; history once it exists."""
        inlines = list(super().get_inlines(request, obj))
        if obj is None:
            after = (CompanionInline, CorrectionInline, StatusChangeInline)
            inlines = [i for i in inlines if i not in after]
        elif obj.published_at is None:
            inlines.remove(CorrectionInline)
        return inlines

    def get_ordering(self, request):
        if request.GET.get(filters.DeskFilter.parameter_name) == filters.DeskFilter.WAITING:
            # The longest waiting first: since the story entered its status, whatever was
            # edited since (index article_waiting).
            return ["status_changed_at", "pk"]
        return super().get_ordering(request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.needs_correction_note = bool(obj and obj.is_public)
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """Lay the form out in the order of the work (``DESK_ORDER``)."""
        adminform = context.get("adminform")
        inlines = {f.formset.prefix: f for f in context.get("inline_admin_formsets", [])}
        sections = []
        if adminform is not None:
            fieldsets = {fieldset.name: fieldset for fieldset in adminform}
            shown = set()
            for name, prefixes in self.DESK_ORDER:
                if name is not None and name in fieldsets:
                    sections.append(("fieldset", fieldsets[name]))
                    shown.add(name)
                sections += [("inline", inlines.pop(p)) for p in prefixes if p in inlines]
            sections += [("fieldset", f) for n, f in fieldsets.items() if n not in shown]
            sections += [("inline", f) for f in inlines.values()]
        context["desk_sections"] = sections
        context["credit_preview_url"] = reverse("admin:articles_article_credits")
        if add:
            # What the reporter may do with the story once this save has filed it.
            draft = Article(status=workflow.DRAFT, created_by=request.user)
            context["transitions"] = workflow.available_transitions(request.user, draft)
        return super().render_change_form(request, context, add, change, form_url, obj)

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
            self._save_printed_credits(article, form, formsets)
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
        if edit.back_to_proofreading:
            self.message_user(
                request,
                gettext(
                    "The text of this proofread story changed, so it went back to the "
                    "proofreaders (%(status)s): readers must not read copy nobody proofread."
                )
                % {"status": article.get_status_display()},
                messages.WARNING,
            )

    def _save_printed_credits(self, article, form, formsets):
        """Credit lines typed as printed replace the rows they stand for (inside the change)."""
        if form.credit_plan is not None:
            printed_credits.apply_credits(article, form.credit_plan)
        for formset in formsets:
            if formset.model is not Photo:
                continue
            for photo_form in formset.forms:
                plan = getattr(photo_form, "credit_plan", None)
                photo = photo_form.instance
                if plan is not None and photo.pk and photo_form not in formset.deleted_forms:
                    printed_credits.apply_credits(article, plan, photo=photo)

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
                extra_context["others_editing"] = presence.others(request.user, article)
                # Opening the form to edit is what marks an editor present (there is no
                # heartbeat to carry it); reading a story read-only does not.
                presence.opened(request.user, article)
            extra_context["transitions"] = workflow.available_transitions(request.user, article)
            extra_context["can_change"] = self.has_change_permission(request, article)
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST" and article is not None and response.status_code == 302:
            presence.left(request.user, article)
        return response

    # One click: save the form, then move the story on ----------------------------
    TRANSITION_PREFIX = "transition"

    def response_add(self, request, obj, post_url_continue=None):
        return self._then_transition(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._then_transition(request, obj) or super().response_change(request, obj)

    def _then_transition(self, request, article):
        """After the form saved, the status change its workflow button asked for."""
        if f"{self.TRANSITION_PREFIX}-name" not in request.POST:
            return None
        form = TransitionForm(request.POST, prefix=self.TRANSITION_PREFIX)
        # The form was just saved as this revision (the core may have moved it back to the
        # proofreaders as it saved): the step applies to exactly what was saved.
        if not self._transition(request, article, form, revision=article.revision):
            self.message_user(request, gettext("Saved."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    # Workflow, history, restore and recover views -------------------------------
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path("credits/", wrap(self.credits_view), name="{}_{}_credits".format(*info)),
            path(
                "<path:object_id>/transition/",
                wrap(self.transition_view),
                name="{}_{}_transition".format(*info),
            ),
            path(
                "<path:object_id>/leave/",
                wrap(self.leave_view),
                name="{}_{}_leave".format(*info),
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

    def leave_view(self, request, object_id):
        """The change form's beacon as its page goes: this user no longer has it open."""
        if request.method != "POST":
            raise Http404
        presence.left(request.user, self._article_or_404(request, object_id))
        return HttpResponse(status=204)

    def transition_view(self, request, object_id):
        """A status change alone, for who may not edit the story (its form is read-only)."""
        article = self._article_or_404(request, object_id)
        if request.method != "POST":
            raise Http404
        # The revision the page showed: a step chosen on copy that has since changed or
        # moved is refused (a form without one, as an older page sent, is checked as is).
        revision = request.POST.get("revision")
        if revision is not None:
            revision = int(revision) if revision.isdigit() and len(revision) < 10 else 0
        self._transition(request, article, TransitionForm(request.POST), revision=revision)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def credits_view(self, request):
        """What a credit line typed as printed will credit: people matched and new (JSON)."""
        if not self.has_add_permission(request) and not self.has_change_permission(request):
            raise Http404
        plan = printed_credits.plan_credits(
            request.GET.get("line", "")[:500], photo=request.GET.get("photo") == "1"
        )
        return JsonResponse(plan.as_json())

    def _transition(self, request, article, form, revision=None):
        """Apply the status change ``form`` asks for; whether it was made."""
        if not form.is_valid():
            self.message_user(request, form.errors.as_text(), messages.ERROR)
            return False
        try:
            editorial.apply_transition(
                request.user,
                article,
                form.cleaned_data["name"],
                comment=form.cleaned_data["comment"],
                when=form.cleaned_data["publish_at"],
                revision=revision,
            )
        except workflow.TransitionNotAllowed as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return False
        except editorial.EditConflict as conflict:
            self.message_user(request, self._stale_step_message(conflict, form), messages.ERROR)
            return False
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
            return True

    def _stale_step_message(self, conflict, form):
        """Why a step was not taken: the story changed after this user opened it."""
        current = conflict.article
        names = versions.editors_since(current, conflict.opened_revision)
        return gettext(
            "Not done: %(who)s changed this story after you opened it (it is now "
            "%(status)s). Read it again before you choose: %(action)s."
        ) % {
            "who": "、".join(names) or gettext("someone else"),
            "status": current.get_status_display(),
            "action": workflow.TRANSITIONS[form.cleaned_data["name"]].label,
        }

    # Lists ---------------------------------------------------------------------
    @admin.display(description=_("title"), ordering="headline")
    def title_display(self, article):
        return article.title

    @admin.display(description=_("author"))
    def authors(self, article):
        names = dict.fromkeys(b.person.name for b in article.credited_bylines)
        if not names:
            return "—"
        return format_html_join("、", '<span class="desk-name">{}</span>', ((n,) for n in names))

    @admin.display(description=_("status"), ordering="status")
    def status_display(self, article):
        return article.status_label

    @admin.display(description=_("page"), ordering="page__edition__date")
    def page_display(self, article):
        if not article.page:
            return "—"
        return format_html("{}<br>{}", article.page.edition, article.page.label)

    @admin.display(description=_("publish time"), ordering="published_at")
    def published_display(self, article):
        if article.published_at is None:
            return "—"
        when = timezone.localtime(article.published_at)
        return format_html("{}<br>{}", when.strftime("%Y-%m-%d"), when.strftime("%H:%M"))

    @admin.display(description=_("photos"))
    def photo_count(self, article):
        return article.photo_total

    @admin.display(description=_("byline as printed"))
    def byline_preview(self, article):
        return format_html('<span class="desk-printed-line">{}</span>', article.byline_text or "—")

    @admin.display(description=_("character count"))
    def char_count_live(self, article):
        """字数, counted again by static/admin/desk.js as the body is typed."""
        count = article.char_count if article.pk else 0
        html = format_html('<output id="desk-char-count" for="id_body">{}</output>', count)
        if article.page_id is None:
            return html
        others = Article.objects.filter(page_id=article.page_id).exclude(pk=article.pk)
        others = others.aggregate(total=Sum("char_count"))["total"] or 0
        total = format_html(
            '<output id="desk-page-total" data-others="{}">{}</output>', others, others + count
        )
        sentence = conditional_escape(gettext("(page %(page)s in all: %(total)s characters)"))
        sentence = mark_safe(
            sentence % {"page": conditional_escape(article.page.label), "total": total}
        )
        return html + format_html(' <span class="desk-page-total">{}</span>', sentence)

    @admin.display(description=_("body"))
    def body_text(self, article):
        """The text as readers read it, for who may only view the story."""
        return (
            format_html_join(
                "",
                '<p class="desk-{}">{}</p>',
                ((block["type"], linebreaksbr(block["text"])) for block in article.body or []),
            )
            or "—"
        )
