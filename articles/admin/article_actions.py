"""The story list's bulk status changes: each story moved through the editorial core on its
own, a story that may not move reported, and only the steps this user may take offered.

``ArticleActions`` is mixed into ``ArticleAdmin``.
"""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles import editorial
from articles.editorial import workflow


class ArticleActions(admin.ModelAdmin):
    """The bulk actions of ``ArticleAdmin``."""

    actions = [
        "finish_editing_selected",
        "pass_proofreading_selected",
        "return_to_editor_selected",
        "sign_off_selected",
        "withdraw_selected",
    ]
    # The status change each bulk action makes (offered only to who may make it).
    ACTION_TRANSITIONS = {
        "finish_editing_selected": "finish_editing",
        "pass_proofreading_selected": "pass_proofreading",
        "return_to_editor_selected": "return_to_editor",
        "sign_off_selected": "sign_off",
        "withdraw_selected": "withdraw",
    }

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        """Only the bulk status changes this user may make at all, and only the steps this
        paper has (no proofreading actions where it does not proofread)."""
        actions = super().get_actions(request, action_location)
        for action, name in self.ACTION_TRANSITIONS.items():
            transition = workflow.TRANSITIONS[name]
            allowed = transition.enabled and request.user.has_perm(transition.permission)
            if action in actions and not allowed:
                del actions[action]
        return actions

    def response_action(self, request, queryset, *args, **kwargs):
        """A crafted selection that names no story (``x``) is refused before Django's own
        handling turns it into a database error."""
        selected = request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)
        if request.POST.get("select_across") != "1" and not all(
            key.isdigit() and len(key) < 19 for key in selected
        ):
            self.message_user(request, gettext("No such story in this list."), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset, *args, **kwargs)

    def _apply(self, request, queryset, name, done_message, comment=""):
        """Apply a status change to each story as this user; report what was done and refused."""
        done, refused = editorial.apply_to_each(request.user, queryset, name, comment=comment)
        for article, message in refused:
            self.message_user(request, f"{article.headline}：{message}", messages.ERROR)
        if done:
            count = len(done)
            self.message_user(request, done_message(count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Edited: send selected stories to proofreading"))
    def finish_editing_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            "finish_editing",
            lambda n: ngettext(
                "%(count)d story sent to proofreading.",
                "%(count)d stories sent to proofreading.",
                n,
            ),
        )

    @admin.action(description=_("Proofread: selected stories are ready for sign-off"))
    def pass_proofreading_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            "pass_proofreading",
            lambda n: ngettext(
                "%(count)d story proofread, ready for sign-off.",
                "%(count)d stories proofread, ready for sign-off.",
                n,
            ),
        )

    @admin.action(description=_("Return selected stories to the editor"))
    def return_to_editor_selected(self, request, queryset):
        reason = (request.POST.get("reason") or "").strip()
        if request.POST.get("confirm") and reason:
            self._apply(
                request,
                queryset,
                "return_to_editor",
                lambda n: ngettext(
                    "%(count)d story returned to the editor.",
                    "%(count)d stories returned to the editor.",
                    n,
                ),
                comment=reason,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Return stories to the editor"),
            "queryset": queryset,
            "action": "return_to_editor_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "missing_reason": bool(request.POST.get("confirm")),
            "explanation": _(
                "These stories go back to the editor who sent them to proofreading; "
                "say what must be looked at again."
            ),
            "reason_label": _("What must be looked at again"),
            "submit_label": workflow.TRANSITIONS["return_to_editor"].label,
        }
        return TemplateResponse(request, "admin/articles/article/bulk_reason.html", context)

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
