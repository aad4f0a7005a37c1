"""Uploads lose every kind of location metadata; unreadable or truncated files are refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from PIL.ExifTags import IFD

from articles.photos.images import strip_location
from articles.photos.validators import validate_image
from tests.articles.photos.located_images import (
    TRACES,
    assert_no_location,
    gif_with_comment_and_two_frames,
    jpeg_with_gps_exif,
    jpeg_with_xmp_iptc_and_comment,
    png_with_xmp_and_text,
    srgb_profile,
    stored,
    truncated_jpeg_with_gps,
    upload,
    webp_with_exif_and_xmp,
)
from tests.factories import PhotoFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make", "name", "image_format"),
    [
        (jpeg_with_gps_exif, "gps.jpg", "JPEG"),
        (jpeg_with_xmp_iptc_and_comment, "xmp.jpg", "JPEG"),
        (png_with_xmp_and_text, "xmp.png", "PNG"),
        (webp_with_exif_and_xmp, "xmp.webp", "WEBP"),
        (gif_with_comment_and_two_frames, "comment.gif", "GIF"),
    ],
)
def test_every_upload_loses_its_location(make, name, image_format):
    original = make()
    assert any(trace in original for trace in TRACES)  # the test file does carry a place
    validate_image(upload(original, name))
    photo = PhotoFactory(image=upload(original, name))
    data = stored(photo)
    assert_no_location(data)
    with Image.open(io.BytesIO(data)) as image, Image.open(io.BytesIO(original)) as before:
        assert image.format == image_format
        assert image.size == before.size == (photo.width, photo.height)
        assert getattr(image, "n_frames", 1) == getattr(before, "n_frames", 1)


def test_a_jpeg_keeps_orientation_colour_profile_camera_and_quality():
    original = jpeg_with_gps_exif()
    photo = PhotoFactory(image=upload(original, "gps.jpg"))
    with Image.open(io.BytesIO(stored(photo))) as image, Image.open(io.BytesIO(original)) as before:
        exif = image.getexif()
        assert exif[0x0112] == 6  # still turns the right way up
        assert exif[0x010F] == "Phone maker"
        assert exif.get_ifd(IFD.Exif)[0x9003] == "2023:12:23 10:00:00"
        assert image.info["icc_profile"] == before.info["icc_profile"] == srgb_profile()
        assert image.quantization == before.quantization  # re-encoded at its own quality


def test_png_pixels_are_unchanged():
    original = png_with_xmp_and_text()
    photo = PhotoFactory(image=upload(original, "xmp.png"))
    with Image.open(io.BytesIO(stored(photo))) as image, Image.open(io.BytesIO(original)) as before:
        assert image.tobytes() == before.tobytes()


def test_gif_animation_keeps_its_frames_and_timing():
    photo = PhotoFactory(image=upload(gif_with_comment_and_two_frames(), "a.gif"))
    with Image.open(io.BytesIO(stored(photo))) as image:
        assert image.n_frames == 2
        image.seek(1)
        assert image.info["duration"] == 300


def test_a_truncated_jpeg_is_refused_with_a_message(settings):
    settings.LANGUAGE_CODE = "zh-hans"
    cut = truncated_jpeg_with_gps()
    with Image.open(io.BytesIO(cut)) as image:
        image.verify()  # the headers alone look fine: only decoding finds the cut
    with pytest.raises(ValidationError) as refused:
        validate_image(upload(cut, "cut.jpg"))
    assert refused.value.code == "unreadable"
    assert "图片文件已损坏或不完整" in refused.value.messages[0]


@pytest.mark.parametrize("data", [b"", b"not a picture", b"\xff\xd8\xff\xe0garbage"])
def test_unreadable_files_are_refused(data):
    with pytest.raises(ValidationError):
        validate_image(upload(data, "x.jpg"))


def test_saving_a_truncated_upload_in_code_is_refused_not_stored():
    with pytest.raises(ValidationError):
        PhotoFactory(image=upload(truncated_jpeg_with_gps(), "cut.jpg"))


def test_strip_location_leaves_the_upload_where_it_was():
    file = upload(jpeg_with_gps_exif(), "gps.jpg")
    file.seek(5)
    strip_location(file)
    assert file.tell() == 5


def test_a_stored_photo_is_not_validated_again(media_root):
    photo = PhotoFactory(image=upload(jpeg_with_gps_exif(), "gps.jpg"))
    (media_root / photo.image.name).write_bytes(b"broken since")
    validate_image(photo.image)  # checked when it arrived; not read again
    photo.full_clean()
