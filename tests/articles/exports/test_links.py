"""Every address an export gives resolves on this site, and pictures are cleaned renditions,
never the original uploads; the print export shows pictures of stories not yet published."""

import base64
import io
import json
import re
from urllib.parse import urlsplit

import pytest
from django.urls import resolve, reverse
from PIL import Image

from articles.models import Article, Photo
from tests.articles.photos.located_images import TRACES, jpeg_with_xmp_iptc_and_comment

pytestmark = pytest.mark.django_db
SITE = "http://testserver"


def download(client, fmt, label="A06"):
    url = reverse("staff:export_page", args=["2023-12-26", label, fmt])
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def addresses(value):
    """Every string in a JSON document that is an address on this site or a URN."""
    if isinstance(value, dict):
        for item in value.values():
            yield from addresses(item)
    elif isinstance(value, list):
        for item in value:
            yield from addresses(item)
    elif isinstance(value, str) and ("://" in value or value.startswith(("/", "urn:"))):
        yield value


def assert_resolves(address):
    parts = urlsplit(address)
    assert f"{parts.scheme}://{parts.netloc}" == SITE, address  # one host, not two
    return resolve(parts.path)


@pytest.fixture
def staff(client_for):
    return client_for("editor")


@pytest.fixture
def located_originals(seed, media_root):
    """The seed's originals replaced by files that still say where they were taken."""
    for photo in Photo.objects.all():
        (media_root / photo.image.name).write_bytes(
            jpeg_with_xmp_iptc_and_comment(size=(photo.width, photo.height))
        )


@pytest.mark.parametrize("label", ["A05", "A06"])
def test_every_address_in_the_json_export_resolves(staff, seed, label):
    data = json.loads(download(staff, "json", label))
    found = list(addresses(data))
    assert found
    for address in found:
        assert_resolves(address)
    photos = [photo for article in data["stories"] for photo in article["photos"]]
    for photo in photos:
        assert resolve(urlsplit(photo["image"]).path).url_name == "rendition"
        jpegs = [r for r in photo["renditions"] if r["content_type"] == "image/jpeg"]
        assert photo["image"] == jpegs[-1]["url"]  # the largest
        assert {r["content_type"] for r in photo["renditions"]} == {"image/jpeg", "image/webp"}


@pytest.mark.parametrize("label", ["A05", "A06"])
def test_every_address_in_the_ninjs_export_resolves_and_validates(
    staff, seed, label, ninjs_validator
):
    documents = json.loads(download(staff, "ninjs", label))
    articles = {article.pk: article for article in Article.objects.all()}
    pictures = 0
    for document in documents:
        assert [e.message for e in ninjs_validator.iter_errors(document)] == []
        match = assert_resolves(document["uri"])
        assert match.url_name == "detail"
        assert articles[match.kwargs["pk"]].get_absolute_url() in document["uri"]
        for address in addresses(document):
            if not address.startswith("urn:"):
                assert_resolves(address)
        for picture in document.get("associations", []):
            if picture.get("type") != "picture":
                continue
            pictures += 1
            assert assert_resolves(picture["uri"]).url_name == "rendition"
            for rendition in picture["renditions"]:
                assert assert_resolves(rendition["href"]).url_name == "rendition"
    assert pictures == Photo.objects.filter(article__page__label=label).count()


def test_the_picture_links_of_a_published_story_give_cleaned_pictures(
    client, staff, located_originals
):
    data = json.loads(download(staff, "json"))
    photos = [photo for article in data["stories"] for photo in article["photos"]]
    assert photos
    for photo in photos:
        for rendition in photo["renditions"]:
            response = client.get(rendition["url"])  # a reader, not logged in
            assert response.status_code == 200
            content = b"".join(response.streaming_content)
            assert [trace for trace in TRACES if trace in content] == []
            with Image.open(io.BytesIO(content)) as image:
                assert image.size == (rendition["width"], rendition["height"])
                assert not image.getexif()
                assert not {"xmp", "comment", "photoshop"} & set(image.info)


@pytest.mark.parametrize("fmt", ["json", "ninjs", "html", "markdown"])
def test_no_export_links_an_original_upload(staff, seed, fmt):
    content = download(staff, fmt).decode()
    assert "/media/" not in content
    for photo in Photo.objects.filter(article__page__label="A06"):
        assert f"/{photo.image.name}" not in content


def data_uri_images(html):
    return [
        base64.b64decode(match)
        for match in re.findall(r'<img src="data:image/jpeg;base64,([^"]+)"', html)
    ]


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.SUBMITTED])
def test_print_export_of_an_unpublished_photo_story_shows_its_cleaned_pictures(
    client, staff, located_originals, status
):
    photo_articles = Article.objects.filter(kind=Article.Kind.PHOTO, photos__isnull=False)
    article = photo_articles.select_related("page").first()
    Article.objects.filter(pk=article.pk).update(status=status)
    photos = list(article.photos.all())
    # Readers cannot fetch these pictures yet, so the print file cannot link them.
    json_photos = [
        photo
        for item in json.loads(download(staff, "json", article.page.label))["stories"]
        if item["id"] == article.pk
        for photo in item["photos"]
    ]
    assert client.get(json_photos[0]["image"]).status_code == 404
    html = download(staff, "html", article.page.label).decode()
    block = re.search(
        rf'<article class="story photo" id="story-{article.pk}">(.*?)</article>', html, re.S
    )
    assert block
    pictures = data_uri_images(block.group(1))
    assert len(pictures) == len(photos) == len(json_photos)
    for content, photo in zip(pictures, json_photos, strict=True):
        assert [trace for trace in TRACES if trace in content] == []
        with Image.open(io.BytesIO(content)) as image:
            assert image.format == "JPEG"
            assert image.width == photo["renditions"][-1]["width"]  # the largest JPEG
            assert not image.getexif() and "comment" not in image.info


def test_print_export_prints_a_placeholder_for_a_missing_picture(staff, seed, media_root):
    photo = Photo.objects.filter(article__page__label="A06").first()
    (media_root / photo.image.name).unlink()
    html = download(staff, "html").decode()
    assert '<div class="missing" role="img"' in html
    assert (
        len(data_uri_images(html)) == Photo.objects.filter(article__page__label="A06").count() - 1
    )
