"""Pillow work on uploads, with no HTTP in it."""

import io

from django.core.files.base import ContentFile
from PIL import Image

GPS_IFD = 0x8825


def strip_location(file):
    """Return a copy of the image without GPS EXIF data, or None when it carries none.

    Reporters' phones write where a picture was taken; a paper must not publish
    a source's home by accident.  Only the GPS block is removed; the picture is
    re-encoded only when there was one.
    """
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            exif = image.getexif()
            if GPS_IFD not in exif:
                return None
            del exif[GPS_IFD]
            output = io.BytesIO()
            image_format = image.format or "JPEG"
            options = {"exif": exif.tobytes()}
            if image_format == "JPEG":
                options.update(quality=92, optimize=True)
            image.save(output, image_format, **options)
        return ContentFile(output.getvalue())
    finally:
        file.seek(position)
