"""The page PDF (数字报) in the admin: the art editor uploads the PDF of a printed page
from the layout system; its images and story areas are made from it at once (areas
drawn by hand are kept).  A page without an upload gets a PDF made from its print
export (``manage.py make_epaper``); the list shows which is which.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.editorial import workflow
from articles.epaper.refresh import upload_pdf
from articles.models import Page, PagePrint


def check_pdf(content):
    """``content`` if it is a PDF of one page PDFium can open; ``ValidationError`` if not."""
    import pypdfium2

    if not content.startswith(b"%PDF-"):
        raise forms.ValidationError(_("This is not a PDF file."))
    try:
        document = pypdfium2.PdfDocument(content)
    except pypdfium2.PdfiumError:
        raise forms.ValidationError(_("This PDF cannot be read.")) from None
    try:
        if len(document) != 1:
            raise forms.ValidationError(
                _("A page PDF has one page; this one has %(count)d.") % {"count": len(document)}
            )
    finally:
        document.close()
    return content


class PagePrintForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("page PDF"),
        help_text=_("The printed page as the layout system exports it: one page."),
    )

    class Meta:
        model = PagePrint
        fields = ["page"]

    def validate_unique(self):
        """A page that has a PDF gets the upload in its place (``save_model``)."""

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload.size > settings.NEWSROOM_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        return check_pdf(upload.read())


class LayoutStaffAdminMixin:
    """Who may do what with a page's 数字报 records (its PDF, its story areas): every staff
    member sees them; who may place stories on pages (``workflow.can_place``: the art
    editor, the chief) adds, changes and deletes them.  They write no story, so they go
    through no story's state."""

    def has_add_permission(self, request):
        return workflow.can_place(request.user)

    def has_change_permission(self, request, obj=None):
        return workflow.can_place(request.user)

    def has_delete_permission(self, request, obj=None):
        return workflow.can_place(request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.has_view_permission(request)


@admin.register(PagePrint)
class PagePrintAdmin(LayoutStaffAdminMixin, admin.ModelAdmin):
    form = PagePrintForm
    list_display = ["page", "source", "size", "fits_sheet", "updated_at", "areas_link"]
    list_filter = ["source"]
    list_select_related = ["page__edition"]
    raw_id_fields = ["page"]
    search_fields = ["page__label", "page__name"]
    readonly_fields = ["source", "pdf", "sheet_notice", "width_pt", "height_pt", "updated_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page__edition")

    def get_fields(self, request, obj=None):
        return ["page", "upload", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "page"] if obj else self.readonly_fields

    @admin.display(description=_("size (mm)"))
    def size(self, obj):
        return f"{obj.width_pt * 25.4 / 72:.0f} × {obj.height_pt * 25.4 / 72:.0f}"

    @admin.display(description=_("fits its sheet"), boolean=True)
    def fits_sheet(self, obj):
        # An upload is the layout system's own page: whether it fits is not ours to say.
        return None if obj.source != PagePrint.Source.GENERATED else not obj.cuts_copy

    @admin.display(description=_("copy"))
    def sheet_notice(self, obj):
        if obj.cuts_copy:
            return format_html(
                '<strong class="errornote">{}</strong>',
                gettext(
                    "This page's copy does not fit on one sheet: the end of it is cut from "
                    "the PDF. Cut the copy or move a story; the PDF is made again after the "
                    "change."
                ),
            )
        return "—"

    @admin.display(description=_("story areas"))
    def areas_link(self, obj):
        url = reverse("admin:articles_storyarea_editor", args=[obj.page_id])
        return format_html('<a href="{}">{}</a>', url, gettext("Story areas"))

    def save_model(self, request, obj, form, change):
        page_id = obj.page_id if change else form.cleaned_data["page"].pk
        page = Page.objects.select_related("edition").get(pk=page_id)
        done = upload_pdf(page, form.cleaned_data["upload"])
        # The admin logs and redirects with ``obj``: it becomes the row upload_pdf saved
        # (a page's generated PDF is replaced in place, so adding one is allowed too).
        saved = PagePrint.objects.get(page=page)
        for model_field in PagePrint._meta.concrete_fields:
            setattr(obj, model_field.attname, getattr(saved, model_field.attname))
        obj._state.adding = False
        if done.missing:
            self.message_user(
                request,
                gettext("No area was found for %(count)d stories; draw them on the page.")
                % {"count": len(done.missing)},
                messages.WARNING,
            )
