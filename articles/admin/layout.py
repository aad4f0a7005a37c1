"""Layout desk in the admin: page-text upload (dry run first), edition flatplan, exports.

Thin: the upload form decodes nothing itself and the views only call
``articles.layout`` (importer, export data, exports).  The ModelAdmins of
pages.py wire these views and actions in.
"""

import re
import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..layout.encoding import MAX_BYTES
from ..layout.errors import LayoutError
from ..layout.exports import FORMATS, export_edition, export_page
from ..layout.importer import import_page_bytes
from ..layout.store import check_importer, check_page_label
from ..models import Article, Edition, Page

UPLOAD_SALT = "articles.layout.upload"
UPLOAD_MAX_AGE = 3600
FORMAT_LABELS = {
    "json": "JSON",
    "markdown": "Markdown",
    "html": gettext_lazy("Print HTML"),
    "ninjs": "ninjs",
}


class PageTextImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Page text file"), required=False)
    edition = forms.DateField(
        label=gettext_lazy("Edition date"), help_text=gettext_lazy("e.g. 2023-12-26")
    )
    pages = forms.CharField(
        label=gettext_lazy("Page labels"),
        help_text=gettext_lazy("One per page in the file, in order, e.g. A05 A06"),
    )
    encoding = forms.CharField(
        label=gettext_lazy("Encoding"),
        required=False,
        help_text=gettext_lazy("Leave empty to recognise it (UTF-8, UTF-16, GB18030, GBK)."),
    )
    accept_roster_mismatch = forms.BooleanField(
        label=gettext_lazy("Save rosters whose stated count differs from the names"),
        required=False,
    )
    correction_note = forms.CharField(
        label=gettext_lazy("Correction note (更正) for published stories"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=gettext_lazy(
            "Leave empty to keep published stories as they are; with a note, those you may "
            "correct are corrected and readers see the note."
        ),
    )
    # The dry run's file waits on the server; the form carries only a signed name for it,
    # so a large file is not sent back and forth inside the request.
    upload = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_pages(self):
        labels = [label for label in re.split(r"[\s,，、]+", self.cleaned_data["pages"]) if label]
        try:
            return [check_page_label(label.upper()) for label in labels]
        except LayoutError as error:
            raise forms.ValidationError(error.describe()) from None

    def clean(self):
        cleaned = super().clean()
        upload = self.files.get("file")
        if upload is not None:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    _("The file is larger than %(limit)d MB (%(size)d bytes).")
                    % {"limit": MAX_BYTES // (1024 * 1024), "size": upload.size}
                )
            cleaned["data"] = upload.read()
        elif cleaned.get("upload"):
            try:
                cleaned["data"] = read_waiting_upload(cleaned["upload"], self.user)
            except (signing.BadSignature, OSError, ValueError):
                raise forms.ValidationError(
                    _("The upload expired; choose the file again.")
                ) from None
        else:
            raise forms.ValidationError(_("Choose a page text file."))
        return cleaned


def uploads_dir():
    return Path(settings.NEWSROOM_IMPORT_DIR)


def keep_upload(data, user):
    """Keep an uploaded page text for its confirming save; returns the signed name of it."""
    folder = uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    horizon = time.time() - UPLOAD_MAX_AGE
    for old in folder.glob("*.txt"):
        if old.stat().st_mtime < horizon:
            old.unlink(missing_ok=True)
    name = uuid.uuid4().hex
    (folder / f"{name}.txt").write_bytes(data)
    return signing.dumps({"name": name, "user": user.pk}, salt=UPLOAD_SALT)


def read_waiting_upload(token, user):
    """The bytes a dry run kept, for the same user, within the hour; BadSignature otherwise."""
    value = signing.loads(token, salt=UPLOAD_SALT, max_age=UPLOAD_MAX_AGE)
    if value.get("user") != user.pk or not re.fullmatch(r"[0-9a-f]{32}", value.get("name", "")):
        raise signing.BadSignature("not this user's upload")
    return (uploads_dir() / f"{value['name']}.txt").read_bytes()


def forget_upload(token):
    try:
        value = signing.loads(token, salt=UPLOAD_SALT)
    except signing.BadSignature:
        return
    if re.fullmatch(r"[0-9a-f]{32}", value.get("name", "")):
        (uploads_dir() / f"{value['name']}.txt").unlink(missing_ok=True)


def import_view(model_admin, request):
    """Upload page text; the first submit shows the dry-run report, the second saves.

    Imports as the logged-in user through the editorial core; the request gives up
    with a message, saving nothing, before a worker's time limit would kill it.
    """
    try:
        check_importer(request.user)
    except LayoutError:
        raise PermissionDenied from None
    form = PageTextImportForm(request.POST or None, request.FILES or None)
    form.user = request.user
    report = error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        confirm = "confirm" in request.POST and not request.FILES
        try:
            report = import_page_bytes(
                data["data"],
                data["edition"],
                data["pages"],
                user=request.user,
                dry_run=not confirm,
                encoding=data["encoding"] or None,
                accept_roster_mismatch=data["accept_roster_mismatch"],
                correction_note=data["correction_note"],
                deadline=time.monotonic() + settings.NEWSROOM_IMPORT_SECONDS,
            )
        except LayoutError as failure:
            error = failure.describe()
        else:
            if confirm:
                forget_upload(data["upload"])
                messages.success(
                    request,
                    _("Imported %(count)d stories into %(date)s.")
                    % {"count": report.story_count, "date": report.edition},
                )
                for story in report.kept:
                    messages.warning(
                        request,
                        _("Left as it is: %(title)s (%(reason)s)")
                        % {"title": story.title, "reason": story.reason},
                    )
                edition = Edition.objects.get(date=data["edition"])
                return redirect("admin:articles_edition_flatplan", edition.pk)
            form = PageTextImportForm(
                initial={
                    "edition": data["edition"],
                    "pages": " ".join(data["pages"]),
                    "encoding": data["encoding"],
                    "accept_roster_mismatch": data["accept_roster_mismatch"],
                    "correction_note": data["correction_note"],
                    "upload": data["upload"]
                    if not request.FILES
                    else keep_upload(data["data"], request.user),
                }
            )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import page text"),
        "form": form,
        "report": report,
        "error": error,
    }
    return TemplateResponse(request, "admin/articles/layout_import.html", context)


