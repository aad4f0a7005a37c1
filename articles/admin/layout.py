"""The layout desk's pieces that the page and edition admins (pages.py) use.

The page-text upload form, its views (dry run, save, and the status of a save
running in the background), the signed name of the file a dry run keeps waiting
for its confirming save; the export actions.  Thin: the form decodes nothing
itself, the views call ``articles.imports`` and the actions
``articles.exports.formats``.
"""

import re
import time

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.exports.downloads import file_download
from articles.exports.formats import FORMATS, export_edition, export_page
from articles.imports import jobs, uploads
from articles.imports.encoding import MAX_BYTES
from articles.imports.importer import import_page_bytes
from articles.imports.report import ImportReport
from articles.imports.store import check_importer, refuse_roster_mismatch
from articles.models import Edition
from articles.print_labels import LayoutError, check_page_label

UPLOAD_SALT = "articles.layout.upload"
UPLOAD_MAX_AGE = uploads.MAX_AGE
# A save writing more stories than this runs in the background worker: each story
# costs 50-90 ms to file, version, render and index (docs/performance.md), so this
# many stay well inside NEWSROOM_IMPORT_SECONDS.
INLINE_STORIES = 100
# The report shows every story; the details (credits, photos, rosters…) of this many.
DETAIL_STORIES = 300
# A background save that has not recorded progress for this long has stopped (its
# worker was killed): its transaction was rolled back.
STALLED_SECONDS = 120
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
    return uploads.folder()


def sign_upload(name, user):
    return signing.dumps({"name": name, "user": user.pk}, salt=UPLOAD_SALT)


def unsign_upload(token, user, max_age=UPLOAD_MAX_AGE):
    """The kept file's name, for the same user, within ``max_age``; BadSignature otherwise."""
    value = signing.loads(token, salt=UPLOAD_SALT, max_age=max_age)
    if value.get("user") != user.pk or not uploads.NAME.fullmatch(value.get("name", "")):
        raise signing.BadSignature("not this user's upload")
    return value["name"]


def keep_upload(data, user):
    """Keep an uploaded page text for its confirming save; returns the signed name of it."""
    return sign_upload(uploads.keep(data), user)


def read_waiting_upload(token, user):
    """The bytes a dry run kept, for the same user, within the hour; BadSignature otherwise."""
    return uploads.read(unsign_upload(token, user))


def forget_upload(token):
    try:
        value = signing.loads(token, salt=UPLOAD_SALT)
    except signing.BadSignature:
        return
    if uploads.NAME.fullmatch(value.get("name", "")):
        uploads.forget(value["name"])


# The import page --------------------------------------------------------------------


