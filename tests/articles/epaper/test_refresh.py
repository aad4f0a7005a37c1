"""The seed edition's 数字报: each page gets a one-sheet PDF, images and an area per story."""

import pytest

pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
pypdfium2 = pytest.importorskip("pypdfium2", reason="PDFium renders the page images")

from articles.epaper.pdf import PAPER_SIZES  # noqa: E402
from articles.epaper.refresh import refresh_page, upload_pdf  # noqa: E402
from articles.models import Article, Page, PageImage, PagePrint, StoryArea  # noqa: E402

MM = 72 / 25.4


@pytest.mark.django_db
def test_seed_pages_get_pdf_images_and_an_area_for_every_story(seed, settings):
    settings.NEWSROOM_PAPER_SIZE = "broadsheet"
    pages = list(Page.objects.select_related("edition").order_by("order"))
    assert [page.label for page in pages] == ["A05", "A06"]
    for page in pages:
        done = refresh_page(page)
        assert done.pdf and done.missing == []
        sheet = PagePrint.objects.get(page=page)
        assert sheet.source == PagePrint.Source.GENERATED
        width, height = PAPER_SIZES["broadsheet"]
        assert sheet.width_pt == pytest.approx(width * MM, abs=1)
        assert sheet.height_pt == pytest.approx(height * MM, abs=1)
        with sheet.pdf.open("rb") as handle:
            assert len(pypdfium2.PdfDocument(handle.read())) == 1  # one sheet
        images = PageImage.objects.filter(page=page)
        assert sorted({(i.width, i.format) for i in images}) == sorted(
            (w, f) for w in (160, 480, 960, 1440) for f in ("jpeg", "webp")
        )
        for image in images:
            assert image.height == pytest.approx(image.width * height / width, rel=0.01)
        srcset = PageImage.objects.srcset(page, "webp").split(", ")
        assert [entry.rsplit(" ", 1)[1] for entry in srcset] == ["160w", "480w", "960w", "1440w"]
        on_page = set(Article.objects.on_page(page).values_list("pk", flat=True))
        with_area = set(StoryArea.objects.filter(page=page).values_list("article_id", flat=True))
        assert with_area == on_page
        assert not page.epaper_missing_stories().exists()
        for area in StoryArea.objects.filter(page=page):
            assert area.left >= 0 and area.left + area.width <= 1
            assert area.top >= 0 and area.top + area.height <= 1
    assert StoryArea.objects.values("article").distinct().count() == 9
    # Up to date: nothing is made again.
    again = refresh_page(pages[0])
    assert not again.pdf and again.images == 0


@pytest.mark.django_db
def test_an_uploaded_pdf_replaces_automatic_areas_and_keeps_hand_drawn_ones(seed):
    a05, a06 = Page.objects.select_related("edition").order_by("order")
    refresh_page(a05)
    content = PagePrint.objects.get(page=a05).pdf.open("rb").read()
    drawn = Article.objects.on_page(a06).first()
    StoryArea.objects.create(
        page=a06, article=drawn, left=0.1, top=0.1, width=0.2, height=0.2, source="manual"
    )
    # A06's stories are not on A05's sheet: all but the hand-drawn one are missing.
    done = upload_pdf(a06, content)
    sheet = PagePrint.objects.get(page=a06)
    assert sheet.source == PagePrint.Source.UPLOADED
    assert set(done.missing) == set(
        Article.objects.on_page(a06).exclude(pk=drawn.pk).values_list("pk", flat=True)
    )
    assert list(StoryArea.objects.filter(page=a06).values_list("article_id", "source")) == [
        (drawn.pk, "manual")
    ]
    assert PageImage.objects.filter(page=a06).count() == 8
    # An uploaded PDF is not replaced by a generated one.
    assert not refresh_page(a06).pdf
    assert PagePrint.objects.get(page=a06).source == PagePrint.Source.UPLOADED
