"""A story's saved versions in the admin: the edit conflict page, history, diff,
restore, and recovering deleted stories.

``StoryVersionViews`` is mixed into ``ArticleAdmin``, which wires the views in
``get_urls`` and provides ``_story_or_404`` and ``refused_view``.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from articles import editorial
from articles.admin.forms import RestoreForm
from articles.editorial import versions, workflow
from articles.editorial.diffs import article_diff
from articles.models import Article


def labelled(changes):
    """Field names as editors read them (主题, 正文…) for a list of (field, diff)."""
    return [(Article._meta.get_field(name).verbose_name, html) for name, html in changes]


class ArticleVersionViews(admin.ModelAdmin):
    """The views of ``ArticleAdmin`` that read saved versions."""

    def conflict_view(self, request, conflict):
        """Nothing was saved: show what changed since this editor opened the story."""
        current = Article.objects.get(pk=conflict.article.pk)
        opened = versions.fields_at_revision(current, conflict.opened_revision)
        changes = labelled(article_diff(opened, versions.current_fields(current))) if opened else []
        mine = labelled(
            article_diff(versions.current_fields(current), versions.form_fields(request.POST))
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

    def history_view(self, request, object_id, extra_context=None):
        article = self._article_or_404(request, object_id)
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
        article = self._article_or_404(request, object_id)
        try:
            version = editorial.article_version(article, version_id)
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
            "changes": labelled(article_diff(versions.current_fields(article), version.field_dict))
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
            article = editorial.recover_article(request.user, version)
        except workflow.Refused as refused:
            return self.refused_view(request, refused)
        self.message_user(request, _("The story is back, as a draft."))
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def diff_view(self, request, object_id, version_id):
        article = self._article_or_404(request, object_id)
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
                article_diff(previous.field_dict if previous else {}, version.field_dict)
            ),
        }
        return TemplateResponse(request, "admin/articles/article/diff.html", context)
