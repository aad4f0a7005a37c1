"""Pictures that say where they were taken, in every place a file can say it (test data)."""

import functools
import io
import struct

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms
from PIL.ExifTags import IFD
from PIL.PngImagePlugin import PngInfo

PLACE = "株洲市荷塘区某小区"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF'
    ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about=""'
    ' xmlns:exif="http://ns.adobe.com/exif/1.0/"'
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
    ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"'
    ' exif:GPSLatitude="27,49.5N" exif:GPSLongitude="113,8.0E"'
    f' photoshop:City="株洲" Iptc4xmpCore:Location="{PLACE}"/>'
    "</rdf:RDF></x:xmpmeta>"
)
# What must not survive: the words of the place, the XMP and IPTC containers, GPS tags.
TRACES = [
    PLACE.encode(),
    "株洲".encode(),
    b"GPSLatitude",
    b"photoshop:City",
    b"Iptc4xmpCore",
    b"http://ns.adobe.com/xap/1.0/",
    b"XML:com.adobe.xmp",
    b"Photoshop 3.0",
    b"8BIM",
]


def picture(size=(120, 90)):
    image = Image.new("RGB", size)
    for x in range(size[0]):
        for y in range(0, size[1], 3):
            image.putpixel((x, y), (x * 2 % 256, y * 3 % 256, 90))
    return image


def gps_exif(orientation=None):
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"  # Make: kept
    exif[0x010E] = f"家在{PLACE}"  # ImageDescription: free text, dropped
    if orientation:
        exif[0x0112] = orientation
    exif[IFD.Exif] = {
        0x9003: "2023:12:23 10:00:00",  # DateTimeOriginal: kept
        0x927C: f"City={PLACE}".encode(),  # MakerNote: dropped
    }
    exif[IFD.GPSInfo] = {1: "N", 2: (27.0, 49.0, 30.0), 3: "E", 4: (113.0, 8.0, 0.0)}
    return exif.tobytes()


@functools.cache
def srgb_profile():
    # Cached: a new profile carries the time it was made, so two differ by the second.
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def jpeg_with_gps_exif(size=(120, 90), orientation=6):
    buffer = io.BytesIO()
    picture(size).save(
        buffer, "JPEG", quality=90, exif=gps_exif(orientation), icc_profile=srgb_profile()
    )
    return buffer.getvalue()


def iptc_app13(city):
    """A JPEG APP13 segment with an IPTC IIM City (2:90), as Photoshop writes it."""
    value = city.encode()
    iim = b"\x1c\x02\x5a" + struct.pack(">H", len(value)) + value
    resource = b"8BIM" + b"\x04\x04" + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_xmp_iptc_and_comment(size=(120, 90)):
    buffer = io.BytesIO()
    picture(size).save(buffer, "JPEG", xmp=XMP.encode(), comment=f"拍摄于{PLACE}".encode())
    data = buffer.getvalue()
    # APP13 goes right after SOI, where Photoshop and phones put their metadata.
    return data[:2] + iptc_app13(PLACE) + data[2:]


def png_with_xmp_and_text():
    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP)
    info.add_text("Location", PLACE)
    info.add_itxt("Comment", f"拍摄于{PLACE}", lang="zh", tkey="注释")
    buffer = io.BytesIO()
    picture().save(buffer, "PNG", pnginfo=info, exif=gps_exif())
    return buffer.getvalue()


def webp_with_exif_and_xmp():
    buffer = io.BytesIO()
    picture().save(buffer, "WEBP", exif=gps_exif(), xmp=XMP.encode(), lossless=True)
    return buffer.getvalue()


def gif_with_comment_and_two_frames():
    frames = [picture().convert("P"), Image.new("RGB", (120, 90), (10, 200, 30)).convert("P")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 300],
        loop=0,
        comment=f"拍摄于{PLACE}",
    )
    return buffer.getvalue()


def upload(data, name):
    return SimpleUploadedFile(name, data)


def stored(photo):
    with photo.image.open("rb") as handle:
        return handle.read()


def assert_no_location(data):
    assert [trace for trace in TRACES if trace in data] == []
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert IFD.GPSInfo not in exif and 0x010E not in exif
        assert 0x927C not in exif.get_ifd(IFD.Exif)
        for key in ("xmp", "XML:com.adobe.xmp", "comment", "photoshop", "Location", "Comment"):
            assert key not in image.info, key


def truncated_jpeg_with_gps():
    whole = jpeg_with_gps_exif(size=(400, 300))
    assert b"GPS" in whole or Image.open(io.BytesIO(whole)).getexif().get_ifd(IFD.GPSInfo)
    return whole[: len(whole) * 2 // 3]
