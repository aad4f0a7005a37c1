"""A page's PDF from its own print export: one sheet of the newsroom's paper size.

WeasyPrint rather than a browser: it is a Python library that lays out HTML and CSS
for paged media with Pango/HarfBuzz (so CJK text shapes and breaks like in Chromium,
with the system's Noto CJK fonts), needs no browser process on the server, and its
output is deterministic.  The print export (templates/layout/page_print.html) is laid
out on one sheet: its type scale is fitted (``fit_scale``) so that the columns end on
the first sheet whatever the amount of copy, instead of running on to more sheets.
"""

import hashlib
import io
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

# Sheet sizes in millimetres (width, height), portrait.  对开 (broadsheet) and 四开
# (tabloid) as Chinese dailies print them; A3 for newsrooms that proof on office printers.
PAPER_SIZES = {
    "broadsheet": (393, 546),
    "tabloid": (273, 393),
    "a3": (297, 420),
}
# The print export's type scale is searched between these (1 = 10.5pt body type).
MIN_SCALE, MAX_SCALE = 0.4, 1.6


def paper_size(name=None):
    name = (name or settings.NEWSROOM_PAPER_SIZE).lower()
    try:
        return name, PAPER_SIZES[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"NEWSROOM_PAPER_SIZE is {name!r}; it must be one of {', '.join(PAPER_SIZES)}."
        ) from None


def export_data(page):
    """The print export's dict of ``page`` (loaded with everything it prints)."""
    from articles.exports.data import page_data, pages_queryset

    return page_data(pages_queryset().get(pk=page.pk))


def columns(width_mm):
    """Text columns of a sheet ``width_mm`` wide: about 60 mm each, as papers set them."""
    return max(2, round((width_mm - 24) / 60))


def print_html(data, paper=None, scale=1.0, images=None):
    """The print export of the page dict ``data`` laid out for one sheet of ``paper``
    with its type at ``scale``."""
    from articles.exports.html import page_html

    name, (width, height) = paper_size(paper)
    sheet = {
        "name": name,
        "width": width,
        "height": height,
        "scale": f"{scale:.3f}",
        "columns": columns(width),
    }
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


def _filled(document):
    """How many sheets' worth of copy ``document`` holds: the full sheets before the
    last, and the part of the last one its (balanced) columns take."""
    from weasyprint.formatting_structure.boxes import LineBox

    last = document.pages[-1]._page_box
    top = last.content_box_y()
    bottom = max(
        (
            box.position_y + box.margin_height()
            for box in last.descendants()
            if isinstance(box, LineBox)
        ),
        default=top,
    )
    return len(document.pages) - 1 + (bottom - top) / last.height


def fit_scale(render, low=MIN_SCALE, high=MAX_SCALE, tries=4):
    """A type scale at which ``render(scale)`` gives one full sheet, and that document.

    ``render`` returns a rendered WeasyPrint document.  The first try at scale 1 tells
    how many sheets the copy fills; type set at scale s takes about s² of the room, so
    the next try is at 1/sqrt(filled), a little under, then 7% smaller until it fits.
    Each try is a whole layout (seconds on a full page), so there are few.
    """
    scale = 1.0
    document = render(scale)
    filled = _filled(document)
    if len(document.pages) == 1 and filled > 0.85:
        return scale, document
    scale = min(high, max(low, 0.97 / filled**0.5))
    for _try in range(tries):
        document = render(scale)
        if len(document.pages) == 1 or scale <= low:
            return scale, document
        scale = max(low, scale * 0.93)
    return scale, document


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

    def render(scale):
        return _document(print_html(data, name, scale, images))

    scale, document = fit_scale(render)
    if len(document.pages) > 1:
        logger.warning("Page %s does not fit one sheet even at scale %.2f", page, scale)
    buffer = io.BytesIO()
    document.copy(document.pages[:1]).write_pdf(buffer)
    return buffer.getvalue(), fingerprint


def print_fingerprint(data, paper=None, images=None):
    """A hash of what the page's PDF is made from (its print export and the paper)."""
    name, _size = paper_size(paper)
    html = print_html(data, name, 1.0, images)
    return hashlib.sha256(html.encode()).hexdigest()
