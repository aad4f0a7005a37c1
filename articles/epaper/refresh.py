"""Make what is out of date of a page's 数字报: its PDF, images and story areas.

``refresh_page`` is what the command (``make_epaper``) and the art editor's upload
call; ``remake_page`` what the worker calls when a change to the page committed
(``articles.epaper.tasks``).  A generated PDF is remade only when its fingerprint (the
print export it is made from) changed; images and automatic areas only when the PDF did.  Areas the
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
    sheet.cuts_copy = source == PagePrint.Source.GENERATED and page_pdf.overflowed(content)
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
    record_printed(page)
    # Readers' cached pages show the old picture and areas until the generation moves on.
    transaction.on_commit(cache.bump_generation)
    return done


def replace_areas(page, content):
    """``page``'s automatic areas found again in ``content``; a story with areas drawn
    by hand keeps those.  Returns (number of areas made, ids of stories not found)."""
    found, missing = area_finder.find_areas(content, area_finder.story_texts(page))
    return save_areas(page, found, missing)


def save_areas(page, found, missing):
    """Store ``found`` (``areas.find_areas``) as ``page``'s automatic areas, but for the
    stories with areas drawn by hand.  Returns (number of areas made, ids not found)."""
    from articles.models import StoryArea

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


def record_printed(page):
    """Note the stories ``page``'s 数字报 is now made with (``PrintedStory``): when one of
    them moves away or is deleted, this is how its old page is found."""
    from articles.models import Article
    from articles.models.epaper import PrintedStory

    stories = set(Article.objects.filter(page=page).values_list("pk", flat=True))
    PrintedStory.objects.filter(page=page).exclude(article_id__in=stories).delete()
    PrintedStory.objects.bulk_create(
        [PrintedStory(page=page, article_id=pk) for pk in stories], ignore_conflicts=True
    )


def _stored_pdf(sheet):
    with sheet.pdf.open("rb") as handle:
        return handle.read()


def remake_page(page, paper=None):
    """Bring ``page``'s 数字报 up to date after a change to what it prints; returns what
    was made.  The worker's call (``articles.epaper.tasks``), never a request's.

    A generated PDF is made again only when its fingerprint changed (then its images and
    automatic areas too); an uploaded PDF is kept, and the areas are found in it again,
    since its stories changed.  A page that has no PDF is not in the 数字报 yet
    (``make_epaper`` or the art editor's upload brings it in): nothing is made.

    The slow part (the PDF, its images, the areas) is made before anything is written;
    the writes then take one short transaction, and are skipped if the page's PDF changed
    meanwhile (an upload, another worker): what made it made its images and areas too.
    """
    from articles.exports.html import embedded_images
    from articles.models import PageImage, PagePrint

    sheet = PagePrint.objects.filter(page=page).first()
    if sheet is None:
        return Refreshed()
    has_images = PageImage.objects.filter(page=page).exists()
    new_pdf = None
    if sheet.source == PagePrint.Source.GENERATED:
        data = page_pdf.export_data(page)
        fingerprint = page_pdf.print_fingerprint(data, paper, embedded_images([data]))
        if fingerprint == sheet.fingerprint and has_images:
            record_printed(page)
            return Refreshed()
        if fingerprint != sheet.fingerprint:
            new_pdf, fingerprint = page_pdf.make_page_pdf(page, paper)
    content = new_pdf or _stored_pdf(sheet)
    files = page_images.page_image_files(content) if new_pdf or not has_images else ()
    found, missing = area_finder.find_areas(content, area_finder.story_texts(page))
    done = Refreshed(pdf=new_pdf is not None)
    with transaction.atomic():
        current = PagePrint.objects.select_for_update().filter(
            pk=sheet.pk, source=sheet.source, fingerprint=sheet.fingerprint
        )
        if not current.exists():
            return Refreshed()
        if new_pdf is not None:
            save_pdf(page, new_pdf, PagePrint.Source.GENERATED, fingerprint)
        if files:
            done.images = len(page_images.save_page_images(page, files))
        done.areas, done.missing = save_areas(page, found, missing)
        record_printed(page)
        transaction.on_commit(cache.bump_generation)
    return done
