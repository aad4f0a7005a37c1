"""Previews: staff see an unpublished story or page as readers will; a signed link
shows that one thing to a phone until it expires; nobody else learns a draft exists."""

import datetime
import re
import time

import pytest
from django.core import signing
from django.utils import timezone

from articles.models import Article
from articles.photos import renditions
from articles.public import preview
from tests.factories import EditionFactory, PageFactory, make_article, withdraw

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    return PageFactory(edition=EditionFactory(date=datetime.date(2023, 12, 26)), label="A05")


@pytest.fixture
def draft(page):
    return make_article(
        headline="未发布的预览稿件",
        body=[{"type": "paragraph", "text": "只有编辑部能看到的正文。"}],
        status=Article.Status.DRAFT,
        published_at=None,
        page=page,
        page_position=1,
        photos=1,
    )


@pytest.fixture
def public(page):
    return make_article(
        headline="已经发布的稿件", page=page, page_position=2, published_at=timezone.now()
    )


def story_url(article, token=None):
    return preview.story_url(article, token)


def image_urls(html):
    return re.findall(r'(?:src|srcset)="([^" ]+)', html)


def test_staff_see_a_draft_as_readers_will(client_for, draft):
    response = client_for("reporter").get(story_url(draft))
    assert response.status_code == 200
    html = response.content.decode()
    assert "未发布的预览稿件" in html and "只有编辑部能看到的正文。" in html
    assert 'class="masthead"' in html  # the readers' page around it
    assert "预览" in html and "草稿" in html
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    # The readers' own address still answers 404 for the same story.
    assert client_for("reporter").get(draft.get_absolute_url()).status_code == 404


def test_a_preview_shows_the_story_as_saved_now(client_for, draft):
    draft.headline = "改过的标题"
    Article.objects.filter(pk=draft.pk).update(headline="改过的标题")  # stored rendering is old
    html = client_for("chief").get(story_url(draft)).content.decode()
    assert "改过的标题" in html and "未发布的预览稿件" not in html


def test_the_preview_shows_photos_through_the_preview_address(client_for, draft):
    html = client_for("chief").get(story_url(draft)).content.decode()
    images = image_urls(html)
    assert images and all(url.startswith("/preview/photos/") for url in images)
    assert client_for("chief").get(images[0]).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "not staff"])
def test_without_a_signature_nobody_else_sees_anything(client, django_user_model, draft, who):
    if who == "not staff":
        client.force_login(django_user_model.objects.create_user("reader", password="x"))
    for url in [story_url(draft), preview.page_url(draft.page)]:
        response = client.get(url)
        assert response.status_code == 404
        assert "未发布的预览稿件" not in response.content.decode()