def import_view(model_admin, request):
    """Upload page text; the first submit shows the dry-run report, the second saves.

    Imports as the logged-in user through the editorial core.  The dry run only
    reads, so even a 10,000-story file is checked within the request; a save that
    writes more than ``INLINE_STORIES`` stories goes to the background worker and
    the browser follows it on the status page.  A request still gives up with a
    message, saving nothing, before a worker's time limit would kill it.
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
        options = {
            "encoding": data["encoding"] or None,
            "accept_roster_mismatch": data["accept_roster_mismatch"],
            "correction_note": data["correction_note"],
        }
        deadline = time.monotonic() + settings.NEWSROOM_IMPORT_SECONDS
        try:
            report = import_page_bytes(
                data["data"],
                data["edition"],
                data["pages"],
                user=request.user,
                dry_run=True,
                deadline=deadline,
                **options,
            )
            if confirm:
                if report.problems and not data["accept_roster_mismatch"]:
                    refuse_roster_mismatch(report.problems)
                if report.to_write > INLINE_STORIES:
                    name = unsign_upload(data["upload"], request.user)
                    jobs.queue(
                        name,
                        edition=data["edition"].isoformat(),
                        labels=data["pages"],
                        user=request.user,
                        options=options,
                    )
                    return redirect(
                        "admin:articles_edition_import_status", sign_upload(name, request.user)
                    )
                report = import_page_bytes(
                    data["data"],
                    data["edition"],
                    data["pages"],
                    user=request.user,
                    deadline=deadline,
                    **options,
                )
        except LayoutError as failure:
            error = failure.describe()
            report = None
        else:
            if confirm:
                forget_upload(data["upload"])
                messages.success(request, saved_message(report))
                for article in report.kept:
                    messages.warning(request, kept_message(article))
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
        "hidden_details": mark_details(report),
        "inline_stories": INLINE_STORIES,
    }
    return TemplateResponse(request, "admin/articles/layout_import.html", context)


def mark_details(report, limit=None):
    """Let the first ``limit`` stories show their details; returns how many do not."""
    limit = DETAIL_STORIES if limit is None else limit
    shown = 0
    for page in report.pages if report else []:
        page.hide_details = shown >= limit
        for article in page.articles:
            article.hide_details = shown >= limit
            shown += 1
    return max(0, shown - limit)


def saved_message(report):
    return _("Imported %(count)d stories into %(date)s.") % {
        "count": report.article_count,
        "date": report.edition,
    }


def kept_message(article):
    return _("Left as it is: %(title)s (%(reason)s)") % {
        "title": article.title,
        "reason": article.reason,
    }


def import_status_view(model_admin, request, token):
    """How a save in the background is getting on; its report once it is done."""
    try:
        check_importer(request.user)
    except LayoutError:
        raise PermissionDenied from None
    try:
        name = unsign_upload(token, request.user, max_age=uploads.STATUS_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    status = uploads.read_status(name)
    if status is None:
        raise Http404
    report = edition = None
    state = status["state"]
    if state == jobs.DONE:
        report = ImportReport.from_dict(status["report"])
        edition = Edition.objects.filter(date=report.edition).first()
    stalled = state == jobs.RUNNING and time.time() - status["updated"] > STALLED_SECONDS
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import page text"),
        "status": status,
        "state": state,
        "stalled": stalled,
        "working": state in (jobs.WAITING, jobs.RUNNING, jobs.RENDERING) and not stalled,
        "report": report,
        "edition": edition,
        "saved": saved_message(report) if report else "",
        "kept": [kept_message(article) for article in report.kept] if report else [],
        "hidden_details": mark_details(report),
    }
    return TemplateResponse(request, "admin/articles/layout_import_status.html", context)


def _export_pages_action(fmt):
    def action(model_admin, request, queryset):
        pages = list(
            queryset.select_related(
                "section", "chief_editor", "art_editor", "proofreader"
            ).order_by("edition__date", "order", "label")
        )
        if len(pages) == 1:
            return file_download(export_page(pages[0], fmt, request.build_absolute_uri("/")))
        editions = {page.edition for page in pages}
        if len(editions) == 1:
            edition = editions.pop()
            if len(pages) == edition.pages.count():
                return file_download(
                    export_edition(edition, [fmt], request.build_absolute_uri("/"))
                )
        model_admin.message_user(
            request,
            _("Choose one page, or every page of one edition, to export."),
            messages.WARNING,
        )
        return None

    action.__name__ = f"export_pages_{fmt}"
    # Built when the changelist shows it, in the editor's language, not once at import.
    return admin.action(
        description=format_lazy(
            gettext_lazy("Export selected pages: {format}"), format=FORMAT_LABELS[fmt]
        ),
        permissions=["view"],
    )(action)


PAGE_EXPORT_ACTIONS = [_export_pages_action(fmt) for fmt in FORMATS]


@admin.action(
    description=gettext_lazy("Export the edition (zip, every format)"), permissions=["view"]
)
def export_editions(model_admin, request, queryset):
    """One edition in every format as a zip."""
    editions = list(queryset[:2])
    if len(editions) != 1:
        model_admin.message_user(request, _("Choose one edition to export."), messages.WARNING)
        return None
    try:
        return file_download(export_edition(editions[0], FORMATS, request.build_absolute_uri("/")))
    except LayoutError as error:
        model_admin.message_user(request, error.describe(), messages.ERROR)
        return None
