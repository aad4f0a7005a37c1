"""The art editor uploads the page PDF the layout system made; images and areas follow."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.epaper.areas import story_texts
from articles.models import Page, PageImage, PagePrint, StoryArea
from tests.articles.epaper.test_areas import FONT
from tests.articles.epaper.test_areas import Page as FpdfPage

pytest.importorskip("pypdfium2", reason="PDFium renders the page images")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="fonts-noto-cjk is not installed")

ADD = reverse("admin:articles_pageprint_add")


def layout_system_pdf(page):
    """A06 as another layout system would set it: four stories side by side."""
    sheet = FpdfPage(1114, 1548)
    for column, story in enumerate(story_texts(page)):
        x = 40 + column * 265
        sheet.write(story.headline[:11], x, 50, 22)
        text, y = story.text.replace("\n", "")[len(story.headline) :], 90
        while text and y < 1500:
            sheet.write(text[:24], x, y, 10)
            text, y = text[24:], y + 15
    return sheet.output()


def test_the_art_editor_uploads_a_page_pdf_made_elsewhere(client_for, seed):
    a06 = Page.objects.get(label="A06")
    content = layout_system_pdf(a06)
    upload = SimpleUploadedFile("A06.pdf", content, content_type="application/pdf")
    response = client_for("arteditor").post(ADD, {"page": a06.pk, "upload": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    sheet = PagePrint.objects.get(page=a06)
    assert sheet.source == PagePrint.Source.UPLOADED
    assert sheet.pdf.open("rb").read() == content
    assert sheet.width_pt == pytest.approx(1114)
    assert PageImage.objects.filter(page=a06).count() == 8
    areas = StoryArea.objects.filter(page=a06)
    assert {area.article_id for area in areas} == {story.id for story in story_texts(a06)}
    # Four stories side by side: each area lies in its story's own quarter of the page.
    order = [story.id for story in story_texts(a06)]
    for area in areas:
        column = order.index(area.article_id)
        assert (40 + column * 265 - 5) / 1114 <= area.left
        assert area.left + area.width <= (40 + column * 265 + 250) / 1114


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"GIF89a not a pdf", "这不是PDF文件"), (None, "版面PDF只有一页")],
)
def test_an_upload_that_is_not_a_one_page_pdf_is_refused(client_for, seed, content, message):
    a06 = Page.objects.get(label="A06")
    if content is None:
        sheet = FpdfPage(400, 400)
        sheet.pdf.add_page()
        content = sheet.output()
    upload = SimpleUploadedFile("A06.pdf", content, content_type="application/pdf")
    response = client_for("arteditor").post(ADD, {"page": a06.pk, "upload": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PagePrint.objects.exists()


def test_a_reporter_cannot_upload(client_for, seed):
    a06 = Page.objects.get(label="A06")
    upload = SimpleUploadedFile("A06.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = client_for("reporter").post(ADD, {"page": a06.pk, "upload": upload})
    assert response.status_code == 403
