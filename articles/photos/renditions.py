"""Responsive image renditions, made once with Pillow and kept on disk.

Each photo gets a few widths in WebP and JPEG.  Names and sizes are computed
from the Photo row alone, so a page links renditions without touching the disk;
the files are written when the photo is saved (and, if one is missing, once on
its first request).  Renditions live beside MEDIA_ROOT, not inside it, so no
media server hands them out: readers get them only through the view that checks
the story is published.  No HTTP in here.
"""

import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (400, 800, 1200)
FORMATS = {
    "webp": ("WEBP", "image/webp", {"quality": 80, "method": 4}),
    "jpg": ("JPEG", "image/jpeg", {"quality": 82, "optimize": True, "progressive": True}),
}


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    fmt: str

    @property
    def content_type(self):
        return FORMATS[self.fmt][1]


def renditions_root():
    configured = getattr(settings, "NEWSROOM_RENDITIONS_ROOT", None)
    return Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "renditions"


def token(photo):
    """Changes when the photo's file changes, so rendition URLs can be cached long."""
    return hashlib.sha1(photo.image.name.encode()).hexdigest()[:10]


def widths(photo):
    """The rendition widths of ``photo``: never wider than the original."""
    original = photo.width or WIDTHS[0]
    chosen = [width for width in WIDTHS if width <= original]
    return chosen or [original]


def size(photo, width):
    if not photo.width or not photo.height:
        return width, width * 2 // 3
    return width, max(1, round(photo.height * width / photo.width))


def renditions(photo, fmt):
    return [Rendition(*size(photo, width), fmt) for width in widths(photo)]


def path(photo, width, fmt):
    return renditions_root() / str(photo.pk) / f"{token(photo)}-{width}.{fmt}"


def make_renditions(photo):
    """Write every rendition of ``photo``; returns the paths written."""
    written = []
    with Image.open(photo.image.path) as source:
        image = ImageOps.exif_transpose(source).convert("RGB")
    # Readers get pixels and nothing else.  Pillow writes a JPEG's comment from the
    # image's info unless told otherwise, and an original stored before uploads were
    # cleaned (articles/images.py) may carry one that says where it was taken.
    image.info = {}
    for width in widths(photo):
        resized = image.resize(size(photo, width), Image.Resampling.LANCZOS)
        for fmt, (pillow_format, _type, options) in FORMATS.items():
            target = path(photo, width, fmt)
            target.parent.mkdir(parents=True, exist_ok=True)
            # Write beside the target and rename, so a reader never gets half a file.
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=f".{fmt}")
            with os.fdopen(handle, "wb") as out:
                resized.save(out, pillow_format, **options)
            os.replace(temporary, target)
            written.append(target)
    return written


def ensure(photo, width, fmt):
    """The path of one rendition, making the photo's renditions if it is missing."""
    target = path(photo, width, fmt)
    if not target.exists():
        try:
            make_renditions(photo)
        except OSError:
            # Another request may have been writing the same files at the same moment.
            if not target.exists():
                logger.exception("Could not make renditions of photo %s", photo.pk)
                raise
    return target


def refresh(photo):
    """Make the renditions of a saved photo; a broken file is logged, never raised."""
    if not photo.image or not getattr(settings, "NEWSROOM_RENDITIONS_ON_SAVE", True):
        return
    try:
        make_renditions(photo)
    except (OSError, ValueError):
        logger.exception("Could not make renditions of photo %s", photo.pk)


def delete(photo_pk):
    shutil.rmtree(renditions_root() / str(photo_pk), ignore_errors=True)


def rendition_url(photo, rendition):
    """The address of ``rendition`` of ``photo``: its token changes with the picture."""
    from django.urls import reverse

    return reverse(
        "articles:rendition", args=[photo.pk, token(photo), rendition.width, rendition.fmt]
    )
