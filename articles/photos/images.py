"""Pillow work on uploads, with no HTTP in it."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageSequence, JpegImagePlugin
from PIL.ExifTags import IFD

# Pixel-format facts a re-encoded picture must keep to look the same; everything
# else Pillow read from the file (XMP, IPTC, comments, text chunks…) is dropped.
KEPT_INFO = ("transparency", "duration", "loop", "background")
# EXIF tags that are kept, as an allow-list: none of them says where.  Left out are
# the GPS block, the maker note (an opaque vendor block in which some cameras
# record city or landmark), free text (descriptions, comments, Windows XP tags)
# and XMP or IPTC packets stored inside the EXIF itself.
IMAGE_KEPT = {
    0x010F,  # Make
    0x0110,  # Model
    0x0112,  # Orientation
    0x011A,  # XResolution
    0x011B,  # YResolution
    0x0128,  # ResolutionUnit
    0x0131,  # Software
    0x0132,  # DateTime
    0x013B,  # Artist
    0x0213,  # YCbCrPositioning
    0x8298,  # Copyright
}
EXIF_KEPT = {
    0x829A,  # ExposureTime
    0x829D,  # FNumber
    0x8822,  # ExposureProgram
    0x8827,  # ISOSpeedRatings
    0x9003,  # DateTimeOriginal
    0x9004,  # DateTimeDigitized
    0x9201,  # ShutterSpeedValue
    0x9202,  # ApertureValue
    0x9204,  # ExposureBiasValue
    0x9207,  # MeteringMode
    0x9209,  # Flash
    0x920A,  # FocalLength
    0xA001,  # ColorSpace
    0xA002,  # PixelXDimension
    0xA003,  # PixelYDimension
    0xA405,  # FocalLengthIn35mmFilm
    0xA433,  # LensMake
    0xA434,  # LensModel
}


def clean_exif(exif):
    """A new EXIF holding what ``exif`` says about the picture, without its location.

    Only the tags of ``IMAGE_KEPT`` and ``EXIF_KEPT`` are copied: the orientation,
    so pictures still turn the right way up, and the camera, credit and exposure
    facts.
    """
    clean = Image.Exif()
    for tag, value in exif.items():
        if tag in IMAGE_KEPT:
            clean[tag] = value
    details = {tag: value for tag, value in exif.get_ifd(IFD.Exif).items() if tag in EXIF_KEPT}
    if details:
        clean[IFD.Exif] = details
    return clean


def _bare_copy(frame):
    """A copy of ``frame``'s pixels carrying only what the pixels need."""
    copy = frame.copy()
    copy.info = {key: frame.info[key] for key in KEPT_INFO if key in frame.info}
    return copy


def strip_location(file):
    """Return a copy of the uploaded picture with no location metadata in it.

    Reporters' phones write where a picture was taken, in EXIF GPS but also in XMP
    (``exif:GPSLatitude``, ``photoshop:City``, ``Iptc4xmpCore:Location``), IPTC
    (JPEG APP13) and free-text comments; a paper must not publish a source's home
    by accident.  Rather than hunting for each of those, every upload is re-encoded
    from its pixels, with only the ICC profile (colours) and the allowed EXIF tags
    (orientation, camera, exposure) written back.  Pillow writes XMP, IPTC and
    PNG text chunks only when asked to, and a JPEG comment unless told not to.  A
    JPEG keeps its own quantisation tables and subsampling, so the copy looks the
    same and is about the same size.  Every frame of an animation is kept.

    Raises ``ValidationError`` when the picture cannot be decoded.
    """
    position = file.tell()
    try:
        file.seek(0)
        # Named, so that the image field can read the copy's width and height.
        return ContentFile(_reencode(file), name=getattr(file, "name", None) or "upload")
    except Exception as error:
        raise ValidationError(
            _("This file is not a readable image: it may be damaged or incomplete."),
            code="unreadable",
        ) from error
    finally:
        file.seek(position)


def _reencode(file):
    with Image.open(file) as image:
        image_format = image.format
        options = {}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        exif = clean_exif(image.getexif())
        if len(exif):
            options["exif"] = exif.tobytes()
        if image_format == "JPEG":
            options.update(
                qtables=image.quantization,
                subsampling=JpegImagePlugin.get_sampling(image),
                optimize=True,
                progressive="progressive" in image.info or "progression" in image.info,
                comment=b"",
            )
        frames = [_bare_copy(frame) for frame in ImageSequence.Iterator(image)]
    if len(frames) > 1:
        options.update(
            save_all=True,
            append_images=frames[1:],
            duration=[frame.info.get("duration", 0) for frame in frames],
            loop=frames[0].info.get("loop", 0),
        )
    output = io.BytesIO()
    frames[0].save(output, image_format, **options)
    return output.getvalue()