def flatplan_view(model_admin, request, object_id):
    """Every page of an edition as a card: stories, 字数, photos, staff, export buttons."""
    edition = get_object_or_404(Edition, pk=object_id)
    if not model_admin.has_view_permission(request, edition):
        raise PermissionDenied
    stories = Article.objects.order_by("page_position", "pk").annotate(photo_total=Count("photos"))
    pages = (
        Page.objects.filter(edition=edition)
        .select_related("section", "chief_editor", "art_editor", "proofreader")
        .prefetch_related(Prefetch("articles", queryset=stories))
        .order_by("order", "label")
    )
    cards = []
    for page in pages:
        page_stories = list(page.articles.all())
        cards.append(
            {
                "page": page,
                "stories": page_stories,
                "char_total": sum(story.char_count for story in page_stories),
                "photo_total": sum(story.photo_total for story in page_stories),
                "exports": [
                    (
                        FORMAT_LABELS[fmt],
                        reverse("staff:export_page", args=[edition.date, page.label, fmt]),
                    )
                    for fmt in FORMATS
                ],
            }
        )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Flatplan of %(date)s") % {"date": edition.date.isoformat()},
        "edition": edition,
        "cards": cards,
        "edition_export": reverse("staff:export_edition", args=[edition.date]),
    }
    return TemplateResponse(request, "admin/articles/edition_flatplan.html", context)


def file_response(result):
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.name}"'
    return response


def _export_pages_action(fmt):
    def action(model_admin, request, queryset):
        pages = list(queryset.select_related("edition").order_by("edition__date", "order", "label"))
        if len(pages) == 1:
            return file_response(export_page(pages[0], fmt, request.build_absolute_uri("/")))
        editions = {page.edition for page in pages}
        if len(editions) == 1:
            edition = editions.pop()
            if len(pages) == edition.pages.count():
                return file_response(
                    export_edition(edition, [fmt], request.build_absolute_uri("/"))
                )
        model_admin.message_user(
            request,
            _("Choose one page, or every page of one edition, to export."),
            messages.WARNING,
        )
        return None

    action.__name__ = f"export_pages_{fmt}"
    action.short_description = _lazy_export_label(fmt)
    action.allowed_permissions = ("view",)
    return action


def _lazy_export_label(fmt):
    return gettext_lazy("Export selected pages: %(format)s") % {"format": FORMAT_LABELS[fmt]}


PAGE_EXPORT_ACTIONS = [_export_pages_action(fmt) for fmt in FORMATS]


def export_editions(model_admin, request, queryset):
    """One edition in every format as a zip."""
    editions = list(queryset[:2])
    if len(editions) != 1:
        model_admin.message_user(request, _("Choose one edition to export."), messages.WARNING)
        return None
    try:
        return file_response(export_edition(editions[0], FORMATS, request.build_absolute_uri("/")))
    except LayoutError as error:
        model_admin.message_user(request, error.describe(), messages.ERROR)
        return None


export_editions.short_description = gettext_lazy("Export the edition (zip, every format)")
export_editions.allowed_permissions = ("view",)