def test_a_signed_link_opens_the_story_on_a_phone(client_for, client, draft):
    staff_html = client_for("chief").get(story_url(draft)).content.decode()
    phone_link = re.search(r'value="http://testserver([^"]+)"', staff_html).group(1)
    response = client.get(phone_link.replace("&amp;", "&"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "未发布的预览稿件" in html and "有效至" in html
    assert response["Referrer-Policy"] == "no-referrer"
    images = image_urls(html)
    assert images and all("token=" in url for url in images)
    assert client.get(images[0].replace("&amp;", "&")).status_code == 200


def test_an_expired_link_answers_404(client, draft, monkeypatch):
    assert client.get(preview.signed_story_url(draft)).status_code == 200
    signed_at = time.time() - preview.LINK_MAX_AGE.total_seconds() - 60
    with monkeypatch.context() as past:
        past.setattr(signing.time, "time", lambda: signed_at)
        url = preview.signed_story_url(draft)
    response = client.get(url)
    assert response.status_code == 404
    assert "未发布的预览稿件" not in response.content.decode()


def test_a_tampered_or_forged_signature_answers_404(client, draft, public, settings):
    other = make_article(headline="另一篇草稿", status=Article.Status.DRAFT, published_at=None)
    token = preview.sign(preview.STORY, draft.pk)
    value, stamp, signature = token.rsplit(":", 2)
    forged_by_other_key = signing.TimestampSigner(key="x" * 50, salt=preview.SALT).sign(
        f"story:{other.pk}"
    )
    wrong_salt = signing.TimestampSigner(salt="another.purpose").sign(f"story:{other.pk}")
    for url in [
        story_url(other, token),  # another story's id with this story's signature
        story_url(draft, f"story:{other.pk}:{stamp}:{signature}"),
        # The last character changed (to A, or to B where it already was A: a 1 in 64 flake).
        story_url(
            draft, f"{value}:{stamp}:{signature[:-1]}{'B' if signature.endswith('A') else 'A'}"
        ),
        story_url(other, forged_by_other_key),
        story_url(other, wrong_salt),
        story_url(draft, "x" * 500),
        story_url(draft, "%%%"),
        preview.page_url(draft.page, token),  # a story's link does not open its page
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "另一篇草稿" not in response.content.decode()
        assert "未发布的预览稿件" not in response.content.decode()


def test_a_signed_link_never_opens_a_withdrawn_story(client, client_for, public):
    url = preview.signed_story_url(public)
    withdraw(public)
    assert client.get(url).status_code == 404
    assert client_for("chief").get(story_url(public)).status_code == 200


def test_a_photo_of_another_story_is_not_served_under_this_link(client, draft):
    other = make_article(status=Article.Status.DRAFT, published_at=None, photos=1)
    photo = other.photos.get()
    rendition = renditions.renditions(photo, "jpg")[0]
    token = preview.sign(preview.STORY, draft.pk)
    url = f"/preview/photos/{photo.pk}/{renditions.token(photo)}-{rendition.width}.jpg"
    assert client.get(f"{url}?token={token}").status_code == 404


def test_the_page_preview_shows_every_story_placed_on_it(client_for, client, draft, public):
    staff = client_for("editor").get(preview.page_url(draft.page))
    assert staff.status_code == 200
    html = staff.content.decode()
    assert "未发布的预览稿件" in html and "已经发布的稿件" in html
    assert "1篇稿件尚未发布" in html
    assert f'href="/preview/stories/{draft.pk}/"' in html
    # The page's signed link opens the page and the stories placed on it, nothing else.
    signed = preview.signed_page_url(draft.page)
    phone = client.get(signed)
    assert phone.status_code == 200
    story_link = re.search(
        rf'href="(/preview/stories/{draft.pk}/\?token=[^"]+)"', phone.content.decode()
    )
    assert client.get(story_link.group(1).replace("&amp;", "&")).status_code == 200
    elsewhere = make_article(status=Article.Status.DRAFT, published_at=None)
    token = signed.split("token=", 1)[1]
    assert client.get(story_url(elsewhere, token)).status_code == 404


def test_the_published_page_for_readers_is_untouched(client, draft, public):
    html = client.get(draft.page.get_absolute_url()).content.decode()
    assert "已经发布的稿件" in html and "未发布的预览稿件" not in html
    assert "/preview/" not in html


def test_the_change_form_links_the_preview(client_for, draft):
    from django.urls import reverse

    html = (
        client_for("chief")
        .get(reverse("admin:articles_article_change", args=[draft.pk]))
        .content.decode()
    )
    assert f'href="/preview/stories/{draft.pk}/"' in html


def test_crafted_addresses_answer_404_to_staff_too(client_for, draft):
    from tests.articles.public.test_fuzz import CRAFTED

    client = client_for("chief")
    client.raise_request_exception = False
    photo = draft.photos.get()
    token = renditions.token(photo)
    for value in CRAFTED:
        for url in [
            f"/preview/stories/{value}/",
            f"/preview/pages/2023-12-26/{value}/",
            f"/preview/pages/{value}/A05/",
            f"/preview/photos/{photo.pk}/{token}-{value}.jpg",
            f"/preview/photos/{photo.pk}/{token}-400.{value}",
            f"/preview/stories/{draft.pk}/?token={value}",
        ]:
            status = client.get(url).status_code
            assert status < 500, (url, status)
