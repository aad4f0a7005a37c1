"""A page as a print-ready HTML document (print CSS, header, stories, photos, rosters).

Request-free: renders templates/layout/page_print.html from the dict of
``export_data``.  Each picture is embedded as a data URI of the photo's largest
JPEG rendition (articles/renditions.py), not of the original upload, and not as a
link.  Staff print a page before its stories are published, when the rendition
view still refuses to serve their pictures (it serves readers, so it checks the
story is published); a staff-only picture URL would make a second door to
unpublished pictures and a file that prints only while logged in.  Embedded, the
file prints on its own, for every story whatever its status, and carries the same
metadata-free pixels readers get.  A picture whose file is missing prints as a
framed placeholder with its caption.
"""

import base64
import logging

from django.template.loader import render_to_string

from articles.exports.sheet import fitted_sheet
from articles.models import Photo
from articles.photos import renditions

logger = logging.getLogger(__name__)


def embedded_images(pages):
    """{photo id: data URI of its largest JPEG rendition} for every photo of ``pages``.

    Renditions missing on disk are made on the way; a photo whose original is missing
    or unreadable is left out (and prints as a placeholder).
    """
    ids = {
        photo["id"] for data in pages for article in data["stories"] for photo in article["photos"]
    }
    sources = {}
    for photo in Photo.objects.filter(pk__in=ids).exclude(image=""):
        largest = renditions.renditions(photo, "jpg")[-1]
        try:
            content = renditions.ensure(photo, largest.width, "jpg").read_bytes()
        except (OSError, ValueError):
            logger.warning("Photo %s has no readable picture to print", photo.pk)
            continue
        sources[photo.pk] = f"data:image/jpeg;base64,{base64.b64encode(content).decode()}"
    return sources


def page_html(data, images=None, sheet=None):
    """The print HTML of one page dict; ``images`` maps photo ids to ``src`` values.

    ``sheet`` (``articles.exports.sheet.Sheet``): the paper and the type scale the page
    is laid out at, one sheet of it; by default the newsroom's paper with the type fitted
    to the copy (``fitted_sheet``)."""
    images = embedded_images([data]) if images is None else images
    sheet = sheet or fitted_sheet(data)
    articles = []
    for article in data["stories"]:
        photos = [dict(photo, src=images.get(photo["id"], "")) for photo in article["photos"]]
        articles.append(dict(article, photos=photos))
    rosters = [roster for article in data["stories"] for roster in article["rosters"]]
    return render_to_string(
        "layout/page_print.html",
        {"data": data, "stories": articles, "rosters": rosters, "sheet": sheet.context()},
    )
