"""Image renditions: made once on save, several widths, WebP and JPEG, for published stories."""

from unittest import mock

import pytest
from django.urls import reverse
from PIL import Image

from articles.models import Article
from articles.photos import renditions
from articles.photos.renditions import rendition_url
from tests.admin_forms import article_form
from tests.articles.photos.located_images import (
    TRACES,
    jpeg_with_gps_exif,
    jpeg_with_xmp_iptc_and_comment,
)
from tests.factories import PhotoFactory, image_file, make_article


@pytest.fixture
def on_save(settings):
    settings.NEWSROOM_RENDITIONS_ON_SAVE = True


def test_saving_a_photo_writes_every_width_in_webp_and_jpeg(db, on_save):
    photo = PhotoFactory(image=image_file(size=(1000, 500)))
    for fmt, pillow_format in [("webp", "WEBP"), ("jpg", "JPEG")]:
        for width in (400, 800):
            with Image.open(renditions.path(photo, width, fmt)) as image:
                assert image.format == pillow_format
                assert image.size == (width, width // 2)
        assert not renditions.path(photo, 1200, fmt).exists()  # never wider than the original


def test_a_small_original_gets_one_rendition_of_its_own_width(db):
    photo = PhotoFactory(image=image_file(size=(300, 200)))
    assert renditions.widths(photo) == [300]


def test_readers_get_renditions_of_published_stories(client, db):
    photo = PhotoFactory(article=make_article(), image=image_file(size=(800, 600)))
    response = client.get(rendition_url(photo, renditions.renditions(photo, "webp")[0]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content)[:4] == b"RIFF"


@pytest.mark.parametrize(
    "status", [Article.Status.DRAFT, Article.Status.SUBMITTED, Article.Status.WITHDRAWN]
)
def test_renditions_of_unpublished_stories_are_not_served(client, db, on_save, status):
    photo = PhotoFactory(article=make_article(status=status))
    url = rendition_url(photo, renditions.renditions(photo, "jpg")[0])
    assert renditions.path(photo, photo.width, "jpg").exists()  # made, but not handed out
    assert client.get(url).status_code == 404


def test_unknown_widths_and_stale_tokens_are_not_found(client, db):
    photo = PhotoFactory(article=make_article(), image=image_file(size=(800, 600)))
    assert client.get(f"/photos/{photo.pk}/{renditions.token(photo)}-123.jpg").status_code == 404
    assert client.get(f"/photos/{photo.pk}/0123456789-400.jpg").status_code == 404
    assert client.get(f"/photos/{photo.pk}/{renditions.token(photo)}-400.gif").status_code == 404


def test_a_request_never_resizes_an_existing_rendition(client, db, on_save):
    photo = PhotoFactory(article=make_article(), image=image_file(size=(800, 600)))
    url = rendition_url(photo, renditions.renditions(photo, "jpg")[0])
    with mock.patch.object(renditions, "make_renditions") as make:
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200
    make.assert_not_called()


def test_story_page_picture_has_sources_size_alt_and_lazy_loading(client, db):
    article = make_article(photos=2)
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("<picture>") == 2
    assert html.count('<source type="image/webp" srcset="/photos/') == 2
    assert 'width="64" height="48" alt="颁奖现场。"' in html
    assert 'fetchpriority="high"' in html  # the first picture
    assert 'loading="lazy"' in html  # the others
    assert "/media/" not in html  # originals are never linked


def test_deleting_a_photo_removes_its_renditions(on_save, client_for):
    article = make_article(status=Article.Status.SUBMITTED)
    photo = PhotoFactory(article=article)
    folder = renditions.path(photo, photo.width, "jpg").parent
    assert folder.exists()
    data = article_form(
        article,
        **{
            "photos-TOTAL_FORMS": 1,
            "photos-INITIAL_FORMS": 1,
            "photos-0-id": photo.pk,
            "photos-0-article": article.pk,
            "photos-0-caption": photo.caption,
            "photos-0-order": 0,
            "photos-0-DELETE": "on",
        },
    )
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert client_for("editor").post(change, data).status_code == 302
    assert not folder.exists()


@pytest.mark.parametrize("make", [jpeg_with_xmp_iptc_and_comment, jpeg_with_gps_exif])
def test_renditions_carry_no_metadata_even_of_an_original_stored_before_cleaning(
    db, media_root, make
):
    photo = PhotoFactory(image=image_file(size=(500, 400)))
    # An original stored before uploads were cleaned, still saying where it was taken.
    (media_root / photo.image.name).write_bytes(make(size=(500, 400)))
    for target in renditions.make_renditions(photo):
        data = target.read_bytes()
        assert [trace for trace in TRACES if trace in data] == []
        with Image.open(target) as image:
            assert not image.getexif()
            assert not {"xmp", "comment", "photoshop", "icc_profile"} & set(image.info)
