"""A page's PDF from its own print export: one sheet of the newsroom's paper size.

WeasyPrint rather than a browser: it is a Python library that lays out HTML and CSS
for paged media with Pango/HarfBuzz (so CJK text shapes and breaks like in Chromium,
with the system's Noto CJK fonts), needs no browser process on the server, and its
output is deterministic.  The print export (templates/layout/page_print.html) is laid
out on one sheet (``articles.exports.sheet``): its type scale is first estimated from
the copy, then checked here by laying the page out, and made smaller until the copy
ends on the first sheet.  Copy that does not fit even at the smallest type is cut at the
sheet's foot: the sheet then prints a notice saying so, and the PDF's keywords carry
``OVERFLOW`` (``overflowed()``), which the admin shows the art editor.
"""

import hashlib
import io
import logging

from articles.exports.sheet import (  # noqa: F401  (the paper sizes, as before)
    MIN_SCALE,
    PAPER_SIZES,
    Sheet,
    columns,
    fitted_sheet,
    paper_size,
)

logger = logging.getLogger(__name__)

# In the PDF's keywords (the print export's <meta name="keywords">) of a page whose
# copy did not fit on its sheet.
OVERFLOW = "newsroom-overflow"
# Each try smaller by this much (a whole layout each: seconds on a full page).
SHRINK = 0.93


def export_data(page):
    """The print export's dict of ``page`` (loaded with everything it prints)."""
    from articles.exports.data import page_data, pages_queryset

    return page_data(pages_queryset().get(pk=page.pk))


def print_html(data, paper=None, scale=1.0, images=None, overflow=False):
    """The print export of the page dict ``data`` laid out for one sheet of ``paper``
    with its type at ``scale``, for WeasyPrint (which is told whether the copy
    overflows: it cannot find it out by itself as Chromium does)."""
    from articles.exports.html import page_html

    name, (width, height) = paper_size(paper)
    sheet = Sheet(name, width, height, columns(width), scale, overflow=overflow, measured=True)
    return page_html(data, images, sheet=sheet)


def _weasyprint():
    """WeasyPrint, imported without its side effect on Pillow.

    Importing it turns on Pillow's loading of truncated images for the whole process
    (``ImageFile.LOAD_TRUNCATED_IMAGES = True``), and the photo upload's check for a
    damaged or incomplete picture (``articles/photos/validators.py``) relies on it
    being off.  The pictures WeasyPrint sees are our own renditions, whole.
    """
    from PIL import ImageFile

    strict = ImageFile.LOAD_TRUNCATED_IMAGES
    import weasyprint

    ImageFile.LOAD_TRUNCATED_IMAGES = strict
    return weasyprint


def _document(html):
    weasyprint = _weasyprint()

    # Pictures are embedded as data URIs (articles/exports/html.py): nothing else is
    # fetched, neither a file of the server nor an address on the network.
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"})
    return weasyprint.HTML(string=html, url_fetcher=fetcher).render()


def fit_scale(render, start, low=MIN_SCALE, tries=5):
    """``(scale, document, fits)``: the largest tried type scale, from ``start`` down,
    at which ``render(scale)`` (a rendered WeasyPrint document) is one sheet.

    ``start`` is the estimate of ``articles.exports.sheet``, made to err on the small
    side, so the first try mostly fits; else each try is 7% smaller, and the last is at
    ``low``.  ``fits`` is False when even that takes more than one sheet.
    """
    scale = max(low, start)
    for number in range(tries):
        if number == tries - 1:
            scale = low
        document = render(scale)
        if len(document.pages) == 1:
            return scale, document, True
        if scale <= low:
            break
        scale = max(low, scale * SHRINK)
    return scale, document, False


def make_page_pdf(page, paper=None):
    """(PDF bytes, fingerprint) of ``page`` on one sheet of ``paper``.

    The fingerprint is a hash of the print export at scale 1 with the paper's name:
    when it has not changed, neither has the PDF, and nothing is remade.
    """
    from articles.exports.html import embedded_images

    data = export_data(page)
    images = embedded_images([data])
    name, _size = paper_size(paper)
    fingerprint = print_fingerprint(data, name, images)

    def render(scale, overflow=False):
        return _document(print_html(data, name, scale, images, overflow=overflow))

    scale, document, fits = fit_scale(render, fitted_sheet(data, name).scale)
    if not fits:
        # Cut at the sheet's foot, which says so in print (and the PDF in its keywords).
        logger.warning("Page %s does not fit one sheet even at scale %.2f", page, scale)
        document = render(scale, overflow=True)
    buffer = io.BytesIO()
    document.copy(document.pages[:1]).write_pdf(buffer)
    return buffer.getvalue(), fingerprint


def overflowed(content):
    """Whether the page PDF ``content`` (bytes) was made from copy that did not fit its
    sheet (``make_page_pdf``); False for any other PDF, an upload from the layout
    system included."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(content)
    except pypdfium2.PdfiumError:
        return False
    try:
        return OVERFLOW in document.get_metadata_dict().get("Keywords", "")
    finally:
        document.close()


def print_fingerprint(data, paper=None, images=None):
    """A hash of what the page's PDF is made from (its print export and the paper)."""
    name, _size = paper_size(paper)
    html = print_html(data, name, 1.0, images)
    return hashlib.sha256(html.encode()).hexdigest()
