"""Make what is out of date of a page's 数字报: its PDF, images and story areas.

``refresh_page`` is what the command (``make_epaper``), the seed and the art editor's
upload call.  A generated PDF is remade only when its fingerprint (the print export it
is made from) changed; images and automatic areas only when the PDF did.  Areas the
art editor drew by hand are kept for their stories.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction

from articles.epaper import areas as area_finder
from articles.epaper import images as page_images
from articles.epaper import pdf as page_pdf
from articles.public import cache

logger = logging.getLogger(__name__)


@dataclass
class Refreshed:
    pdf: bool = False
    images: int = 0
    areas: int = 0
    missing: list = field(default_factory=list)


def file_fingerprint(content):
    return hashlib.sha256(content).hexdigest()


def _pdf_size(content):
    import pypdfium2

    document = pypdfium2.PdfDocument(content)
    try:
        return document[0].get_size()
    finally:
        document.close()


def save_pdf(page, content, source, fingerprint):
    """Store ``content`` as ``page``'s PDF (replacing the one it had)."""
    from articles.models import PagePrint

    sheet = PagePrint.objects.filter(page=page).first() or PagePrint(page=page)
    old = sheet.pdf.name if sheet.pdf else ""
    sheet.width_pt, sheet.height_pt = _pdf_size(content)
    sheet.source, sheet.fingerprint = source, fingerprint
    sheet.pdf.save(f"{page.pk}.pdf", ContentFile(content), save=False)
    sheet.save()
    if old and old != sheet.pdf.name:
        storage = sheet.pdf.storage
        transaction.on_commit(lambda: storage.delete(old))
    return sheet


def upload_pdf(page, content):
    """The art editor's PDF of ``page`` (from the layout system): stored, then images and
    areas made from it."""
    from articles.models import PagePrint

    save_pdf(page, content, PagePrint.Source.UPLOADED, file_fingerprint(content))
    return remake_from_pdf(page, content)


def remake_from_pdf(page, content):
    """Images and automatic areas of ``page`` made again from the PDF ``content``."""
    done = Refreshed(pdf=True)
    done.images = len(page_images.make_page_images(page, content))
    done.areas, done.missing = replace_areas(page, content)
    # Readers' cached pages show the old picture and areas until the generation moves on.
    transaction.on_commit(cache.bump_generation)
    return done


def replace_areas(page, content):
    """``page``'s automatic areas found again in ``content``; a story with areas drawn
    by hand keeps those.  Returns (number of areas made, ids of stories not found)."""
    from articles.models import StoryArea

    stories = area_finder.story_texts(page)
    found, missing = area_finder.find_areas(content, stories)
    with transaction.atomic():
        manual = set(
            StoryArea.objects.filter(page=page, source=StoryArea.Source.MANUAL).values_list(
                "article_id", flat=True
            )
        )
        StoryArea.objects.filter(page=page, source=StoryArea.Source.AUTO).delete()
        rows = [
            StoryArea(
                page=page,
                article_id=area.story,
                left=area.left,
                top=area.top,
                width=area.width,
                height=area.height,
                source=StoryArea.Source.AUTO,
                position=position,
            )
            for position, area in enumerate(found)
            if area.story not in manual
        ]
        StoryArea.objects.bulk_create(rows)
    return len(rows), [story for story in missing if story not in manual]


def refresh_page(page, force=False, paper=None):
    """Bring ``page``'s PDF, images and areas up to date; returns what was made."""
    from articles.exports.html import embedded_images
    from articles.models import PageImage, PagePrint

    sheet = PagePrint.objects.filter(page=page).first()
    if sheet is not None and sheet.source == PagePrint.Source.UPLOADED and not force:
        if PageImage.objects.filter(page=page).exists():
            return Refreshed()
        return remake_from_pdf(page, sheet.pdf.open("rb").read())
    if sheet is None or sheet.source == PagePrint.Source.GENERATED:
        data = page_pdf.export_data(page)
        fingerprint = page_pdf.print_fingerprint(data, paper, embedded_images([data]))
        if sheet is None or force or sheet.fingerprint != fingerprint:
            content, fingerprint = page_pdf.make_page_pdf(page, paper)
            save_pdf(page, content, PagePrint.Source.GENERATED, fingerprint)
            return remake_from_pdf(page, content)
        if not PageImage.objects.filter(page=page).exists():
            return remake_from_pdf(page, sheet.pdf.open("rb").read())
        return Refreshed()
    return remake_from_pdf(page, sheet.pdf.open("rb").read())
