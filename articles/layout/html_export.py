"""A page as a print-ready HTML document (print CSS, header, stories, photos, rosters).

Request-free: renders templates/layout/page_print.html from the dict of
``export_data``.  Pictures are embedded as data URIs by default so that the file
prints on its own, without the site; a missing picture file prints as a framed
placeholder with its caption.
"""

import base64
import mimetypes

from django.core.files.storage import default_storage
from django.template.loader import render_to_string


def embedded_images(pages):
    """{file name: data URI} for every photo file of ``pages`` that exists."""
    sources = {}
    for data in pages:
        for story in data["stories"]:
            for photo in story["photos"]:
                name = photo["file"]
                if not name or name in sources:
                    continue
                try:
                    with default_storage.open(name, "rb") as handle:
                        content = handle.read()
                except OSError:
                    continue
                kind = mimetypes.guess_type(name)[0] or "image/jpeg"
                sources[name] = f"data:{kind};base64,{base64.b64encode(content).decode()}"
    return sources


def page_html(data, images=None):
    """The print HTML of one page dict; ``images`` maps file names to ``src`` values."""
    images = embedded_images([data]) if images is None else images
    stories = []
    for story in data["stories"]:
        photos = [dict(photo, src=images.get(photo["file"], "")) for photo in story["photos"]]
        stories.append(dict(story, photos=photos))
    rosters = [roster for story in data["stories"] for roster in story["rosters"]]
    return render_to_string(
        "layout/page_print.html", {"data": data, "stories": stories, "rosters": rosters}
    )
