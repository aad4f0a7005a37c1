"""Admin login lockout, upload safety and who-else-is-editing."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import EditPresence
from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_with_gps():
    image = Image.new("RGB", (40, 30), (120, 130, 140))
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"  # Make: harmless, kept
    exif[GPS_IFD] = {1: "N", 2: (27.0, 49.0, 30.0), 3: "E", 4: (113.0, 8.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("IMG_家里.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_uploaded_photos_lose_their_location_and_get_a_generated_name():
    upload = jpeg_with_gps()
    with Image.open(io.BytesIO(upload.read())) as original:
        assert GPS_IFD in original.getexif()
    upload.seek(0)
    photo = PhotoFactory(image=upload)
    assert "家里" not in photo.image.name and "IMG" not in photo.image.name
    assert photo.image.name.startswith("photos/") and photo.image.name.endswith(".jpg")
    with photo.image.open("rb") as handle, Image.open(handle) as stored:
        exif = stored.getexif()
        assert GPS_IFD not in exif
        assert exif.get(0x010F) == "Phone maker"


def test_photo_without_location_is_stored_untouched():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30)).save(buffer, "PNG")
    photo = PhotoFactory(image=SimpleUploadedFile("a.png", buffer.getvalue()))
    with photo.image.open("rb") as handle:
        assert handle.read() == buffer.getvalue()


def test_login_is_locked_after_repeated_failures(client, users, settings):
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "editor", "password": "wrong"})
    locked = client.post(url, {"username": "editor", "password": "newsroom-demo"})
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_correct_login_still_works_before_the_limit(client, users):
    url = reverse("admin:login")
    client.post(url, {"username": "editor", "password": "wrong"})
    response = client.post(url, {"username": "editor", "password": "newsroom-demo"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(users["editor"].pk)


def test_password_validators_refuse_weak_passwords(users):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("12345678", users["editor"])


def test_others_editing_are_shown_and_the_lock_expires(users, client_for):
    article = ArticleFactory(status="submitted")
    client_for("editor").get(reverse("admin:articles_article_change", args=[article.pk]))
    seen = client_for("proofreader").get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    assert "编辑在" in seen.content.decode() and "可能正在编辑" in seen.content.decode()
    stale = EditPresence.objects.get(user=users["editor"])
    stale.seen_at -= datetime.timedelta(seconds=EditPresence.TTL_SECONDS + 1)
    stale.save()
    later = client_for("proofreader").get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    assert "可能正在编辑" not in later.content.decode()


@pytest.mark.parametrize("role", ["reporter", "editor", "arteditor", "proofreader"])
def test_only_the_chief_may_sign_off_or_withdraw_in_bulk(client_for, role):
    from articles.models import Article

    proofread = ArticleFactory(status="proofread")  # what the chief signs off
    published = ArticleFactory(status="published")
    url = reverse("admin:articles_article_changelist")
    client = client_for(role)
    client.post(url, {"action": "sign_off_selected", "_selected_action": [proofread.pk]})
    client.post(
        url,
        {
            "action": "withdraw_selected",
            "_selected_action": [published.pk],
            "confirm": "1",
            "reason": "x",
        },
    )
    assert Article.objects.get(pk=proofread.pk).status == "proofread"
    assert Article.objects.get(pk=published.pk).status == "published"


@pytest.mark.parametrize("role", ["reporter", "proofreader"])
def test_page_staff_cannot_be_changed_without_page_rights(client_for, role):
    from tests.factories import PageFactory

    page = PageFactory(name="要闻")
    url = reverse("admin:articles_page_change", args=[page.pk])
    response = client_for(role).post(
        url, {"edition": page.edition_id, "label": "A01", "name": "改版"}
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.name == "要闻"
