from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def validate_image(file):
    """Refuse files Pillow cannot read, unusual formats, oversize files and decompression bombs."""
    if file.size and file.size > settings.NEWSROOM_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is %(size)d MB; the limit is %(limit)d MB."),
            params={
                "size": file.size // (1024 * 1024),
                "limit": settings.NEWSROOM_MAX_UPLOAD_BYTES // (1024 * 1024),
            },
        )
    position = file.tell() if hasattr(file, "tell") else 0
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
            image.verify()
    except ValidationError:
        raise
    except Exception as error:
        raise ValidationError(_("This file is not a readable image.")) from error
    finally:
        file.seek(position)
