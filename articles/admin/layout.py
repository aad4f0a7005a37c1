"""The layout desk's pieces that the page and edition admins (pages.py) use.

The page-text upload form and the file a dry run keeps waiting for its
confirming save; the export actions.  Thin: the form decodes nothing itself and
the actions only call ``articles.exports.formats``.
"""

import re
import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.exports.downloads import file_download
from articles.exports.formats import FORMATS, export_edition, export_page
from articles.imports.encoding import MAX_BYTES
from articles.print_labels import LayoutError, check_page_label

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
