from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageSequence

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def is_new_upload(file):
    """True for a file that has just arrived, False for one already in storage.

    An ``ImageFieldFile`` of a stored photo is committed; a file assigned from a
    form or in code is not until the model saves it.  Plain files (a form
    field's ``UploadedFile``, a ``ContentFile``) have no such flag and are new.
    """
    return not getattr(file, "_committed", False)


def validate_image(file):
    """Refuse files Pillow cannot fully decode, unusual formats, oversize files and
    decompression bombs.

    Runs as the image field's validator, so every ``full_clean`` calls it; a photo
    already stored was checked when it arrived and is never opened again here (its
    file may be closed, or gone from this machine's storage).
    """
    if not file or not is_new_upload(file):
        return
    if file.size and file.size > settings.NEWSROOM_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is %(size)d MB; the limit is %(limit)d MB."),
            params={
                "size": file.size // (1024 * 1024),
                "limit": settings.NEWSROOM_MAX_UPLOAD_BYTES // (1024 * 1024),
            },
        )
    position = file.tell()
    try:
        file.seek(0)
        with Image.open(file) as image:
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Images must be JPEG, PNG, WebP or GIF, not %(format)s."),
                    params={"format": image.format},
                )
            width, height = image.size
            if width * height > settings.NEWSROOM_MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The image has %(pixels)d pixels; the limit is %(limit)d."),
                    params={"pixels": width * height, "limit": settings.NEWSROOM_MAX_IMAGE_PIXELS},
                )
            # verify() reads only the headers; a truncated or corrupt picture
            # shows only when its pixels are decoded, which the upload's
            # re-encoding (articles/images.py) and the renditions must do.
            for frame in ImageSequence.Iterator(image):
                frame.load()
    except ValidationError:
        raise
    except Exception as error:
        raise ValidationError(
            _("This file is not a readable image: it may be damaged or incomplete."),
            code="unreadable",
        ) from error
    finally:
        file.seek(position)
