"""One entry point for every export format: a page as a file, an edition as a zip.

``export_page(page, fmt)`` returns an ``ExportFile`` (name, content type,
bytes); ``export_edition(edition, formats)`` a zip with one file per page and
format (ninjs: one file per story).  Commands, admin actions and the staff
download view only call these.  Request-free.
"""

import io
import json
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from articles.exports.data import edition_data, page_data, pages_queryset
from articles.exports.html import embedded_images, page_html
from articles.exports.markdown import page_markdown
from articles.exports.ninjs import page_ninjs
from articles.models import Edition, Page
from articles.print_labels import LayoutError, check_page_label, parse_edition_date

FORMATS = ("json", "markdown", "html", "ninjs")
# The page PDF (数字报): the art editor's upload or one made from the print export.  Not
# among FORMATS: making one takes seconds, so an edition zip made with every format
# holds the PDFs and page images already made, and only asking for "pdf" makes the rest.
PDF = "pdf"
PAGE_FORMATS = (*FORMATS, PDF)
EXTENSIONS = {"json": "json", "markdown": "md", "html": "html", "ninjs": "ninjs.json", "pdf": "pdf"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "ninjs": "application/json",
    "zip": "application/zip",
}


@dataclass
class ExportFile:
    name: str
    content_type: str
    content: bytes


def _json(value):
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()


def render(data, fmt, base_url="", images=None):
    """The bytes of one page dict in ``fmt``."""
    if fmt == "json":
        return _json(data)
    if fmt == "markdown":
        return page_markdown(data).encode()
    if fmt == "html":
        return page_html(data, images).encode()
    if fmt == "ninjs":
        return _json(page_ninjs(data, base_url))
    raise LayoutError(_("Unknown export format"), text=fmt)


def check_format(fmt, allowed=PAGE_FORMATS):
    if fmt not in allowed:
        raise LayoutError(_("Unknown export format"), text=fmt)
    return fmt


def find_edition(date):
    date = parse_edition_date(date) if isinstance(date, str) else date
    try:
        return Edition.objects.get(date=date)
    except Edition.DoesNotExist:
        raise LayoutError(_("There is no edition of this date."), text=date.isoformat()) from None


def find_page(date, label):
    """The page ``label`` of the edition of ``date``; ``LayoutError`` when there is none."""
    edition = find_edition(date)
    check_page_label(label)
    try:
        return pages_queryset().get(edition=edition, label=label)
    except Page.DoesNotExist:
        raise LayoutError(
            _("The edition of %(date)s has no page %(label)s.")
            % {"date": edition.date.isoformat(), "label": label}
        ) from None


def file_stem(page):
    return f"{page.edition.date.isoformat()}-{page.label}"


def page_pdf(page, make=True):
    """The bytes of ``page``'s PDF, brought up to date (``refresh_page``) when ``make``;
    without it, the PDF stored, or None."""
    from articles.epaper.refresh import refresh_page
    from articles.models import PagePrint

    if make:
        refresh_page(page)
    sheet = PagePrint.objects.filter(page=page).exclude(pdf="").first()
    if sheet is None:
        return None
    try:
        with sheet.pdf.open("rb") as handle:
            return handle.read()
    except OSError:
        return None


def page_image_files(page):
    """[(zip name suffix, bytes)] of ``page``'s stored images (数字报)."""
    from articles.models import PageImage

    files = []
    for image in PageImage.objects.filter(page=page).order_by("format", "width"):
        try:
            with image.file.open("rb") as handle:
                content = handle.read()
        except OSError:
            continue
        extension = "jpg" if image.format == "jpeg" else image.format
        files.append((f"images/{image.width}.{extension}", content))
    return files


def export_page(page, fmt, base_url=""):
    check_format(fmt)
    if fmt == PDF:
        return ExportFile(f"{file_stem(page)}.pdf", CONTENT_TYPES[PDF], page_pdf(page))
    data = page_data(page, base_url)
    return ExportFile(
        f"{file_stem(page)}.{EXTENSIONS[fmt]}", CONTENT_TYPES[fmt], render(data, fmt, base_url)
    )


def export_edition(edition, formats=FORMATS, base_url="", progress=None):
    """The whole edition as one zip; ``progress(done, total)`` is called after each file.

    Each page's PDF and images (数字报) are in it when they have been made; with "pdf"
    among ``formats``, PDFs and images out of date are made first."""
    formats = [check_format(fmt) for fmt in formats]
    make_pdfs = PDF in formats
    formats = [fmt for fmt in formats if fmt != PDF]
    pages = edition_data(edition, base_url)
    if not pages:
        raise LayoutError(_("The edition has no pages."), text=edition.date.isoformat())
    images = embedded_images(pages) if "html" in formats else {}
    total, done = max(1, len(pages) * len(formats)), 0
    buffer = io.BytesIO()
    date = edition.date.isoformat()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for data in pages:
            stem = f"{date}-{data['page']['label']}"
            for fmt in formats:
                if fmt == "ninjs":
                    for document, article in zip(
                        page_ninjs(data, base_url), data["stories"], strict=True
                    ):
                        name = f"{stem}/ninjs/{article['position']:02d}-{article['id']}.json"
                        archive.writestr(name, _json(document))
                else:
                    content = render(data, fmt, base_url, images)
                    archive.writestr(f"{stem}.{EXTENSIONS[fmt]}", content)
                done += 1
                if progress:
                    progress(done, total)
        for page in Page.objects.filter(edition=edition).order_by("order", "label"):
            stem = f"{date}-{page.label}"
            content = page_pdf(page, make=make_pdfs)
            if content is not None:
                archive.writestr(f"{stem}.pdf", content)
            for suffix, image in page_image_files(page):
                archive.writestr(f"{stem}/{suffix}", image)
    return ExportFile(f"{date}.zip", CONTENT_TYPES["zip"], buffer.getvalue())
