"""Photo stories in the admin: stored photos are not re-checked as uploads; a bad upload is a
form error, never a 500."""

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Photo
from tests.articles.photos.located_images import truncated_jpeg_with_gps

pytestmark = pytest.mark.django_db


class _FormValues(HTMLParser):
    """The values a browser would submit from the admin's change form (files left empty)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.values = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "__prefix__" in attrs.get("name", ""):
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("file", "submit", "button", "image"):
                self.values.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # The HTML parser drops the newline that follows <textarea>, as browsers do.
            self.values.append(tuple(self._textarea))
            self._textarea = None


def current_values(client, url):
    """``{name: value or [values]}`` of the change form at ``url``, as a browser posts it."""
    response = client.get(url)
    assert response.status_code == 200
    parser = _FormValues("article_form")
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.values:
        data.setdefault(name, []).append(value)
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


def photo_article():
    return Article.objects.filter(kind=Article.Kind.PHOTO, photos__isnull=False).first()


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_chief_saves_a_published_seed_photo_story_unchanged_but_for_a_correction(seed, client_for):
    article = photo_article()
    client = client_for("chief")
    data = current_values(client, change_url(article))
    assert data["photos-INITIAL_FORMS"] != "0"  # the stored photos are in the post
    data["correction_note"] = "图片说明更正。"
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.parametrize("username", ["editor", "chief"])
def test_every_seed_story_with_photos_saves_as_it_is(seed, client_for, username):
    articles = Article.objects.filter(photos__isnull=False).distinct()
    assert articles.count() == 3
    # Back to submitted, as a story is while the desk edits it.
    articles.update(status=Article.Status.SUBMITTED)
    client = client_for(username)
    for article in articles:
        data = current_values(client, change_url(article))
        response = client.post(change_url(article), data)
        assert response.status_code == 302, (article.headline, response.content.decode()[:2000])


def test_a_truncated_upload_is_a_form_error_not_a_500(seed, client_for):
    article = photo_article()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.SUBMITTED)
    client = client_for("editor")
    data = current_values(client, change_url(article))
    total = int(data["photos-TOTAL_FORMS"])
    data.update(
        {
            "photos-TOTAL_FORMS": str(total + 1),
            f"photos-{total}-image": SimpleUploadedFile(
                "cut.jpg", truncated_jpeg_with_gps(), content_type="image/jpeg"
            ),
            f"photos-{total}-caption": "不完整的图片。",
            f"photos-{total}-order": str(total),
            f"photos-{total}-article": str(article.pk),
        }
    )
    before = Photo.objects.count()
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "图片文件已损坏或不完整" in response.content.decode()
    assert Photo.objects.count() == before


def test_full_clean_of_a_stored_photo_passes(seed):
    photo = Photo.objects.first()
    photo.image.open("rb").close()  # a closed file, as the admin leaves it
    photo.full_clean()
